// Prints newsprism's top people and countries on the seed articles beside what compromise (npm) finds in
// the same texts, in the same run. Usage: node scripts/compare-compromise.mjs [FILES...]
// (builds nothing: run `cargo build --release -p newsprism-core` first).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const nlp = require('compromise');
const root = new URL('..', import.meta.url).pathname;
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(root, 'www/corpus')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'www/corpus', f));

const t0 = performance.now();
const ours = JSON.parse(execFileSync(join(root, 'target/release/newsprism'), ['analyze', ...files], { maxBuffer: 1 << 28 }));
const oursMs = performance.now() - t0;
const top = (kind) => ours.entities.filter((e) => e.kind === kind).map((e) => [e.name, e.mentions.length]).slice(0, 15);

const t1 = performance.now();
const counts = { people: new Map(), places: new Map() };
for (const f of files) {
  const doc = nlp(readFileSync(f, 'utf8'));
  for (const [kind, view] of [['people', doc.people()], ['places', doc.places()]]) {
    for (const m of view.json({ normal: true })) {
      const key = m.normal.replace(/['’]s$/, '').trim();
      if (key) counts[kind].set(key, (counts[kind].get(key) ?? 0) + 1);
    }
  }
}
const theirsMs = performance.now() - t1;
const rank = (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15);

const table = (title, left, right) => {
  console.log(`\n${title}`);
  console.log(`${'newsprism'.padEnd(34)} | compromise ${nlp.version}`);
  for (let i = 0; i < 15; i++) {
    const l = left[i] ? `${String(left[i][1]).padStart(3)}  ${left[i][0]}` : '';
    const r = right[i] ? `${String(right[i][1]).padStart(3)}  ${right[i][0]}` : '';
    console.log(`${l.padEnd(34)} | ${r}`);
  }
};
table('Top 15 people (mentions)', top('person'), rank(counts.people));
table('Top 15 countries (newsprism) / places (compromise)', top('country'), rank(counts.places));
console.log(`\nnewsprism analyze (whole pipeline, native, incl. process start): ${oursMs.toFixed(0)} ms; compromise people()+places(): ${theirsMs.toFixed(0)} ms`);
