// The explorer end to end, on the release build served from a sub-path, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openPage, screenshot, root, contrastViolations } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the page (optionally with a query) and waits until the analysis is shown. */
async function open(query = '', width = 1280) {
  const page = await openPage(browser, width, 900);
  await page.goto(server.url + query);
  await page.waitForSelector('.panel', { timeout: 30_000 });
  return page;
}

const articleCount = (page) => page.locator('article.article').count();

test('opens on the five built-in articles, with entities and speakers marked', async () => {
  const page = await open();
  assert.equal(await articleCount(page), 5);
  const headlines = await page.locator('article .headline').allTextContents();
  assert.ok(headlines.includes('Putin heads for UN showdown with Obama over Syria'), headlines.join(' | '));
  const text = await page.locator('main').innerText();
  assert.ok(text.includes('United Nations, Sept 28'));
  assert.ok(!text.includes('Sorry, your comment was not saved'), 'boilerplate is not shown');
  const moscow = page.locator('mark.ent-country', { hasText: 'Moscow' }).first();
  assert.equal(await moscow.getAttribute('data-tip'), 'Moscow → Russia (country), capital');
  assert.ok(await page.locator('mark.ent-person').count() > 100);
  assert.ok(await page.locator('.quote[data-speaker="Vladimir Putin"]').count() >= 15);
  assert.deepEqual(page.errors, []);
});

test('choosing a speaker keeps only their quotes, puts them in the URL, and survives a reload', async () => {
  const page = await open();
  await page.locator('[data-area="speakers"] .facet-item', { hasText: 'Vladimir Putin' }).click();
  await page.waitForFunction(() => location.search.includes('speaker='));
  assert.match(page.url(), /speaker=Vladimir\+Putin/);
  const speakers = await page.locator('.quote').evaluateAll((qs) => qs.filter((q) => !q.classList.contains('dim')).map((q) => q.dataset.speaker));
  assert.ok(speakers.length >= 15 && speakers.every((s) => s === 'Vladimir Putin'), speakers.join(', '));
  await page.locator('#tab-quotes').click();
  await page.waitForSelector('.speaker-group');
  const groups = await page.locator('.speaker-group h3').allInnerTexts();
  assert.equal(groups.length, 1);
  assert.ok(groups[0].startsWith('Vladimir Putin'));
  const url = page.url();
  await page.reload();
  await page.waitForSelector('.speaker-group');
  assert.equal(page.url(), url);
  assert.equal(await page.locator('.speaker-group').count(), 1);
  assert.equal(await page.locator('.chip').count(), 1);
  // Back and forward move between views.
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('view=quotes'));
  await page.waitForSelector('.reader');
  await page.goForward();
  await page.waitForSelector('.speaker-group');
});

