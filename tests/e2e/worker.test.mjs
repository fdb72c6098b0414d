// The analysis worker recovers: a load during an analysis cancels it and the new result shows; a worker
// that breaks, or stops answering, leaves the page usable with a message, never stuck in "Analysing…".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openApp, loadFiles, ecbplus } from './harness.mjs';

let server, browser, dir;
before(async () => {
  server = await serveDist();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'newsprism-worker-'));
});
after(async () => { await browser?.close(); await server?.close(); });

const workersStarted = () => server.requests.filter((p) => p.endsWith('/newsprism-worker_loader.js')).length;

async function file(name, text) {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
const talks = () => file('talks.txt', 'Talks resume in Geneva\n\nGENEVA — Iranian Foreign Minister Mohammad Javad Zarif met John Kerry on Monday. “We have made progress,” Zarif told reporters.\n');

/** Records every summary the page shows, from now on. */
async function recordSummaries(page) {
  await page.evaluate(() => {
    window.__summaries = [];
    const s = document.querySelector('.summary');
    new MutationObserver(() => window.__summaries.push(s.innerText)).observe(s, { childList: true, characterData: true, subtree: true });
  });
}

test('a load while an analysis runs cancels it, and the page shows the new result', { timeout: 120_000 }, async () => {
  const page = await openApp(browser, server.url);
  const before = workersStarted();
  await recordSummaries(page);
  // ECB+ is under way when a second file comes: the analysis starts again with both (files join).
  await page.setInputFiles('#file-input', ecbplus);
  await page.waitForSelector('.progress progress');
  await loadFiles(page, await talks(), 983, 60_000);
  assert.equal(workersStarted(), before + 1, 'the busy worker was stopped and a new one started');
  const shown = await page.evaluate(() => window.__summaries);
  assert.ok(!shown.some((s) => s.startsWith('982 articles')), `the cancelled analysis never showed: ${shown.join(' | ')}`);
  assert.equal(await page.locator('.progress').count(), 0);
  // Back to the built-in corpus during an analysis: cancelled the same way.
  await page.setInputFiles('#file-input', await talks());
  await page.waitForSelector('.progress progress');
  await page.getByRole('button', { name: 'Back to the built-in corpus' }).click();
  await page.waitForFunction(() => document.querySelector('.summary').innerText.startsWith('5 articles ·'), null, { timeout: 60_000 });
  assert.equal(workersStarted(), before + 2);
  assert.equal(await page.locator('.progress').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a worker that breaks leaves the page usable, with a message; the next load works', { timeout: 120_000 }, async () => {
  const page = await openApp(browser, server.url);
  const [worker] = page.workers();
  assert.ok(worker, 'the page runs its analyses in a worker');
  // Break the worker on the next analysis that names crash.txt.
  await worker.evaluate(() => {
    const original = self.onmessage;
    self.onmessage = (e) => {
      if (e.data?.type === 'analyse' && e.data.inputs.some((i) => i.name === 'crash.txt')) throw new Error('boom: the worker broke');
      return original.call(self, e);
    };
  });
  await page.setInputFiles('#file-input', await file('crash.txt', 'Anything at all.\n'));
  const notice = page.locator('.notice', { hasText: 'the analysis stopped with an error' });
  await notice.waitFor({ timeout: 30_000 });
  assert.match(await notice.innerText(), /boom: the worker broke/);
  assert.equal(await page.locator('.progress').count(), 0, 'not stuck analysing');
  assert.match(await page.locator('.summary').innerText(), /^5 articles · /, 'what was shown stays');
  assert.match(await page.locator('.load-count').innerText(), /^5 articles: the built-in example$/);
  // Export still works: the new worker does not hold this analysis, so the page exports it itself.
  await page.locator('.menu > summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Quotations (CSV)' }).click()]);
  assert.match(d.suggestedFilename(), /^newsprism-quotes-all-/);
  await loadFiles(page, await talks(), 1, 60_000);
  assert.equal(await page.locator('article .headline').innerText(), 'Talks resume in Geneva');
  assert.deepEqual(page.errors.filter((e) => !e.includes('boom')), []);
});

test('a worker that stops answering is replaced and the analysis sent again', { timeout: 120_000 }, async () => {
  const page = await openApp(browser, server.url);
  const [worker] = page.workers();
  const before = workersStarted();
  await worker.evaluate(() => { setTimeout(() => self.close(), 0); });
  await loadFiles(page, await talks(), 1, 60_000);
  assert.equal(workersStarted(), before + 1);
  assert.equal(await page.locator('.notice', { hasText: 'stopped answering; a new one took over' }).count(), 1);
  assert.equal(await page.locator('article .headline').innerText(), 'Talks resume in Geneva');
  assert.deepEqual(page.errors, []);
});
