// axe-core with every rule (experimental ones included) finds nothing in any view, at 1280 and 390 px, on
// the built-in corpus and on ECB+, with the phone sheet and the export menu open too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, loadFiles, axeViolations, ecbplus } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const views = {
  reader: '.reader', quotes: '.quotes', chart: '.chart', story: '.story', clusters: '.clusters', matrix: '.matrix', gaps: '.gaps',
};

async function everyView(page, label, found) {
  for (const [tab, selector] of Object.entries(views)) {
    await page.locator(`#tab-${tab}`).click();
    await page.waitForSelector(selector);
    const v = await axeViolations(page);
    found.push(...v.map((x) => `${label} ${tab}: ${x}`));
  }
  await page.locator('#tab-reader').click();
  await page.waitForSelector('.reader');
}

for (const width of [1280, 390]) {
  test(`axe, all rules, every view at ${width} px: built-in corpus and ECB+`, { timeout: 300_000 }, async () => {
    const page = await openApp(browser, server.url + '?speaker=Vladimir+Putin', { width, height: width > 400 ? 900 : 844 });
    const found = [];
    await everyView(page, `built-in ${width}`, found);
    // The export menu open.
    await page.locator('.menu > summary').click();
    found.push(...(await axeViolations(page)).map((x) => `built-in ${width} export menu: ${x}`));
    await page.locator('.menu > summary').click();
    if (width < 400) {
      await page.locator('.filters-button').click();
      await page.waitForSelector('dialog[open]');
      found.push(...(await axeViolations(page)).map((x) => `built-in ${width} sheet: ${x}`));
      await page.getByRole('button', { name: 'Done' }).click();
    }
    await loadFiles(page, ecbplus, 982);
    await everyView(page, `ECB+ ${width}`, found);
    const rules = await page.evaluate(() => window.axe.getRules().length);
    console.log(`axe-core ${await page.evaluate(() => window.axe.version)}, ${rules} rules, at ${width} px: ${found.length} violations`);
    assert.deepEqual(found, []);
  });
}
