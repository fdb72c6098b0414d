// The page opens on the built-in corpus and shows the five articles as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('opens on the five built-in articles', async () => {
  const page = await openPage(browser);
  await page.goto(server.url);
  await page.locator('article.article').nth(4).waitFor();
  assert.equal(await page.locator('article.article').count(), 5);
  const headlines = await page.locator('article .headline').allTextContents();
  assert.ok(headlines.includes('Putin heads for UN showdown with Obama over Syria'), headlines.join(' | '));
  const body = await page.locator('main').innerText();
  assert.ok(body.includes('United Nations, Sept 28'));
  assert.ok(!body.includes('Sorry, your comment was not saved'), 'boilerplate is not shown');
  assert.deepEqual(page.errors, []);
});

test('screenshots at desktop and phone widths show the articles', async () => {
  for (const [width, name] of [[1280, 'reader-1280'], [390, 'reader-390']]) {
    const page = await openPage(browser, width, 900);
    await page.goto(server.url);
    await page.locator('article.article').nth(4).waitFor();
    const bytes = await screenshot(page, name);
    assert.ok(bytes > 30_000, `${name}.png is ${bytes} bytes: is the page blank?`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
  }
});
