// The page's shape: loads with a status, follows the system's dark theme, fits a laptop screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openApp, ARTIFACTS } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.context.close();
});

test('dark theme follows the system setting', async () => {
  const { page } = browser;
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(20, 23, 29)');
  await page.screenshot({ path: join(ARTIFACTS, 'layout-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(246, 247, 249)');
});

test('a laptop screen shows editor and output side by side without horizontal scrolling', async () => {
  const { page } = browser;
  for (const [width, height] of [[1280, 720], [1024, 640]]) {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow at ${width}px (${overflow})`);
    const editor = await page.getByTestId('editor-script').boundingBox();
    const output = await page.getByTestId('output').boundingBox();
    assert.ok(editor && output && output.x > editor.x, `side by side at ${width}px`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'layout-laptop.png') });
});

test('every test id the issues name is on the page', async () => {
  const { page } = browser;
  await openApp(page);
  for (const id of ['editor-models', 'editor-script', 'editor-sql', 'tab-models', 'tab-script', 'tab-sql',
    'run-script', 'run-sql', 'stop', 'results', 'errors', 'status', 'output', 'sql-log', 'tab-output', 'history-open']) {
    assert.equal(await page.getByTestId(id).count(), 1, id);
  }
});
