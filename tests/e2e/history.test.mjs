// Run history: every script and SQL run is appended to the workspace store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, setSql, runAll, runScript } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
  await openApp(browser.page);
});
after(async () => {
  await browser?.context.close();
});

test('script and SQL runs are recorded in the run history and survive a reload', async () => {
  const { page } = browser;
  await runScript(page);
  await setSql(page, 'select nope;');
  await runAll(page);
  const read = () => page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('ormlab-workspace');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('history').objectStore('history').getAll();
      req.onsuccess = () => { open.result.close(); resolve(req.result); };
      req.onerror = () => reject(req.error);
    };
  }));
  let runs = [];
  for (let i = 0; i < 50 && runs.length < 2; i++) {
    runs = await read();
    if (runs.length < 2) await page.waitForTimeout(100);
  }
  assert.deepEqual(runs.map((r) => [r.kind, r.ok]), [['script', true], ['sql', false]]);
  assert.match(runs[1].summary, /no such column: nope/);
  await page.reload();
  await openApp(page);
  assert.equal((await read()).length, 2);
});
