// Hostile input runs nothing: 60 XSS payloads in article text, titles, sources, URLs, file names and link
// parameters are shown as text, with no dialog, no script run, no element or attribute injected; and the
// Content-Security-Policy holds (no violation in normal use, an injected inline script is refused).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launch, openApp, loadFiles } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Each payload, if it ever ran, would set window.__xss (or open a dialog, which the harness records). */
export const payloads = [
  '<script>window.__xss=1</script>',
  '<script src="data:text/javascript,window.__xss=2"></script>',
  '<img src=x onerror="window.__xss=3">',
  '<img src="javascript:window.__xss=4">',
  '<svg onload="window.__xss=5">',
  '<svg><script>window.__xss=6</script></svg>',
  '<svg><animate onbegin="window.__xss=7" attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=8">',
  '<math href="javascript:window.__xss=9">click</math>',
  '<iframe src="javascript:window.parent.__xss=10"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=11</script>"></iframe>',
  '<object data="javascript:window.__xss=12"></object>',
  '<embed src="javascript:window.__xss=13">',
  '<a href="javascript:window.__xss=14">link</a>',
  '<a href="data:text/html,<script>alert(15)</script>">data link</a>',
  '<body onload="window.__xss=16">',
  '<input autofocus onfocus="window.__xss=17">',
  '<details open ontoggle="window.__xss=18">',
  '<video><source onerror="window.__xss=19"></video>',
  '<audio src=x onerror="window.__xss=20">',
  '<marquee onstart="window.__xss=21">',
  '<div style="background:url(javascript:window.__xss=22)">',
  '<style>@import "javascript:window.__xss=23";</style>',
  '<link rel=stylesheet href="javascript:window.__xss=24">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=25">',
  '<base href="javascript:window.__xss=26//">',
  '<form action="javascript:window.__xss=27"><button>go</button></form>',
  '<isindex action="javascript:window.__xss=28" type=image>',
  '"><script>window.__xss=29</script>',
  "'><img src=x onerror=window.__xss=30>",
  '</textarea><script>window.__xss=31</script>',
  '</title><script>window.__xss=32</script>',
  '<scr<script>ipt>window.__xss=33</scr</script>ipt>',
  '<<script>window.__xss=34//<</script>',
  '<img src=x onerror=&#119;indow.__xss=35>',
  '<img src=x onerror="&#x77;indow.__xss=36">',
  '<svg><a xlink:href="javascript:window.__xss=37"><text x=20 y=20>x</text></a></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=alert(38) /></svg>#x" />',
  '<template><img src=x onerror="window.__xss=39"></template>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=40>">',
  '<x onclick="window.__xss=41">click me</x>',
  '<p onmouseover="window.__xss=42">hover</p>',
  'javascript:window.__xss=43',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCg0NCk8L3NjcmlwdD4=',
  '${window.__xss=45}',
  '{{constructor.constructor("window.__xss=46")()}}',
  '<img src=x onerror=eval(atob("d2luZG93Ll9feHNzPTQ3"))>',
  '<svg/onload=window.__xss=48>',
  '<img/src/onerror=window.__xss=49>',
  '<body/onpageshow=window.__xss=50>',
  '<dialog open onclose="window.__xss=51"></dialog>',
  '<select autofocus onfocus="window.__xss=52">',
  '<keygen autofocus onfocus="window.__xss=53">',
  '<object data="data:text/html,<script>alert(54)</script>">',
  '<script>alert(55)</script>',
  '<img src=x onerror=prompt(56)>',
  '<svg><script href="data:,window.__xss=57" />',
  '<!--<img src="--><img src=x onerror=window.__xss=58//">',
  '<a href="  JaVaScRiPt:window.__xss=59">spaced</a>',
  '\u0000<script>window.__xss=60</script>',
];

/** Elements and attributes text could have turned into: none may exist in the app. */
async function injected(page) {
  return page.evaluate(() => {
    const app = document.querySelector('.app') ?? document.body;
    const bad = [...app.querySelectorAll('script, iframe, object, embed, img, image, math, form, video, audio, source, base, meta, link, style, template, marquee, x, foreignObject, use, animate')];
    const attrs = [...app.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || (/^(href|src|xlink:href|action|data)$/i.test(a.name) && /^\s*(javascript|data):/i.test(a.value))).map((a) => `${e.tagName} ${a.name}=${a.value}`));
    return [...bad.map((e) => e.outerHTML.slice(0, 80)), ...attrs];
  });
}

