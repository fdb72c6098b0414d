// Shared set-up for the end-to-end tests: serves dist/ under a sub-path and drives Debian's Chromium.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readFile, mkdir, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const dist = join(root, 'dist');
export const shots = join(root, 'target', 'screenshots');
/** The app is served under this sub-path, to prove the build works away from the host's root. */
export const base = '/some/sub/path/';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
};

/**
 * Starts a static file server for dist/ on a free loopback port; resolves to { url, close, requests }, where
 * `requests` lists the paths asked for (a test counts the workers started by their loader script).
 */
export async function serveDist() {
  await stat(join(dist, 'index.html'));
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(base)) { res.writeHead(404); res.end('outside the app'); return; }
    const rel = path.slice(base.length) || 'index.html';
    const file = normalize(join(dist, rel));
    if (!file.startsWith(dist)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((ok) => server.close(ok)), requests };
}

/** Launches headless Debian Chromium with the flags this machine needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh page at the given width; collects page errors so tests can assert there were none. */
export async function openPage(browser, width = 1280, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  return watch(await context.newPage());
}

/**
 * Collects a page's errors (uncaught exceptions, console errors, Content-Security-Policy violations and
 * dialogs such as alert()) in `page.errors`, so tests can assert there were none.
 */
export async function watch(page) {
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('dialog', (d) => { page.errors.push(`dialog ${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.exposeFunction('__reportCsp', (v) => page.errors.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** Saves a full-page screenshot under target/screenshots/ and returns its size in bytes. */
export async function screenshot(page, name) {
  await mkdir(shots, { recursive: true });
  const path = join(shots, `${name}.png`);
  const png = await page.screenshot({ path, fullPage: true });
  return png.length;
}

let axeSource;
/**
 * Runs axe-core on the page (every rule, experimental ones included, unless `rules` names some) and returns
 * the violations' summaries. axe is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy rightly does not allow as an inline script.
 */
export async function axeViolations(page, rules) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  const result = await page.evaluate((only) => {
    const ids = only ?? window.axe.getRules().map((r) => r.ruleId);
    return window.axe.run(document, { runOnly: { type: 'rule', values: ids }, resultTypes: ['violations'] });
  }, rules ?? null);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(-1)[0]}`));
}

/** Runs axe-core's colour-contrast rule on the page; returns the violations' summaries. */
export const contrastViolations = (page) => axeViolations(page, ['color-contrast']);

/** The ECB+ news file (982 articles), read in place: never copied into the repository. */
export const ecbplus = join(root, '..', 'shared', 'data', 'news', 'ecbplus.jsonl');

/** Opens the app at `url` (optionally with a query) and waits until an analysis is shown. */
export async function openApp(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await openPage(browser, width, height);
  await page.goto(url);
  await page.waitForSelector('.panel', { timeout: 60_000 });
  return page;
}

/** Loads files through the file input and waits until the summary names `articles` articles. */
export async function loadFiles(page, files, articles, timeout = 300_000) {
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction((n) => document.querySelector('.summary')?.innerText.startsWith(`${n} article`), articles, { timeout });
}

/** Installs a long-task observer on the page (once); `takeLongTasks` drains what it saw. */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    if (window.__longTasks) return;
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
}

/** Waits for two animation frames and a task, so the work an interaction started has run and painted. */
export async function settle(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
}

/**
 * Runs `action`, waits for `until` (a function of the page, awaited), lets the page settle, and returns the
 * long tasks (ms) seen in between: { max, total, count }.
 */
export async function measure(page, action, until) {
  await watchLongTasks(page);
  await settle(page);
  await page.evaluate(() => { window.__longTasks.length = 0; });
  await action();
  await until();
  await settle(page);
  await settle(page);
  const tasks = await page.evaluate(() => window.__longTasks.splice(0));
  return { max: Math.round(Math.max(0, ...tasks)), total: Math.round(tasks.reduce((a, b) => a + b, 0)), count: tasks.length };
}

/** Every Tab stop of the page in order, from the top: [{ tag, id, cls, text, inMain, inArticle }]. */
export async function tabStops(page, max = 400) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      return { tag: e.tagName, id: e.id, cls: e.className?.baseVal ?? e.className, text: (e.innerText ?? e.textContent ?? '').slice(0, 40),
        inMain: !!e.closest('main'), article: e.closest('article')?.id ?? null, key: e.dataset?.rove ?? null };
    });
    if (!s) break;
    if (stops.length && s.tag === stops[0].tag && s.id === stops[0].id && s.text === stops[0].text && s.cls === stops[0].cls) break;
    stops.push(s);
  }
  return stops;
}

/**
 * Opens a fresh page, picks `files` and waits until `articles` articles are shown and the reader's first
 * page is drawn; returns { seconds (file chosen → articles shown), max, total, count (the main thread's long
 * tasks meanwhile, ms), tasks, timings (`window.newsprismTimings`: how the page read, indexed and drew it) }.
 */
export async function timedLoad(browser, url, files, articles, timeout = 600_000) {
  const page = await openApp(browser, url);
  await page.waitForSelector('article.article', { timeout: 60_000 });
  await watchLongTasks(page);
  await settle(page);
  await page.evaluate(() => { window.__longTasks.length = 0; window.newsprismTimings = {}; });
  const t0 = Date.now();
  await page.setInputFiles('#file-input', files);
  // Polled on a timer, reading textContent: a check that forced a layout would add work of its own.
  await page.waitForFunction((n) => document.querySelector('.summary')?.textContent.startsWith(`${n} article`)
    && document.querySelector('article.article'), articles, { timeout, polling: 50 });
  const seconds = (Date.now() - t0) / 1000;
  await page.waitForSelector('.reader[aria-busy="false"]', { timeout });
  await settle(page);
  await settle(page);
  const tasks = await page.evaluate(() => window.__longTasks.splice(0));
  const timings = await page.evaluate(() => window.newsprismTimings);
  return { page, seconds, tasks, timings, max: Math.round(Math.max(0, ...tasks)),
    total: Math.round(tasks.reduce((a, b) => a + b, 0)), count: tasks.length };
}
