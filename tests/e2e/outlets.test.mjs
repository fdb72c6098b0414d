// Comparing outlets end to end: the story picker, the same quote across outlets, who quoted whom, blind
// spots, naming an outlet, a link that carries its corpus, and opening an analysis file the command line
// wrote. The passages (tests/e2e/data/two-stories.jsonl) are two stories told by five outlets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openApp, openPage, loadFiles, axeViolations, root } from './harness.mjs';

const passages = join(root, 'tests', 'e2e', 'data', 'two-stories.jsonl');
/** Screenshots of the new views, at both widths, to be looked at. */
const shots = process.env.NEWSPRISM_SHOTS ?? join(root, 'target', 'screenshots');

let server, browser, dir, analysisFile;
before(async () => {
  server = await serveDist();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'newsprism-outlets-'));
  // The command line's analysis of the passages, as a reader would bring it.
  analysisFile = join(dir, 'two-stories-analysis.json');
  const json = execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'newsprism-core', '--bin', 'newsprism', '--',
    'analyze', '--format', 'json', passages], { cwd: root, maxBuffer: 1 << 28 });
  await writeFile(analysisFile, json);
  await mkdir(shots, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

/**
 * Loads the passages (or their analysis) and waits for their two stories: the built-in example has five
 * articles too, so the count alone would not say which is shown.
 */
async function loadTwoStories(page, file) {
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => document.querySelectorAll('#story-select option').length === 3, null, { timeout: 60_000 });
}

async function loaded(width = 1280, query = '') {
  const page = await openApp(browser, server.url + query, { width, height: width > 400 ? 900 : 844 });
  await loadTwoStories(page, passages);
  return page;
}

async function shoot(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `${name} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const tab = async (page, name, selector) => {
  await page.locator(`#tab-${name}`).click();
  await page.waitForSelector(selector);
};

test('the story picker narrows every view to one story, in the link', { timeout: 120_000 }, async () => {
  const page = await loaded();
  const options = await page.locator('#story-select option').allInnerTexts();
  assert.equal(options.length, 3, options.join(' | '));
  assert.match(options[0], /^All 2 stories \(5 articles\)/);
  await page.selectOption('#story-select', 'story-2');
  await page.waitForFunction(() => location.search.includes('story=story-2'));
  await page.waitForFunction(() => document.querySelectorAll('article.article').length === 2);
  assert.match(await page.locator('.summary').innerText(), /^2 articles/);
  await tab(page, 'clusters', '.cluster');
  assert.equal(await page.locator('.cluster').count(), 1);
  assert.match(await page.locator('.cluster h3').innerText(), /longest game of my life/);
  await tab(page, 'matrix', '.matrix-table');
  const columns = await page.locator('.matrix-table thead .outlet-col').allInnerTexts();
  assert.deepEqual(columns.map((c) => c.trim()).sort(), ['Andes Sport', 'Chess Weekly']);
  await page.selectOption('#story-select', '');
  await page.waitForFunction(() => !location.search.includes('story='));
  await page.waitForFunction(() => document.querySelectorAll('.matrix-table thead .outlet-col').length === 5);
  assert.deepEqual(page.errors, []);
});

test('the same quote across outlets: versions, word differences, flags, longest and earliest', { timeout: 120_000 }, async () => {
  const page = await loaded();
  await page.selectOption('#story-select', 'story-1');
  await tab(page, 'clusters', '.cluster');
  const cluster = page.locator('.cluster').first();
  assert.equal(await cluster.locator('.version').count(), 3);
  assert.match(await cluster.locator('.flag-verb').innerText(), /said.*claimed|claimed.*said/);
  assert.equal(await cluster.locator('.flag-speaker').count(), 0, 'one speaker for all three');
  assert.match(await cluster.innerText(), /Longest version: Harbour Post · earliest: Harbour Post/);
  const ledger = cluster.locator('.version[data-outlet="Daily Ledger"]');
  assert.match(await ledger.locator('del').first().innerText(), /and the ferries to Denmark will run on time/);
  const radio = cluster.locator('.version[data-outlet="Radio Nord"]');
  assert.match(await radio.locator('del').allInnerTexts().then((t) => t.join('|')), /morning/);
  assert.equal(await cluster.locator('.version[data-outlet="Harbour Post"] del, .version[data-outlet="Harbour Post"] ins').count(), 0);
  await shoot(page, 'clusters');
  assert.deepEqual(page.errors, []);
});

