// Export: entities, mentions and quotes as separate CSV tables and all three as one JSON, with headline,
// outlet, source, confidence, byte and UTF-16 offsets, story, corrected, unsure and alternatives; names that
// say what and when; every CSV after a UTF-8 byte-order mark; cells a spreadsheet would run, and ids it
// would read as dates, are kept as text.
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

/**
 * Downloads one export through the Export menu: { name, text, bom } (the text without the byte-order mark
 * a CSV starts with; `bom` says whether the file's first bytes were UTF-8's EF BB BF).
 */
export async function download(page, label) {
  await page.locator('.menu > summary').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${label}` }).click()]);
  const bytes = await readFile(await d.path());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { name: d.suggestedFilename(), text: bytes.subarray(bom ? 3 : 0).toString('utf8'), bom };
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
  assert.ok(quotes.bom, 'a CSV starts with a UTF-8 byte-order mark');
  // The new columns follow the old ones.
  assert.deepEqual(cols.slice(-4), ['story', 'corrected', 'unsure', 'alternatives']);
  const row = Object.fromEntries(cols.map((c, i) => [c, q[1][i]]));
  assert.equal(row.speaker, 'Dilma Rousseff');
  assert.ok(Number(row.confidence) > 0 && Number(row.confidence) <= 1);
  assert.match(row.confidence, /^[01]\.\d{3}$/, 'three decimals');
  assert.match(row.story, /^story-\d+$/);
  assert.equal(row.corrected, 'false');
  assert.equal(row.unsure, Number(row.confidence) < 0.75 ? 'true' : 'false');
  assert.ok(row.headline.length > 10 && row.source.endsWith('.txt'));
  // The article has curly quotation marks before the quote: UTF-16 offsets are smaller than byte offsets.
  assert.ok(Number(row.start_utf16) < Number(row.start_byte), JSON.stringify(row));
  assert.equal(Number(row.end_byte) - Number(row.start_byte) >= Number(row.end_utf16) - Number(row.start_utf16), true);

  const mentions = await download(page, 'Mentions (CSV)');
  assert.match(mentions.name, new RegExp(`^newsprism-mentions-speaker-dilma-rousseff-${stamp}\\.csv$`));
  assert.deepEqual(parseCsv(mentions.text)[0].slice(0, 5), ['article', 'headline', 'outlet', 'source', 'url']);
  assert.ok(mentions.bom);
  assert.equal(parseCsv(mentions.text)[0].at(-1), 'story');
  const entities = await download(page, 'Entities (CSV)');
  assert.ok(entities.bom);
  assert.equal(parseCsv(entities.text)[0][0], 'entity');
  assert.deepEqual(parseCsv(entities.text)[0].slice(-2), ['story', 'corrected']);

  const json = await download(page, 'All three (JSON)');
  assert.match(json.name, new RegExp(`^newsprism-view-speaker-dilma-rousseff-${stamp}\\.json$`));
  const doc = JSON.parse(json.text);
  assert.equal(doc.view, 'speaker=Dilma+Rousseff');
  assert.ok(!json.bom, 'the JSON has no byte-order mark');
  assert.equal(doc.quotes.length, 2);
  assert.equal(doc.quotes[0].story, row.story);
  assert.equal(typeof doc.quotes[0].corrected, 'boolean');
  assert.equal(typeof doc.quotes[0].unsure, 'boolean');
  assert.equal(typeof doc.quotes[0].alternatives, 'string');
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

test('ids a spreadsheet would read as dates stay text', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'newsprism-ids-'));
  const files = [join(dir, '1-2.txt'), join(dir, '3-4.txt')];
  await writeFile(files[0], 'Ferry talks\n\n“The ferry will run all winter,” Ada Lim said in Oslo.\n');
  await writeFile(files[1], 'Ferry deal\n\n“The ferry will run all winter,” Ada Lim said on Monday.\n');
  const page = await openApp(browser, server.url);
  await loadFiles(page, files, 2);
  for (const label of ['Quotations (CSV)', 'Mentions (CSV)']) {
    const rows = parseCsv((await download(page, label)).text);
    const article = rows[0].indexOf('article');
    assert.ok(rows.length > 1, label);
    for (const r of rows.slice(1)) assert.ok(["'1-2", "'3-4"].includes(r[article]), `${label}: ${JSON.stringify(r)}`);
  }
  const json = JSON.parse((await download(page, 'All three (JSON)')).text);
  assert.deepEqual([...new Set(json.quotes.map((q) => q.article))].sort(), ['1-2', '3-4'], 'the JSON keeps the ids as they are');
  assert.deepEqual(page.errors, []);
});
