// The reader's doubt and corrections end to end, on the built-in articles: unsure attributions marked with
// their alternatives; each kind of correction made from the quotation or the name itself; every view's
// numbers checked against the command line's analysis with the same corrections; the link reopened in a
// fresh browser context; the corrections file downloaded, applied by `newsprism analyze --corrections`,
// and opened again by the page; axe-core at 1280 and 390 px; screenshots to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openApp, axeViolations, screenshot, root } from './harness.mjs';

const corpus = join(root, 'www', 'corpus');
let server, browser, files, dir;
before(async () => {
  server = await serveDist();
  browser = await launch();
  files = (await readdir(corpus)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(corpus, f));
  dir = await mkdtemp(join(tmpdir(), 'newsprism-corrections-'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** The command line's analysis of the built-in articles, with a corrections file when given. */
function cli(correctionsFile) {
  const args = ['run', '--quiet', '--release', '-p', 'newsprism-core', '--bin', 'newsprism', '--', 'analyze', '--format', 'json'];
  if (correctionsFile) args.push('--corrections', correctionsFile);
  return JSON.parse(execFileSync('cargo', [...args, ...files], { cwd: root, maxBuffer: 1 << 28 }));
}

/** Every quotation the reader shows: id → speaker name ('' when none). Waits until all are drawn. */
async function readerSpeakers(page) {
  await page.waitForFunction(() => document.querySelector('.reader')?.getAttribute('aria-busy') === 'false');
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.quote[data-quote]')].map((q) => [q.dataset.quote, q.dataset.speaker])));
}

/** The speaker list, every item shown: name → count. */
async function speakerList(page) {
  const more = page.locator('[data-area="speakers"]').getByRole('button', { name: /^Show \d+ more of/ });
  while (await more.count() > 0) await more.first().click();
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-area="speakers"] .facet-item')].map((b) => [b.querySelector('.facet-label').textContent, Number(b.querySelector('.count').firstChild.textContent)])));
}

/** Opens the card of quotation `id` from its "said by" button in the reader. */
async function openQuoteCard(page, id) {
  const index = await page.evaluate((id) => {
    const spans = [...document.querySelectorAll('.quote[data-quote]')];
    return spans.findIndex((s) => s.dataset.quote === id);
  }, id);
  assert.ok(index >= 0, `quotation ${id} is shown`);
  // The paragraph's row of "said by" buttons follows it; the button of this quotation is its n-th.
  const button = page.locator(`.quote[data-quote="${id}"]`).locator('xpath=ancestor::p[1]/following-sibling::div[contains(@class,"said-row")][1]')
    .locator('button.said-by').nth(await page.evaluate((id) => {
      const span = document.querySelector(`.quote[data-quote="${id}"]`);
      return [...span.closest('p').querySelectorAll('.quote[data-quote]')].indexOf(span);
    }, id));
  await button.click();
  await page.waitForSelector(`#card-${id}`);
}

test('unsure attributions are marked wherever a speaker is named, with their alternatives', async () => {
  const analysis = cli();
  const unsure = analysis.quotes.filter((q) => q.speaker && q.confidence < 0.75);
  assert.ok(unsure.length > 0, 'the built-in articles hold unsure attributions');
  const page = await openApp(browser, server.url);
  const marked = await page.evaluate(() => [...document.querySelectorAll('.quote.unsure[data-quote]')].map((q) => q.dataset.quote));
  assert.deepEqual(marked.sort(), unsure.map((q) => q.id).sort(), 'the reader marks exactly the unsure ones');
  const q = unsure.find((x) => x.alternatives.length > 0) ?? unsure[0];
  await openQuoteCard(page, q.id);
  const card = await page.locator(`#card-${q.id}`).innerText();
  assert.match(card, /unsure: \d+ % likely/);
  if (q.alternatives.length) assert.ok(card.includes(`or: ${q.alternatives[0].name}, ${Math.round(q.alternatives[0].probability * 100)} %`), card);
  await screenshot(page, 'unsure-card-1280');
  await page.getByRole('tab', { name: 'Who said what' }).click();
  const moreSpeakers = page.getByRole('button', { name: /^Show \d+ more of \d+ speakers$/ });
  while (await moreSpeakers.count() > 0) await moreSpeakers.first().click();
  const showAll = page.getByRole('button', { name: /^Show all \d+ quotations$/ });
  while (await showAll.count() > 0) await showAll.first().click();
  assert.equal(await page.locator('.quote-item.unsure').count(), unsure.length, '"Who said what" marks them too');
  await page.getByRole('tab', { name: 'Who quoted whom' }).click();
  const doubts = await page.evaluate(() => [...document.querySelectorAll('.cell-button .doubt')].reduce((n, d) => n + Number(d.textContent.trim().replace('?', '')), 0));
  assert.equal(doubts, unsure.length, 'the matrix counts them');
  await page.close();
});

test('each kind of correction, every view following, the link and the file agreeing with the command line', async () => {
  const before = cli();
  const page = await openApp(browser, server.url);
  const byName = (n) => before.entities.find((e) => e.name === n);
  const putin = before.quotes.find((q) => q.speaker?.name === 'Vladimir Putin');
  const obama = byName('Barack Obama');
  // 1. A quotation given to another speaker, from its card in the reader.
  await openQuoteCard(page, putin.id);
  await page.locator(`#card-${putin.id} select`).selectOption(obama.id);
  await page.locator(`#card-${putin.id}`).getByRole('button', { name: 'Give to' }).click();
  await page.waitForFunction((id) => document.querySelector(`.quote[data-quote="${id}"]`)?.dataset.speaker === 'Barack Obama', putin.id);
  // 2. A typed name, from "Who said what".
  const few = new Set(before.speakers.filter((s) => s.quotes <= 5 && s.name !== 'John Kerry').map((s) => s.name));
  const other = before.quotes.find((q) => q.speaker && few.has(q.speaker.name));
  await page.getByRole('tab', { name: 'Who said what' }).click();
  const item = page.locator('.quote-item', { hasText: other.text.slice(0, 40) }).first();
  await item.getByRole('button', { name: 'Correct speaker' }).click();
  await item.getByLabel('or type a name').fill('Nadia Ferro');
  await item.getByRole('button', { name: 'Give to' }).click();
  await page.waitForSelector('section.speaker-group:has-text("Nadia Ferro")');
  // 3. Rename, from the speaker's group.
  const kerry = byName('John Kerry');
  const group = page.locator('section.speaker-group', { has: page.locator('h3', { hasText: 'John Kerry' }) });
  await group.getByRole('button', { name: 'Correct John Kerry' }).click();
  await group.getByLabel('Name', { exact: true }).fill('Secretary Kerry');
  await group.getByRole('button', { name: 'Rename' }).click();
  await page.waitForSelector('section.speaker-group h3:has-text("Secretary Kerry")');
  // 4. Merge, 5. split and 6. drop, from a name in an article.
  await page.getByRole('tab', { name: 'Articles' }).click();
  const assad = byName('Bashar al-Assad');
  await page.locator(`mark[data-entity="${assad.id}"]`).first().click();
  const assadCard = page.locator(`#card-${assad.id.replace(':', '-')}`);
  await assadCard.getByLabel('Someone else is').selectOption('Bashar');
  await assadCard.getByRole('button', { name: 'Split off' }).click();
  const merkel = byName('Angela Merkel');
  const hollande = byName('François Hollande');
  await page.locator(`mark[data-entity="${merkel.id}"]`).first().click();
  const merkelCard = page.locator(`#card-${merkel.id.replace(':', '-')}`);
  await merkelCard.getByLabel('Same person as').selectOption(hollande.id);
  await merkelCard.getByRole('button', { name: 'Merge' }).click();
  const country = before.entities.find((e) => e.kind === 'country' && e.mentions.length >= 2);
  await page.locator(`mark[data-entity="${country.id}"]`).first().click();
  await page.locator(`#card-${country.id.replace(':', '-')}`).getByRole('button', { name: 'Not an entity' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 6);
  assert.equal(await page.locator(`mark[data-entity="${country.id}"]`).count(), 0, 'a dropped entity is marked nowhere');
  const query = new URL(page.url()).searchParams;
  for (const key of ['assign', 'rename', 'split', 'merge', 'drop']) assert.ok(query.getAll(key).length > 0, `the link has ${key}: ${page.url()}`);
  assert.equal(query.getAll('assign').length, 2);

  // The corrections file, downloaded, applied by the command line: every quotation's speaker agrees.
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download corrections' }).click()]);
  const fileText = await readFile(await d.path(), 'utf8');
  const file = JSON.parse(fileText);
  assert.equal(file.assign.length, 2);
  assert.deepEqual(file.merge, [[merkel.id, hollande.id]]);
  assert.deepEqual(file.drop, [country.id]);
  const correctionsFile = join(dir, 'corrections.json');
  await writeFile(correctionsFile, fileText);
  const after = cli(correctionsFile);
  const page1 = await readerSpeakers(page);
  // (A quotation in a headline is shown in the headline, unmarked.)
  const shown = after.quotes.filter((q) => q.id in page1);
  assert.ok(shown.length >= after.quotes.length * 0.9, `${shown.length} of ${after.quotes.length} shown`);
  for (const q of shown) assert.equal(page1[q.id], q.speaker?.name ?? '', `quotation ${q.id}`);
  // The lists count as the corrected analysis does.
  const list = await speakerList(page);
  for (const name of ['Barack Obama', 'Vladimir Putin', 'Nadia Ferro', 'Secretary Kerry', 'Angela Merkel']) {
    const s = after.speakers.find((x) => x.name === name);
    assert.equal(list[name], s?.quotes, `${name} in the speaker list`);
  }
  assert.equal(list['Barack Obama'], before.speakers.find((s) => s.name === 'Barack Obama').quotes + 1);
  assert.ok(!(hollande.name in list), 'a merged entity is listed under the one kept');
  assert.ok(after.entities.every((e) => e.id !== hollande.id));
  assert.ok(after.entities.every((e) => e.id !== country.id));
  assert.ok(after.entities.find((e) => e.id === kerry.id)?.name === 'Secretary Kerry');
  // The matrix and "Who said what" count Obama's quotations alike.
  await page.getByRole('tab', { name: 'Who quoted whom' }).click();
  const total = await page.locator('tr', { has: page.locator('th', { hasText: 'Barack Obama' }) }).locator('td.total').innerText();
  assert.equal(Number(total), list['Barack Obama']);
  await page.getByRole('tab', { name: 'Who said what' }).click();
  const count = await page.locator('section.speaker-group', { has: page.locator('h3', { hasText: 'Barack Obama' }) }).locator('h3 .count').first().innerText();
  assert.equal(Number.parseInt(count, 10), list['Barack Obama']);
  await screenshot(page, 'corrections-list-1280');
  assert.deepEqual(await axeViolations(page), [], 'axe at 1280 px');

  // Undo takes one back, in the link too.
  await page.locator('.correction-list li', { hasText: 'is not an entity' }).getByRole('button', { name: /^Undo/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 5);
  assert.equal(new URL(page.url()).searchParams.getAll('drop').length, 0);
  const link = page.url();

  // The link, in a fresh browser context, shows the same corrections and counts.
  const fresh = await openApp(browser, link);
  await fresh.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 5);
  assert.deepEqual(await speakerList(fresh), await speakerList(page));
  await fresh.context().close();

  // The file, opened by a page without corrections, gives them all back.
  const opened = await openApp(browser, server.url);
  await opened.setInputFiles('#corrections-file', correctionsFile);
  await opened.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 6);
  assert.deepEqual(await readerSpeakers(opened), page1);
  await opened.context().close();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a correction whose id is gone is reported; a bad corrections file is named', async () => {
  const page = await openApp(browser, `${server.url}?drop=person:nobody-here&assign=zz-q9:person:barack-obama`);
  await page.waitForSelector('.corrections .problems li');
  const problems = await page.locator('.corrections .problems li').allInnerTexts();
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('nobody-here')) && problems.some((p) => p.includes('zz-q9')), problems.join('\n'));
  assert.ok((await page.locator('.notices, [role="alert"], .notice').allInnerTexts()).join(' ').includes('nobody-here'));
  const bad = join(dir, 'not-corrections.json');
  await writeFile(bad, '{"assign": 3}');
  await page.setInputFiles('#corrections-file', bad);
  await page.waitForFunction(() => document.body.innerText.includes('not-corrections.json: not a corrections file'));
  await page.context().close();
});

test('the cards and the corrections list are usable on a phone and clean under axe at 390 px', async () => {
  const before = cli();
  const q = before.quotes.find((x) => x.speaker && x.confidence < 0.75) ?? before.quotes.find((x) => x.speaker);
  const page = await openApp(browser, `${server.url}?drop=${encodeURIComponent(before.entities.find((e) => e.kind === 'organization').id)}`, { width: 390, height: 844 });
  await openQuoteCard(page, q.id);
  // Keyboard: the card's heading has the focus; Esc closes it.
  assert.equal(await page.evaluate(() => document.activeElement.closest('.card') !== null), true);
  await screenshot(page, 'unsure-card-390');
  assert.deepEqual(await axeViolations(page), [], 'axe at 390 px with a card and the list open');
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => !document.getElementById(`card-${id}`), q.id);
  await page.context().close();
});

