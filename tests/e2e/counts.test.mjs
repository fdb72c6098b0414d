// Counts that agree: every number the header gives is the length of a list the page offers, on the built-in
// corpus and on ECB+; "articles" counts articles; a country filter keeps the quotations of its people.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, loadFiles, ecbplus } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const number = (s) => Number(s.replace(/,/g, ''));

/** The header's counts: { articles, quotations, speakers, countries }. */
async function header(page) {
  const text = await page.locator('.summary').innerText();
  const m = text.match(/^([\d,]+) articles? · ([\d,]+) quotations? · ([\d,]+) speakers? · ([\d,]+) countr(?:y|ies)$/);
  assert.ok(m, text);
  return { articles: number(m[1]), quotations: number(m[2]), speakers: number(m[3]), countries: number(m[4]) };
}

/** Opens a facet list in full and returns its values. */
async function allValues(page, area) {
  const facet = page.locator(`[data-area="${area}"]`);
  for (;;) {
    const more = facet.getByRole('button', { name: /^Show \d+ more of/ });
    if (await more.count() === 0) break;
    await more.click();
  }
  return facet.locator('.facet-label').allTextContents();
}

async function agree(page, name) {
  const h = await header(page);
  // Articles: what the reader shows (it draws 25 at a time and says of how many).
  const line = await page.locator('.reader .count-line').count() ? await page.locator('.reader .count-line').innerText() : null;
  const readerTotal = line ? number(line.match(/of ([\d,]+) articles/)[1]) : await page.locator('article.article').count();
  assert.equal(readerTotal, h.articles, `${name}: articles`);
  // Speakers and countries: the lists, each value once.
  const speakers = await allValues(page, 'speakers');
  assert.equal(speakers.length, h.speakers, `${name}: speakers in the list`);
  assert.equal(new Set(speakers).size, speakers.length, `${name}: each speaker once`);
  assert.match(await page.locator('#facet-speakers').innerText(), new RegExp(`\\(${h.speakers}\\)`));
  const countries = await allValues(page, 'countries');
  assert.equal(countries.length, h.countries, `${name}: countries in the list`);
  // Quotations: "Who said what" unfiltered.
  await page.locator('#tab-quotes').click();
  const q = await page.locator('.quotes .count-line').innerText();
  const [, quotations, by] = q.match(/^([\d,]+) quotations? by ([\d,]+) speakers?$/);
  assert.equal(number(quotations), h.quotations, `${name}: quotations`);
  assert.equal(number(by), h.speakers, `${name}: every listed speaker has quotations`);
  await page.locator('#tab-reader').click();
  console.log(`${name}: ${h.articles} articles, ${h.quotations} quotations, ${h.speakers} speakers, ${h.countries} countries: each a list the page offers`);
  return { h, speakers };
}

test('built-in corpus: every header count is a list; "United States" speaks and can be chosen', async () => {
  const page = await openApp(browser, server.url);
  const { h, speakers } = await agree(page, 'built-in');
  assert.equal(h.articles, 5);
  assert.ok(speakers.includes('United States'), speakers.join(', '));
  assert.ok(speakers.includes('open letter (opposition figures)'), 'the open letter is named for what it is');
  assert.ok(!speakers.includes('text'));
  await page.locator('[data-area="speakers"] .facet-item', { hasText: /^United States/ }).click();
  await page.locator('#tab-quotes').click();
  const groups = await page.locator('.speaker-group h3').allTextContents();
  assert.equal(groups.length, 1);
  assert.match(groups[0], /^United States 1 quotations/);
  assert.match(await page.locator('.load-count').innerText(), /^5 articles: the built-in example$/);
  assert.deepEqual(page.errors, []);
});

test('ECB+ (982 articles): every header count is a list', { timeout: 300_000 }, async () => {
  const page = await openApp(browser, server.url);
  await loadFiles(page, ecbplus, 982);
  const { h } = await agree(page, 'ECB+');
  assert.equal(h.articles, 982);
  assert.equal(await page.locator('.load-count').innerText(), '982 articles from 1 file');
  assert.equal(await page.locator('.not-loaded').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a country filter keeps the quotations of the people tied to it', async () => {
  const page = await openApp(browser, server.url + '?country=Brazil');
  // Rousseff's two quotations follow the paragraph naming her, without naming Brazil themselves.
  const quotes = page.locator('.quote:not(.dim)[data-speaker="Dilma Rousseff"]');
  assert.equal(await quotes.count(), 2);
  const text = await page.locator('.reader').innerText();
  assert.ok(text.includes('Brazilian President Dilma Rousseff'));
  await page.locator('#tab-quotes').click();
  const groups = await page.locator('.speaker-group h3').allTextContents();
  assert.ok(groups.some((g) => /^Dilma Rousseff 2 quotations/.test(g)), groups.join(' | '));
  assert.deepEqual(page.errors, []);
});
