// A phone (390 x 844): the first screen says what this is and starts the articles; the filters are one tap
// away in a sheet; the views wrap instead of running off the screen; nothing scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, loadFiles, screenshot, shots, ecbplus } from './harness.mjs';
import { join } from 'node:path';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const phone = { width: 390, height: 844 };

/** Boxes of the first screen's landmarks. */
async function firstScreen(page) {
  return page.evaluate(() => {
    const box = (sel) => { const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
    return {
      intro: box('.intro'), summary: box('.summary'), filters: box('.filters-button'), search: box('#search'),
      headline: box('article.article .headline'), paragraph: box('article.article .paragraph'),
      tabs: [...document.querySelectorAll('[role=tab]')].map((t) => { const r = t.getBoundingClientRect(); return { text: t.innerText, left: r.left, right: r.right, top: r.top, bottom: r.bottom }; }),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

test('phone: the first screen says what this is and shows the start of the articles', async () => {
  const page = await openApp(browser, server.url, phone);
  const s = await firstScreen(page);
  await page.screenshot({ path: join(shots, 'phone-first-screen-390.png') });
  assert.match(await page.locator('.intro').innerText(), /^Built-in example: five outlets’ reports of the Obama–Putin meeting/);
  assert.ok(s.intro.bottom <= 844 && s.summary.bottom <= 844, JSON.stringify(s));
  assert.ok(s.filters.bottom <= 844 && s.search.bottom <= 844, 'search and the filters button are on the first screen');
  assert.ok(s.headline.top < 600, `the first article starts at ${s.headline.top}px`);
  assert.ok(s.paragraph.top < 844 - 40, `its first paragraph starts at ${s.paragraph.top}px`);
  for (const t of s.tabs) assert.ok(t.left >= 0 && t.right <= 390 && t.bottom <= 844, `tab “${t.text}” is cut off: ${JSON.stringify(t)}`);
  assert.equal(s.tabs.length, 7);
  assert.ok(s.overflow <= 0, `the page scrolls sideways by ${s.overflow}px`);
  assert.equal(await page.locator('[data-area="speakers"]').isVisible(), false, 'the filter lists wait in the sheet');
  console.log(`phone first screen: intro ends at ${s.intro.bottom.toFixed(0)} px, first headline at ${s.headline.top.toFixed(0)} px, first paragraph at ${s.paragraph.top.toFixed(0)} px`);
  assert.deepEqual(page.errors, []);
});

test('phone: the filters open in a sheet one tap away, and closing it returns to the articles', async () => {
  const page = await openApp(browser, server.url, phone);
  const button = page.locator('.filters-button');
  await button.click();
  const sheet = page.getByRole('dialog', { name: 'Filters and articles' });
  await sheet.waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await page.screenshot({ path: join(shots, 'phone-sheet-390.png') });
  await sheet.locator('[data-area="speakers"] .facet-item', { hasText: 'Barack Obama' }).click();
  await page.waitForFunction(() => location.search.includes('speaker=Barack+Obama'));
  assert.equal(await button.innerText(), 'Filters · 1', 'the button counts the active filters');
  // The page behind the modal sheet is inert: Tab stays in the sheet.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('dialog')), 'focus stays in the sheet');
  }
  await sheet.getByRole('button', { name: 'Done' }).click();
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('filters-button')), true, 'focus returns to the button');
  assert.equal(await page.locator('.chip', { hasText: 'Barack Obama' }).count(), 1);
  const speakers = await page.locator('.quote:not(.dim)').evaluateAll((qs) => qs.map((q) => q.dataset.speaker));
  assert.ok(speakers.length > 0 && speakers.every((s) => s === 'Barack Obama'), speakers.join(', '));
  // Esc closes the sheet when there is nothing of its own to clear.
  await button.click();
  await sheet.waitFor();
  await page.locator('#find-countries').focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  assert.deepEqual(page.errors, []);
});

test('phone: "Load your own articles" opens the sheet at the file picker', async () => {
  const page = await openApp(browser, server.url, phone);
  await page.getByRole('button', { name: 'Load your own articles' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'file-input' && !!document.querySelector('dialog[open]'));
});

test('phone: every view fits the width, on the built-in corpus and on ECB+', async () => {
  const page = await openApp(browser, server.url, phone);
  const check = async (name) => {
    for (const tab of ['reader', 'quotes', 'chart', 'story']) {
      await page.locator(`#tab-${tab}`).click();
      await page.waitForSelector(`#tab-${tab}[aria-selected="true"]`);
      await page.waitForSelector({ reader: '.reader', quotes: '.quotes', chart: '.chart', story: '.story' }[tab]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} ${tab}: the page scrolls sideways by ${overflow}px`);
      await screenshot(page, `phone-${name}-${tab}-390`);
    }
  };
  await check('builtin');
  await loadFiles(page, ecbplus, 982);
  await check('ecbplus');
  await page.locator('#tab-reader').click();
  await page.waitForSelector('.reader');
  await page.screenshot({ path: join(shots, 'phone-ecbplus-first-screen-390.png') });
  const s = await firstScreen(page);
  assert.ok(s.headline.top < 600, `ECB+: the first article starts at ${s.headline.top}px`);
  assert.deepEqual(page.errors, []);
});
