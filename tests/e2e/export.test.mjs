// Export: entities, mentions and quotes as separate CSV tables and all three as one JSON, with headline,
// outlet, source, confidence, byte and UTF-16 offsets; names that say what and when; cells a spreadsheet
// would run are neutralised.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openApp, loadFiles } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) to rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Downloads one export through the Export menu: { name, text }. */
export async function download(page, label) {
  await page.locator('.menu > summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${label}` }).click()]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

const stamp = '\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}';

test('three CSV tables and one JSON of the shown view, named by what and when', async () => {
  const page = await openApp(browser, server.url + '?speaker=Dilma+Rousseff');
  const quotes = await download(page, 'Quotations (CSV)');
  assert.match(quotes.name, new RegExp(`^newsprism-quotes-speaker-dilma-rousseff-${stamp}\\.csv$`));
  const q = parseCsv(quotes.text);
  const cols = q[0];
  for (const c of ['article', 'headline', 'outlet', 'source', 'text', 'speaker', 'confidence', 'start_byte', 'end_byte', 'start_utf16', 'end_utf16']) {
    assert.ok(cols.includes(c), `quotes has ${c}: ${cols}`);
  }
  assert.equal(q.length - 1, 2, quotes.text);
  const row = Object.fromEntries(cols.map((c, i) => [c, q[1][i]]));
  assert.equal(row.speaker, 'Dilma Rousseff');
  assert.ok(Number(row.confidence) > 0 && Number(row.confidence) <= 1);
  assert.ok(row.headline.length > 10 && row.source.endsWith('.txt'));
  // The article has curly quotation marks before the quote: UTF-16 offsets are smaller than byte offsets.
  assert.ok(Number(row.start_utf16) < Number(row.start_byte), JSON.stringify(row));
  assert.equal(Number(row.end_byte) - Number(row.start_byte) >= Number(row.end_utf16) - Number(row.start_utf16), true);

  const mentions = await download(page, 'Mentions (CSV)');
  assert.match(mentions.name, new RegExp(`^newsprism-mentions-speaker-dilma-rousseff-${stamp}\\.csv$`));
  assert.deepEqual(parseCsv(mentions.text)[0].slice(0, 5), ['article', 'headline', 'outlet', 'source', 'url']);
  const entities = await download(page, 'Entities (CSV)');
  assert.equal(parseCsv(entities.text)[0][0], 'entity');

  const json = await download(page, 'All three (JSON)');
  assert.match(json.name, new RegExp(`^newsprism-view-speaker-dilma-rousseff-${stamp}\\.json$`));
  const doc = JSON.parse(json.text);
  assert.equal(doc.view, 'speaker=Dilma+Rousseff');
  assert.equal(doc.quotes.length, 2);
  assert.equal(doc.quotes[0].start_utf16, Number(row.start_utf16));
  assert.equal(doc.mentions.length, parseCsv(mentions.text).length - 1);
  assert.match(doc.offsets, /UTF-8 bytes.*UTF-16/);
  // Unfiltered, the name says "all".
  await page.locator('.chip').click();
  await page.waitForFunction(() => !location.search.includes('speaker='));
  assert.match((await download(page, 'Quotations (CSV)')).name, new RegExp(`^newsprism-quotes-all-${stamp}\\.csv$`));
  assert.deepEqual(page.errors, []);
});

test('cells a spreadsheet would run as formulas are neutralised', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'newsprism-csv-'));
  const file = join(dir, 'formulas.jsonl');
  const records = [
    { title: '=HYPERLINK("http://evil.example","click")', text: 'Geneva talks\n\n“=1+2 is the answer,” Putin said in Geneva.\n\n“+SUM(A1:A9) matters,” Obama said.', source: '@evil' },
    { title: '-2+3 headline', text: 'Paris meeting\n\n“-cmd|calc is nothing,” Merkel said in Paris.\n\n“@SUM(1,2) again,” Hollande told reporters.', source: '\tcmd' },
  ];
  await writeFile(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const page = await openApp(browser, server.url);
  await loadFiles(page, file, 2);
  for (const label of ['Quotations (CSV)', 'Mentions (CSV)', 'Entities (CSV)']) {
    const { text } = await download(page, label);
    const rows = parseCsv(text);
    assert.ok(rows.length > 1, `${label} has rows`);
    for (const r of rows) {
      for (const cell of r) assert.ok(!/^[=+\-@\t\r]/.test(cell), `${label}: unneutralised cell ${JSON.stringify(cell)}`);
    }
    if (label.startsWith('Quotations')) {
      const cells = rows.flat();
      assert.ok(cells.includes("'=HYPERLINK(\"http://evil.example\",\"click\")"), 'the headline is kept, neutralised');
      assert.ok(cells.some((c) => c.startsWith("'=1+2")) && cells.some((c) => c.startsWith("'@SUM")), cells.join(' | '));
    }
  }
  assert.deepEqual(page.errors, []);
});