test('copy link puts the current view on the clipboard, and that link opens the same view', async () => {
  const page = await open('?view=quotes&speaker=Barack+Obama');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.waitForSelector('.speaker-group');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByRole('button', { name: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  const again = await openPage(browser, 1280, 900);
  await again.goto(copied);
  await again.waitForSelector('.speaker-group');
  const groups = await again.locator('.speaker-group h3').allInnerTexts();
  assert.equal(groups.length, 1);
  assert.ok(groups[0].startsWith('Barack Obama'), groups.join(' | '));
  assert.deepEqual([...page.errors, ...again.errors], []);
});

test('on a phone, an entity’s tip stays on screen wherever the word sits', async () => {
  const page = await open('', 390);
  // The mark whose right edge is closest to the screen's right edge: its tip would overflow first.
  const index = await page.locator('mark.ent').evaluateAll((ms) => {
    const right = ms.map((m) => m.getBoundingClientRect().right);
    return right.indexOf(Math.max(...right));
  });
  const mark = page.locator('mark.ent').nth(index);
  await mark.focus();
  const tip = await mark.evaluate((m) => {
    const s = getComputedStyle(m, '::after');
    return { content: s.content, position: s.position, left: parseFloat(s.left), right: parseFloat(s.right) };
  });
  assert.notEqual(tip.content, 'none', 'the tip shows on focus');
  assert.equal(tip.position, 'fixed');
  assert.ok(tip.left >= 0 && tip.right >= 0, JSON.stringify(tip));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px with the tip open`);
});

test('a country link keeps the paragraphs about it', async () => {
  const page = await open('?country=Brazil');
  const shown = await page.locator('.paragraph').allInnerTexts();
  assert.ok(shown.some((p) => p.includes('Brazilian President Dilma Rousseff')), shown.join('\n'));
  assert.ok(!shown.some((p) => p.includes('Kerry')), 'Kerry’s paragraphs are not about Brazil');
  assert.equal(await articleCount(page), 1);
  await screenshot(page, 'country-brazil-1280');
});

test('clicking a chart bar applies its filter', async () => {
  const page = await open('?view=chart');
  const bar = page.locator('g.bar', { has: page.locator('text', { hasText: 'Iran' }) }).first();
  await bar.waitFor();
  assert.match(await bar.textContent(), /^Iran\d+ mentions$/, 'the bar is named by what it shows');
  await bar.focus();
  assert.match(await page.locator('#bar-detail').innerText(), /^Iran: \d+ mentions\. [^:]+: \d/, 'numbers by outlet');
  await bar.click();
  await page.waitForFunction(() => location.search.includes('country=Iran'));
  assert.equal(await page.locator('.chip', { hasText: 'Iran' }).count(), 1);
  // Keyboard: focus a bar and press Enter.
  await page.locator('g.bar').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.split('&').length >= 3);
  await screenshot(page, 'chart-1280');
});

test('keys: / focuses the search, j moves between articles, Esc clears the filter in focus', async () => {
  const page = await open('?country=Iran&q=');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.type('refugees');
  await page.waitForFunction(() => location.search.includes('q=refugees'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.search.includes('q='));
  await page.locator('[data-area="countries"] .facet-item').first().focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.search.includes('country='));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(focused, 'article-001_e69eac6dd9248ced');
});

test('a malformed link is ignored with a notice, never a crash', async () => {
  const page = await open('?view=galaxy&speaker=Nobody&kinds=planet&country=Atlantis');
  const notices = await page.locator('.notice').allInnerTexts();
  assert.equal(notices.length, 4, notices.join('\n'));
  assert.equal(await articleCount(page), 5);
  assert.deepEqual(page.errors, []);
});

test('an uploaded .txt file is analysed, a bad file reports and the rest stays', async () => {
  const page = await open();
  const dir = await mkdtemp(join(tmpdir(), 'newsprism-'));
  const good = join(dir, 'talks.txt');
  await writeFile(good, 'Talks resume in Geneva\n\nGENEVA — Iranian Foreign Minister Mohammad Javad Zarif met John Kerry on Monday. “We have made progress,” Zarif told reporters.\n');
  const bad = join(dir, 'photo.txt');
  await writeFile(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]));
  await page.setInputFiles('#file-input', [good, bad]);
  await page.waitForFunction(() => document.querySelectorAll('article.article').length === 1, null, { timeout: 30_000 });
  assert.equal(await page.locator('article .headline').innerText(), 'Talks resume in Geneva');
  // The file that failed is listed apart from the articles, with its message; "articles" counts articles.
  const failed = await page.locator('.not-loaded li').allInnerTexts();
  assert.equal(failed.length, 1, failed.join('\n'));
  assert.ok(failed[0].startsWith('photo.txt') && failed[0].includes('binary'), failed[0]);
  assert.match(await page.locator('.summary').innerText(), /^1 article · /);
  assert.match(await page.locator('.load-count').innerText(), /^1 article from 2 files; 1 input not loaded/);
  const speaker = await page.locator('.quote').first().getAttribute('data-speaker');
  assert.equal(speaker, 'Mohammad Javad Zarif', 'the surname alone after the full name in a lede');
  await page.getByRole('button', { name: 'Back to the built-in corpus' }).click();
  await page.waitForFunction(() => document.querySelectorAll('article.article').length === 5, null, { timeout: 30_000 });
});

test('a hostile article renders as text and runs nothing', async () => {
  const page = await open();
  await page.locator('.paste summary').click();
  await page.fill('#paste-text', 'Hostile <script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2"> said the “attacker” in Paris.');
  await page.getByRole('button', { name: 'Add this article' }).click();
  await page.waitForFunction(() => document.querySelectorAll('article.article').length === 1, null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img, main script').count(), 0);
  const text = await page.locator('article.article').innerText();
  assert.ok(text.includes('<img src=x onerror="window.__pwned = 2">'), text);
});

test('the ECB+ news file (982 articles) loads in the worker with progress; the page stays responsive', async () => {
  const page = await open();
  const file = join(root, '..', 'shared', 'data', 'news', 'ecbplus.jsonl');
  const t0 = Date.now();
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('.progress progress', { timeout: 10_000 });
  // While the worker analyses, the page still draws frames.
  const frameMs = await page.evaluate(() => new Promise((done) => { const t = performance.now(); requestAnimationFrame(() => done(performance.now() - t)); }));
  assert.ok(frameMs < 250, `a frame took ${frameMs} ms during the analysis`);
  await page.waitForFunction(() => document.querySelector('.summary').innerText.startsWith('982 articles'), null, { timeout: 120_000 });
  const loadMs = Date.now() - t0;
  // The reader draws the first 25 (over a few short tasks) and offers more.
  await page.waitForFunction(() => document.querySelectorAll('article.article').length === 25 && document.querySelector('.reader').getAttribute('aria-busy') === 'false');
  await page.getByRole('button', { name: /Show 25 more/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('article.article').length === 50);
  const t1 = Date.now();
  await page.locator('[data-area="countries"] .facet-item').first().click();
  await page.waitForSelector('.chip');
  console.log(`# ECB+ (982 articles): analysed and shown in ${loadMs} ms; a country filter in ${Date.now() - t1} ms; frame during analysis ${frameMs.toFixed(0)} ms`);
  await screenshot(page, 'ecbplus-1280');
});

test('screenshots at desktop and phone widths; timings of first render and a filter change', async () => {
  for (const [width, name] of [[1280, 'reader-1280'], [390, 'reader-390']]) {
    const page = await open('', width);
    const bytes = await screenshot(page, name);
    assert.ok(bytes > 30_000, `${name}.png is ${bytes} bytes: is the page blank?`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
  }
  const page = await open('?view=chart', 390);
  await screenshot(page, 'chart-390');
  const timings = await page.evaluate(() => window.newsprismTimings);
  await page.locator('.filters-button').click();
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('[data-area="countries"] .facet-item', { hasText: 'Iran' }).click();
  await page.waitForFunction(() => document.querySelector('.chip') !== null);
  const filterMs = (await page.evaluate(() => performance.now())) - t0;
  console.log(`# timings: analysis in worker ${timings.analysisMs.toFixed(0)} ms, first render at ${timings.firstRenderMs.toFixed(0)} ms after navigation, filter change ${filterMs.toFixed(0)} ms (incl. test round trip)`);
});

test('text contrast meets WCAG AA in light and dark themes (axe-core colour-contrast)', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const query of ['?speaker=Vladimir+Putin', '?view=chart', '?view=quotes']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(server.url + query);
      await page.waitForSelector('.panel');
      const violations = await contrastViolations(page);
      assert.deepEqual(violations, [], `${scheme} ${query}`);
      await context.close();
    }
  }
});
