// A benchmark, not an assertion: main-thread long tasks (PerformanceObserver 'longtask') per interaction on a
// large corpus, printed for the record. ECB+ (982 articles) always; a 5,000-article corpus built from it
// in a temporary directory when NEWSPRISM_BENCH_5000=1.
import { test, before, after } from 'node:test';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openApp, loadFiles, measure, ecbplus } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Each interaction: what it does and the condition that says it is done. */
async function interactions(page) {
  const results = [];
  const run = async (name, action, until) => {
    const r = await measure(page, action, until);
    const t = await page.evaluate(() => window.newsprismTimings ?? {});
    results.push([name, { ...r, derive: t.deriveMs, render: t.renderMs }]);
  };
  const tab = (id, selector) => run(`tab ${id}`, () => page.locator(`#tab-${id}`).click(), () => page.waitForSelector(selector));
  await tab('quotes', '.quotes');
  await tab('story', '.story');
  await tab('chart', '.chart');
  await tab('reader', '.reader');
  await run('country filter', () => page.locator('[data-area="countries"] .facet-item').first().click(), () => page.waitForSelector('.chip'));
  await run('clear filters', () => page.getByRole('button', { name: 'Clear all filters' }).click(), () => page.waitForFunction(() => !document.querySelector('.chip')));
  await run('type "president" in search', async () => { await page.locator('#search').focus(); await page.keyboard.type('president'); },
    () => page.waitForFunction(() => location.search.includes('q=president')));
  await run('clear search', async () => { await page.keyboard.press('Control+A'); await page.keyboard.press('Backspace'); },
    () => page.waitForFunction(() => !location.search.includes('q=')));
  for (const what of ['Mentions (CSV)', 'Quotations (CSV)', 'Entities (CSV)', 'All three (JSON)']) {
    await run(`export ${what}`, async () => {
      await page.locator('.menu > summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${what}` }).click()]);
      await download.path();
    }, async () => {});
  }
  return results;
}

function print(label, results) {
  for (const [name, r] of results) {
    const extra = r.render === undefined ? '' : ` (last derive ${r.derive.toFixed(1)} ms, last render ${r.render.toFixed(1)} ms)`;
    console.log(`${label}: ${name.padEnd(28)} longest task ${String(r.max).padStart(4)} ms, ${r.count} long tasks, ${r.total} ms in all${extra}`);
  }
}

test('long tasks per interaction at 982 articles (ECB+)', { timeout: 600_000 }, async () => {
  const page = await openApp(browser, server.url);
  await loadFiles(page, ecbplus, 982);
  print('ECB+ 982', await interactions(page));
});

test('long tasks per interaction at 5,000 articles', { timeout: 1_800_000, skip: process.env.NEWSPRISM_BENCH_5000 !== '1' }, async () => {
  const lines = (await readFile(ecbplus, 'utf8')).split('\n').filter((l) => l.trim());
  const out = [];
  for (let copy = 0; out.length < 5000; copy++) {
    for (const line of lines) {
      if (out.length >= 5000) break;
      const r = JSON.parse(line);
      out.push(JSON.stringify({ title: r.title ? `${r.title} (${copy})` : undefined, text: `${r.text}\n\nCopy ${copy} of ${r.doc_id}.`, source: `copy${copy}/${r.doc_id}`, url: r.url }));
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'newsprism-bench-'));
  const file = join(dir, 'ecbplus-5000.jsonl');
  await writeFile(file, out.join('\n') + '\n');
  const page = await openApp(browser, server.url);
  await loadFiles(page, file, 5000, 1_500_000);
  print('5,000', await interactions(page));
});

// Opening an analysis file the command line wrote (NEWSPRISM_OPEN_ANALYSIS=path, e.g. 20,000 articles
// analysed natively): the time from picking the file to the first articles drawn, the main thread's long
// tasks meanwhile, and the page's own timings (readMs: reading the worker's JSON on the page's thread).
test('open an analysis file (NEWSPRISM_OPEN_ANALYSIS)', { timeout: 900_000, skip: !process.env.NEWSPRISM_OPEN_ANALYSIS }, async () => {
  const file = process.env.NEWSPRISM_OPEN_ANALYSIS;
  const page = await openApp(browser, server.url);
  let seconds = 0;
  const r = await measure(page, async () => {
    seconds = performance.now();
    await page.setInputFiles('#file-input', file);
  }, async () => {
    await page.waitForFunction(() => !document.querySelector('.summary')?.innerText.startsWith('5 articles')
      && document.querySelectorAll('article.article').length > 0, null, { timeout: 900_000, polling: 200 });
    seconds = (performance.now() - seconds) / 1000;
  });
  const t = await page.evaluate(() => window.newsprismTimings ?? {});
  const summary = await page.locator('.summary').innerText();
  console.log(`# open ${file}: ${summary}; ${seconds.toFixed(1)} s to the first articles; long tasks: max ${r.max} ms, `
    + `total ${r.total} ms, ${r.count} tasks; worker ${Math.round(t.workerMs ?? 0)} ms, page read ${Math.round(t.readMs ?? 0)} ms (in parts), `
    + `index ${Math.round(t.indexMs ?? 0)} ms, first view derived ${Math.round(t.deriveMs ?? 0)} ms, drawn ${Math.round(t.renderMs ?? 0)} ms`);
  for (const [id, selector] of [['matrix', '.matrix'], ['gaps', '.gaps'], ['clusters', '.clusters'], ['reader', '.reader']]) {
    const m = await measure(page, () => page.locator(`#tab-${id}`).click(), () => page.waitForSelector(selector, { timeout: 300_000 }));
    console.log(`# tab ${id}: long tasks max ${m.max} ms, total ${m.total} ms`);
  }
  const m = await measure(page, async () => { await page.locator('#search').focus(); await page.keyboard.type('president'); },
    () => page.waitForFunction(() => location.search.includes('q=president'), null, { timeout: 300_000 }));
  console.log(`# search "president": long tasks max ${m.max} ms, total ${m.total} ms`);
});
