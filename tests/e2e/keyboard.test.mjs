// The keyboard: one Tab stop per article (arrow keys move between its highlights), arrow keys in the tab
// list, focus rings that nothing clips, Esc that clears what it says, chosen filters that stay listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, tabStops } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('one Tab stop per article, and a short Tab order overall', async () => {
  const page = await openApp(browser, server.url);
  const stops = await tabStops(page);
  const inArticles = stops.filter((s) => s.article);
  const articles = new Set(inArticles.map((s) => s.article));
  console.log(`Tab stops in the default view: ${stops.length} in all, ${inArticles.length} in the 5 articles`);
  assert.equal(articles.size, 5);
  assert.equal(inArticles.length, 5, JSON.stringify(inArticles));
  assert.ok(inArticles.every((s) => s.key === 'button'), 'an article is entered at its first item');
  assert.equal(stops.filter((s) => s.tag === 'MARK').length, 0, 'no highlight is a Tab stop of its own');
  assert.equal(stops.filter((s) => s.id.startsWith('tab-')).length, 1, 'the tab list is one Tab stop');
  assert.ok(stops.length < 60, `${stops.length} Tab stops`);
});

test('arrow keys move between an article’s highlights; the last visited keeps the Tab stop', async () => {
  const page = await openApp(browser, server.url);
  const first = page.locator('article.article').first();
  await first.locator('[data-rove="button"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rove), 'rename', 'the outlet comes next');
  await page.keyboard.press('ArrowRight');
  const focused = () => page.evaluate(() => ({ tag: document.activeElement.tagName, text: document.activeElement.textContent, article: document.activeElement.closest('article')?.id, tip: getComputedStyle(document.activeElement, '::after').content }));
  let f = await focused();
  assert.equal(f.tag, 'MARK');
  assert.equal(f.article, 'article-000_fb588c1a204cc496');
  assert.notEqual(f.tip, 'none', 'the focused highlight shows its explanation');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const third = await focused();
  assert.equal(await first.locator('[tabindex="0"]').count(), 1, 'one item of the article is in the Tab order');
  assert.equal(await first.locator('[tabindex="0"]').textContent(), third.text);
  // Leave and come back with Tab: the same highlight.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).text, third.text);
  await page.keyboard.press('End');
  f = await focused();
  // The last roving item: a name, or the "said by" button of the article's last quoted paragraph.
  const items = first.locator('[data-rove]');
  assert.equal(f.text, await items.nth((await items.count()) - 1).textContent());
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rove), 'button');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rove), 'button', 'Home stays at the first');
});

test('arrow keys, Home and End move along the view tabs', async () => {
  const page = await openApp(browser, server.url);
  await page.locator('#tab-reader').focus();
  const at = () => page.evaluate(() => ({ id: document.activeElement.id, selected: document.activeElement.getAttribute('aria-selected'), search: location.search }));
  // The URL follows the view after it is drawn: wait for it, then compare.
  const urlIs = (search) => page.waitForFunction((s) => location.search === s, search);
  await page.keyboard.press('ArrowRight');
  await urlIs('?view=quotes');
  assert.deepEqual(await at(), { id: 'tab-quotes', selected: 'true', search: '?view=quotes' });
  await page.waitForSelector('.quotes');
  await page.keyboard.press('End');
  assert.equal((await at()).id, 'tab-gaps');
  await page.keyboard.press('ArrowRight');
  assert.equal((await at()).id, 'tab-reader', 'wraps around');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await at()).id, 'tab-gaps');
  await page.keyboard.press('Home');
  await urlIs('');
  assert.deepEqual(await at(), { id: 'tab-reader', selected: 'true', search: '' });
  assert.equal(await page.locator('[role=tab][tabindex="0"]').count(), 1);
});

test('a focused list item shows its whole focus ring inside the scrolling list', async () => {
  const page = await openApp(browser, server.url);
  await page.locator('#find-speakers').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    const list = e.closest('.facet-list');
    const r = e.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    return { cls: e.className, style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset),
      inside: r.left >= l.left && r.right <= l.right && r.top >= l.top && r.bottom <= l.bottom };
  });
  assert.match(ring.cls, /facet-item/);
  assert.notEqual(ring.style, 'none', 'a visible focus ring');
  assert.ok(ring.width >= 2 && ring.offset <= -ring.width, `the ring is drawn inside the item: ${JSON.stringify(ring)}`);
  assert.ok(ring.inside, 'the item is inside the list’s visible box, so the ring is not clipped');
});

test('Esc in a Find box clears its text first, then the list’s choices', async () => {
  const page = await openApp(browser, server.url, {});
  await page.locator('[data-area="speakers"] .facet-item', { hasText: 'Vladimir Putin' }).click();
  await page.waitForFunction(() => location.search.includes('speaker='));
  await page.locator('#find-speakers').fill('obama');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#find-speakers').inputValue(), '');
  assert.match(page.url(), /speaker=Vladimir\+Putin/, 'the choice stays');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.search.includes('speaker='));
  // The main search box: Esc clears it, typed or filtered.
  await page.locator('#search').fill('refugees');
  await page.waitForFunction(() => location.search.includes('q=refugees'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.search.includes('q='));
  assert.equal(await page.locator('#search').inputValue(), '');
});

test('a chosen speaker with no quotation under the other filters stays in its list', async () => {
  const page = await openApp(browser, server.url + '?speaker=Dilma+Rousseff&country=Iran');
  const item = page.locator('[data-area="speakers"] .facet-item', { hasText: 'Dilma Rousseff' });
  assert.equal(await item.count(), 1);
  assert.equal(await item.getAttribute('aria-pressed'), 'true');
  assert.equal(await item.locator('.count').textContent(), '0 quotations');
  // Even when the Find box matches something else.
  await page.locator('#find-speakers').fill('putin');
  assert.equal(await item.count(), 1);
  assert.equal(await page.locator('[data-area="speakers"] .facet-item', { hasText: 'Vladimir Putin' }).count(), 1);
  await item.click();
  await page.waitForFunction(() => !location.search.includes('speaker='));
});
