// One speed table for issue #13, measured in one run on the same text: newsprism natively (the CLI's
// `bench` stage by stage at 1x/5x/10x, and whole `analyze` runs with peak memory), compromise (npm) on the
// same articles, and newsprism's worker in headless Chromium (wasm) through the built page; then the page's
// load path (file chosen → articles shown, the longest main-thread task) at 982 and 5,000 articles.
// Usage: scripts/bench [FILE.jsonl]   (default: ECB+ from ../shared/data, its sentences joined as text).
// BENCH_BEFORE=target/bench/before.json scripts/bench also prints each row against an earlier run's.
// Needs the release CLI (target/release/newsprism) and the built page (dist/): scripts/bench builds both.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveDist, launch, openApp, loadFiles, timedLoad, ecbplus, root } from '../tests/e2e/harness.mjs';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const nlp = require('compromise');
const cli = join(root, 'target', 'release', 'newsprism');
const work = join(root, 'target', 'bench');
mkdirSync(work, { recursive: true });

/** The articles as `{ text }` records: a given JSONL file's, or ECB+'s sentences joined. */
function articles(file) {
  const lines = readFileSync(file ?? ecbplus, 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((l) => JSON.parse(l)).map((r) => ({ text: r.text ?? (r.sentences ?? []).join(' ') })).filter((r) => r.text.trim());
}

/** Writes `copies` distinct copies of the records as JSONL files under the page's 16 MiB limit each. */
function write(records, copies, name) {
  const files = [];
  let lines = [];
  let size = 0;
  const flush = () => {
    if (!lines.length) return;
    const f = join(work, `${name}-${files.length}.jsonl`);
    writeFileSync(f, lines.join('\n') + '\n');
    files.push(f);
    lines = [];
    size = 0;
  };
  for (let k = 0; k < copies; k++) {
    for (const r of records) {
      const line = JSON.stringify({ text: k ? `${r.text}\n\nCopy ${k}.` : r.text });
      if (size + line.length > 12 << 20) flush();
      lines.push(line);
      size += line.length + 1;
    }
  }
  flush();
  return files;
}

const mb = (bytes) => bytes / 1e6;
const rows = [];
const row = (engine, what, input, secs, peak = '') =>
  rows.push([engine, what, `${input.toFixed(2)} MB`, secs.toFixed(3), (input / secs).toFixed(2), peak]);

const records = articles(process.argv[2]);
const textBytes = records.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
const one = write(records, 1, 'x1');
const ten = write(records, 10, 'x10');
console.log(`input: ${records.length} articles, ${mb(textBytes).toFixed(2)} MB of text\n`);

// Native, stage by stage (the CLI's own table), then whole runs of the CLI with peak memory.
console.log('== newsprism bench (native, release)');
console.log(execFileSync(cli, ['bench', ...one, '--repeat', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
for (const [label, files, copies] of [['1x', one, 1], ['10x', ten, 10]]) {
  for (const threads of ['1', '2']) {
    const r = spawnSync(cli, ['analyze', '--stats', '--threads', threads, ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const m = /in ([\d.]+) s .*peak memory ([\d.]+) MB \(([\d.]+)x/.exec(r.stderr);
    if (!m) throw new Error(`newsprism analyze said: ${r.stderr}`);
    row(`native, ${threads} thread${threads === '1' ? '' : 's'}`, `analyze ${label} (whole process)`, mb(textBytes) * copies, Number(m[1]), `${m[2]} MB (${m[3]}x)`);
  }
}

// compromise on the same texts: parse, then people, places, organisations and quotations.
{
  const t0 = performance.now();
  let found = 0;
  for (const r of records) {
    const doc = nlp(r.text);
    found += doc.people().length + doc.places().length + doc.organizations().length + doc.quotations().length;
  }
  const secs = (performance.now() - t0) / 1000;
  row(`compromise ${nlp.version}`, `people, places, orgs, quotes 1x (${found} found)`, mb(textBytes), secs);
}

// The page's worker (wasm) in headless Chromium: load, analyse and serialise, as the page does.
{
  const server = await serveDist();
  const browser = await launch();
  try {
    const page = await openApp(browser, server.url);
    for (const [label, files, copies] of [['1x', one, 1], ['5x', write(records, 5, 'x5'), 5]]) {
      await loadFiles(page, files, records.length * copies, 1_800_000);
      const ms = await page.evaluate(() => window.newsprismTimings?.lastAnalysisMs);
      const worker = page.workers().at(-1);
      const memory = worker ? await worker.evaluate(async () => (await wasm_bindgen()).memory.buffer.byteLength) : 0;
      row('wasm worker (Chromium)', `analyze ${label} (load + analyse + serialise)`, mb(textBytes) * copies, ms / 1000,
        `${mb(memory).toFixed(1)} MB (${(memory / (textBytes * copies)).toFixed(1)}x, wasm memory)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// The page's load path (issue #21): file chosen → articles shown on a fresh page, as text MB/s, and the
// main thread's longest task meanwhile, at 982 articles (ECB+) and 5,000 (scripts/gen-corpus.py, distinct
// texts, in target/bench/), loading the records and opening the analysis file the CLI wrote for them.
const pageRows = [];
{
  const gen = join(work, 'gen-5000.jsonl');
  execFileSync('python3', [join(root, 'scripts', 'gen-corpus.py'), '--articles', '5000', '--out', gen], { stdio: 'ignore' });
  const textOf = (f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim())
    .reduce((n, l) => { const r = JSON.parse(l); return n + Buffer.byteLength(r.text ?? (r.sentences ?? []).join(' ')); }, 0);
  const server = await serveDist();
  const browser = await launch();
  try {
    for (const [label, file, n] of [['982 (ECB+)', ecbplus, 982], ['5,000 (generated)', gen, 5000]]) {
      const text = textOf(file);
      const analysis = join(work, `analysis-${n}.json`);
      writeFileSync(analysis, execFileSync(cli, ['analyze', '--format', 'json', '--threads', '1', file], { maxBuffer: 1 << 30 }));
      const t0 = performance.now();
      execFileSync(cli, ['analyze', '--format', 'json', '--threads', '1', file], { maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'ignore'] });
      const native = mb(text) / ((performance.now() - t0) / 1000);
      for (const [what, f] of [['load records', file], ['open analysis file', analysis]]) {
        const r = await timedLoad(browser, server.url, f, n);
        await r.page.context().close();
        const t = r.timings;
        pageRows.push([label, what, `${mb(text).toFixed(2)} MB`, r.seconds.toFixed(2), (mb(text) / r.seconds).toFixed(2),
          native.toFixed(2), String(r.max), String(r.count), `${t.readParts} parts, longest ${t.readLongestMs.toFixed(0)} ms`,
          `${t.indexSlices} slices, longest ${t.indexLongestMs.toFixed(0)} ms`]);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
const pageHead = ['articles', 'what', 'text', 'file→shown s', 'MB/s', 'native 1-thread MB/s', 'longest task ms', 'long tasks', 'page read', 'index'];
const pageWidths = pageHead.map((h, i) => Math.max(h.length, ...pageRows.map((r) => String(r[i]).length)));
console.log('== the page: file chosen → articles shown, main-thread long tasks (PerformanceObserver longtask)');
for (const r of [pageHead, ...pageRows]) console.log(r.map((c, i) => String(c).padEnd(pageWidths[i])).join('  '));
console.log('');

const head = ['engine', 'what', 'input', 'seconds', 'MB/s', 'peak memory'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i >= 2 && i <= 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
console.log('== one table');
console.log(line(head));
for (const r of rows) console.log(line(r));
const ours = rows.find((r) => r[0] === 'native, 1 thread' && r[1].includes('1x'));
const theirs = rows.find((r) => r[0].startsWith('compromise'));
if (ours && theirs) console.log(`\nnative single thread vs compromise: ${(ours[4] / theirs[4]).toFixed(1)}x`);

// The table is kept (target/bench/table.json); with BENCH_BEFORE=FILE (an earlier run's table.json) each row
// is set against the same row then: the before and after of a change, measured on the same machine.
writeFileSync(join(work, 'table.json'), JSON.stringify({ rows, textBytes, pageRows }, null, 1));
if (process.env.BENCH_BEFORE) {
  const before = JSON.parse(readFileSync(process.env.BENCH_BEFORE, 'utf8')).rows;
  console.log('\n== before (BENCH_BEFORE) and after');
  for (const r of rows) {
    const b = before.find((x) => x[0].split(' ')[0] === r[0].split(' ')[0] && x[0].replace(/[\d.]+/g, '') === r[0].replace(/[\d.]+/g, '') && x[1].split(' (')[0] === r[1].split(' (')[0]);
    if (!b) continue;
    console.log(`${r[0].padEnd(widths[0])}  ${r[1].split(' (')[0].padEnd(34)}  ${String(b[4]).padStart(6)} -> ${String(r[4]).padStart(6)} MB/s (${(r[4] / b[4]).toFixed(2)}x)  ${b[5] || ''} -> ${r[5] || ''}`);
  }
}