test('who quoted whom: counts per speaker and outlet, quotes on click, sorted in the link', { timeout: 120_000 }, async () => {
  const page = await loaded();
  await tab(page, 'matrix', '.matrix-table');
  const row = page.locator('.matrix-table tbody tr', { hasText: 'Anna Lindqvist' });
  assert.equal((await row.locator('.total').innerText()).trim(), '3');
  await row.getByRole('button', { name: '1 quotation of Anna Lindqvist in Radio Nord' }).click();
  await page.waitForSelector('.cell-quotes');
  assert.match(await page.locator('.cell-quotes').innerText(), /Anna Lindqvist in Radio Nord[\s\S]*the ferries will run on time/);
  await page.getByRole('button', { name: 'Speaker' }).click();
  await page.waitForFunction(() => location.search.includes('sort=name'));
  const names = async () => (await page.locator('.matrix-table tbody th').allInnerTexts()).map((s) => s.trim());
  const sorted = await names();
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a.localeCompare(b)));
  await page.locator('.matrix-table thead .outlet-col button', { hasText: 'Chess Weekly' }).click();
  await page.waitForFunction(() => location.search.includes('sort=outlet%3AChess+Weekly'));
  assert.deepEqual((await names()).slice(0, 2), ['Rafael Ortiz', 'Daniel Kowalski'], 'one each there: the total breaks the tie');
  assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
  await shoot(page, 'matrix');
  assert.deepEqual(page.errors, []);
});

test('blind spots: which outlets carry each name and which leave it out, ranked', { timeout: 120_000 }, async () => {
  const page = await loaded(1280, '?story=story-1');
  await tab(page, 'gaps', '.gap-list');
  assert.match(await page.locator('.gaps > p.muted').innerText(), /of the 3 outlets/);
  const denmark = page.locator('.gap', { has: page.locator('h3', { hasText: /^Denmark/ }) });
  assert.match(await denmark.locator('.carried-label').innerText(), /In 2 of 3 outlets/);
  assert.match(await denmark.locator('.missing').innerText(), /Not in: Daily Ledger$/);
  const union = page.locator('.gap', { hasText: 'Ferry Workers Union' });
  assert.match(await union.locator('.missing').innerText(), /Radio Nord, Daily Ledger/);
  // Ranked: weight in the carrying outlets times the outlets leaving it out, never below a later one.
  const first = await page.locator('.gap h3').first().innerText();
  assert.ok(!first.startsWith('Anna Lindqvist'), 'every outlet quotes her: she is no blind spot');
  await shoot(page, 'gaps');
  assert.deepEqual(page.errors, []);
});

test('naming an outlet relabels the lists and the chart, and the link reproduces it', { timeout: 120_000 }, async () => {
  const page = await openApp(browser, server.url);
  const first = page.locator('article.article').first();
  const before = (await first.locator('.source').innerText()).trim();
  await first.getByRole('button', { name: /^Rename outlet/ }).click();
  const field = first.getByRole('textbox', { name: 'Outlet of article 1' });
  assert.equal(await field.inputValue(), before);
  await field.fill('The Harbour Post');
  await field.press('Enter');
  await page.waitForFunction(() => location.search.includes('outlet='));
  assert.equal((await first.locator('.source').innerText()).trim(), 'The Harbour Post');
  await tab(page, 'chart', '.chart');
  assert.ok((await page.locator('.legend').innerText()).includes('The Harbour Post'));
  await shoot(page, 'chart-renamed');
  const link = page.url();
  const again = await openApp(browser, link);
  await again.waitForSelector('.legend');
  assert.ok((await again.locator('.legend').innerText()).includes('The Harbour Post'));
  await again.locator('#tab-reader').click();
  assert.equal((await again.locator('article.article').first().locator('.source').innerText()).trim(), 'The Harbour Post');
  assert.deepEqual([...page.errors, ...again.errors], []);
});

