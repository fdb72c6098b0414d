// Trunk post_build hook: writes the page's Content-Security-Policy into the staged index.html as a <meta>
// element, first in <head>. The policy allows only what the app needs: its own scripts, styles, images and
// worker; 'wasm-unsafe-eval' to compile its WebAssembly; and each inline script trunk wrote (the module
// that starts the app, the reload script of `trunk serve`) by the SHA-256 of its exact text, computed here
// after trunk has written them, so the hashes always match the build.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function policy(html) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function withPolicy(html) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(html)}" />`;
  const cleaned = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  // After the charset declaration, before any script.
  const at = cleaned.match(/<meta charset=[^>]*>/) ?? cleaned.match(/<head>/);
  if (!at) throw new Error('index.html has no <head>');
  const end = at.index + at[0].length;
  return `${cleaned.slice(0, end)}\n    ${meta}${cleaned.slice(end)}`;
}

const staging = process.env.TRUNK_STAGING_DIR;
if (staging) {
  const file = join(staging, 'index.html');
  await writeFile(file, withPolicy(await readFile(file, 'utf8')));
} else if (process.argv[2]) {
  process.stdout.write(withPolicy(await readFile(process.argv[2], 'utf8')));
} else {
  console.error('usage: node scripts/csp.mjs [index.html]  (as a trunk hook it reads TRUNK_STAGING_DIR)');
  process.exit(2);
}