test('outlets, dates and links for every article at once, from the table; search marks what it matched', async () => {
  const page = await openApp(browser, server.url);
  // A card open while the analysis is rebuilt (new outlet names) closes, and nothing breaks.
  const open = (await readerSpeakers(page)) && await page.evaluate(() => document.querySelector('.quote[data-quote]').dataset.quote);
  await openQuoteCard(page, open);
  await page.locator('details.describe > summary').click();
  // The table is made when the panel opens (not with every analysis).
  await page.waitForFunction(() => document.querySelector('#describe-text')?.value.length > 0);
  const table = await page.locator('#describe-text').inputValue();
  const rows = table.trim().split('\n');
  assert.equal(rows[0], 'file,outlet,date,url');
  assert.equal(rows.length, 6, table);
  const names = ['North Wire', 'Harbour Post', 'Radio Nord', 'The Daily Lantern', 'Capital Review'];
  const edited = ['url,file,outlet,date', ...rows.slice(1).map((r, i) => `https://example.org/${i},${r.split(',')[0]},${names[i]},2015-09-2${i + 1}`), ',missing.txt,Nobody,'].join('\n');
  await page.locator('#describe-text').fill(edited);
  await page.getByRole('button', { name: 'Apply to the articles' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('outlet').length === 5);
  await page.waitForFunction((id) => !document.getElementById(`card-${id}`), open);
  const q = new URL(page.url()).searchParams;
  assert.equal(q.getAll('date').length, 5);
  assert.equal(q.getAll('url').length, 5);
  const shown = await page.locator('article .source').allInnerTexts();
  assert.deepEqual(shown.map((s) => s.trim()).sort(), [...names].sort());
  assert.equal(await page.locator('article a.original').count(), 5, 'each article links its original');
  assert.ok((await page.locator('.notice, [role="alert"], .notices').allInnerTexts()).join(' ').includes('missing.txt'));
  // The table reads back what was applied.
  assert.ok((await page.locator('#describe-text').inputValue()).includes('Harbour Post'));
  // Search: every match marked, whatever its case.
  await page.locator('.search input').fill('obama');
  await page.waitForSelector('mark.hit, mark.ent.hit');
  const hits = await page.evaluate(() => [...document.querySelectorAll('.hit')].map((h) => h.textContent.toLowerCase()));
  assert.ok(hits.length > 3, `${hits.length} hits`);
  assert.ok(hits.every((h) => h.includes('obama')), hits.join(' | '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