test(`${payloads.length} XSS payloads in texts, titles, sources, URLs and file names run nothing`, { timeout: 180_000 }, async () => {
  assert.ok(payloads.length >= 50);
  const dir = await mkdtemp(join(tmpdir(), 'newsprism-xss-'));
  const records = payloads.map((p, i) => ({
    title: `${p} headline ${i}`,
    text: `Report ${i} from Paris\n\nPARIS — ${p} said the protester, and Emmanuel Macron answered “${p}” on Monday in Paris.\n\n“We will not accept ${p},” Angela Merkel said.`,
    source: `${p} source ${i}`,
    url: i % 2 ? p : `https://example.com/${encodeURIComponent(p)}`,
    published: p,
  }));
  const file = join(dir, 'hostile.jsonl');
  await writeFile(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  // File names: everything but "/" and NUL is allowed on Linux.
  const named = [];
  for (const [i, p] of payloads.slice(0, 12).entries()) {
    const name = join(dir, `${p.replace(/[/\u0000]/g, '_').slice(0, 120)}.txt`);
    await writeFile(name, `Named ${i}\n\n“Hello ${i},” Putin said in Moscow.\n`);
    named.push(name);
  }
  const empty = join(dir, '<img src=x onerror=window.__xss=99>.txt');
  await writeFile(empty, '');
  const page = await openApp(browser, server.url);
  await loadFiles(page, [file, ...named, empty], payloads.length + named.length, 120_000);
  for (const tab of ['reader', 'quotes', 'chart', 'story']) {
    await page.locator(`#tab-${tab}`).click();
    await page.waitForSelector(`#tab-${tab}[aria-selected="true"]`);
    assert.deepEqual(await injected(page), [], `${tab}: nothing injected`);
  }
  await page.locator('#tab-reader').click();
  // Show every article, then every highlight and the speaker lists in full.
  while (await page.getByRole('button', { name: /^Show \d+ more of \d+ articles/ }).count()) {
    await page.getByRole('button', { name: /^Show \d+ more of \d+ articles/ }).click();
  }
  const text = await page.locator('.reader').innerText();
  for (const p of payloads.slice(0, 40)) assert.ok(text.includes(p.replace(/\u0000/g, '')) || text.includes(p.trim()), `shown as text: ${p}`);
  assert.deepEqual(await injected(page), []);
  assert.equal(await page.locator('.not-loaded li').count(), 1, 'the empty file is listed with its message');
  assert.match(await page.locator('.not-loaded li').innerText(), /^<img src=x onerror=window.__xss=99>.txt: the file is empty$/);
  // Only web addresses are linked.
  const hrefs = await page.locator('a.original').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= payloads.length / 2 && hrefs.every((h) => /^https:\/\/example\.com\//.test(h)), hrefs.join('\n'));
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(page.errors, []);
});

test('XSS payloads in link parameters are ignored with notices and run nothing', { timeout: 120_000 }, async () => {
  for (let i = 0; i < payloads.length; i += 15) {
    const group = payloads.slice(i, i + 15);
    const q = new URLSearchParams();
    for (const p of group) { q.append('speaker', p); q.append('country', p); }
    q.set('q', group[0]);
    q.set('article', group[1]);
    q.set('view', group[2]);
    q.set('kinds', group[3]);
    q.set(group[4], 'x');
    const page = await openApp(browser, `${server.url}?${q}`);
    const notices = await page.locator('.notice').allInnerTexts();
    assert.ok(notices.length >= group.length, notices.join('\n'));
    assert.deepEqual(await injected(page), []);
    assert.equal(await page.locator('#search').inputValue(), group[0].trim());
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('the Content-Security-Policy allows the app and refuses an injected inline script', async () => {
  const page = await openApp(browser, server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'(;|$)/);
  assert.doesNotMatch(csp, /'unsafe-(inline|eval)'/);
  // The app started under it (its inline start-up script matched the hash, the wasm compiled, the worker
  // ran): the articles are analysed and shown, and nothing was refused.
  assert.equal(await page.locator('article.article').count(), 5);
  assert.deepEqual(page.errors, []);
  // An inline script injected the way a successful XSS would: refused, and reported as a violation.
  const refused = page.evaluate(() => new Promise((done) => {
    document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
  }));
  assert.match(await refused, /^script-src/);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
});