test('a link carries a loaded corpus in its fragment and opens it in a fresh browser', { timeout: 180_000 }, async () => {
  const page = await loaded(1280, '?view=matrix');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.waitForSelector('.matrix-table');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByRole('button', { name: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\?view=matrix#corpus=[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 60_000, `${link.length} characters`);
  // A fresh browser: nothing shared but the link.
  const other = await launch();
  try {
    const fresh = await openPage(other, 1280, 900);
    await fresh.goto(link);
    await fresh.waitForFunction(() => document.querySelector('.summary')?.innerText.startsWith('5 articles')
      && document.querySelectorAll('#story-select option').length === 3, null, { timeout: 60_000 });
    await fresh.waitForSelector('.matrix-table');
    assert.equal(await fresh.locator('.matrix-table thead .outlet-col').count(), 5);
    // The corpus stays with the page through a change of view and a reload.
    await fresh.locator('#tab-gaps').click();
    await fresh.waitForFunction(() => location.search.includes('view=gaps') && location.hash.startsWith('#corpus='));
    await fresh.reload();
    await fresh.waitForFunction(() => document.querySelector('.summary')?.innerText.startsWith('5 articles')
      && document.querySelectorAll('#story-select option').length === 3, null, { timeout: 60_000 });
    await fresh.waitForSelector('.gap-list');
    assert.deepEqual(fresh.errors, []);
  } finally {
    await other.close();
  }

  // Too large for a link: the limit is said, and a file the page opens is offered instead.
  const words = ['harbour', 'storm', 'ferry', 'minister', 'crane', 'union', 'port', 'Monday', 'Malmö', 'report'];
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const big = Array.from({ length: 120 }, (_, i) => JSON.stringify({
    title: `Report ${i}`, outlet: `Outlet ${i % 6}`,
    text: Array.from({ length: 300 }, () => `${words[next() % 10]}${next() % 1000}`).join(' ') + '.',
  })).join('\n');
  const bigFile = join(dir, 'big.jsonl');
  await writeFile(bigFile, big);
  await loadFiles(page, bigFile, 125);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const message = page.locator('.link-too-large');
  await message.waitFor();
  assert.match(await message.innerText(), /limited to 60000 characters/);
  const [download] = await Promise.all([page.waitForEvent('download'), message.getByRole('button', { name: 'Download the corpus' }).click()]);
  const saved = join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  assert.match(download.suggestedFilename(), /^newsprism-corpus-.*\.json$/);
  const reopened = await openApp(browser, server.url);
  await loadFiles(reopened, saved, 125);
  await reopened.waitForSelector('.matrix-table');
  assert.deepEqual([...page.errors, ...reopened.errors], []);
});

test('an analysis file the command line wrote opens as it is, checked in the worker', { timeout: 120_000 }, async () => {
  const page = await openApp(browser, server.url);
  await loadTwoStories(page, analysisFile);
  assert.equal(await page.locator('#story-select option').count(), 3);
  await tab(page, 'clusters', '.cluster');
  assert.equal(await page.locator('.cluster').count(), 2);
  // A file that does not hold together is listed with its reason; what was shown stays.
  const broken = join(dir, 'broken-analysis.json');
  await writeFile(broken, JSON.stringify({ articles: [{ id: 'a' }], quotes: [], entities: [] }));
  await page.setInputFiles('#file-input', broken);
  await page.waitForFunction(() => document.body.innerText.includes('this newsprism analysis cannot be shown'));
  assert.deepEqual(page.errors, []);
});
