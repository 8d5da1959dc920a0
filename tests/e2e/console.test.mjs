// The SQL console as a person uses it: type, run, read results and errors, stop, scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, openApp, setSql, runAll, ARTIFACTS } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
  await openApp(browser.page);
});
after(async () => {
  await browser?.context.close();
});

test('typed SQL runs and its rows appear, NULL distinct from the text NULL', async () => {
  const { page } = browser;
  await setSql(page, "create table pets (id integer primary key, name varchar(20) not null, owner text);\n"
    + "insert into pets (name, owner) values ('Rex', 'ann'), ('Tom', NULL), ('Kit', 'NULL');\n"
    + 'select id, name, owner from pets order by id;');
  await runAll(page);
  const results = page.getByTestId('results');
  await results.locator('.block-meta', { hasText: /\b3 rows ·/ }).waitFor();
  const text = await results.innerText();
  assert.match(text, /3 rows affected/);
  assert.match(text, /Rex/);
  assert.match(text, /VARCHAR\(20\)/i);
  assert.equal(await results.locator('.cell.null').count(), 1, 'one real NULL');
  assert.equal(await results.locator('.cell:not(.null):text-is("NULL")').count(), 1, "one text 'NULL'");
  await page.screenshot({ path: join(ARTIFACTS, 'console-results.png') });
  // Each row block downloads as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    results.locator('section.block.rows [data-testid="result-csv"]').first().click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.equal(csv.split(/\r?\n/)[0], 'id,name,owner');
  assert.match(csv, /1,Rex,ann/);
});

test('a syntax error is listed with line:col and marked in the editor', async () => {
  const { page } = browser;
  await setSql(page, 'select 1;\nselect * frm pets;\nselect 3;');
  await runAll(page);
  const errors = page.getByTestId('errors');
  await errors.locator('li').first().waitFor();
  const text = await errors.innerText();
  assert.match(text, /2:10/);
  assert.match(text, /near "frm": syntax error/);
  await page.locator('[data-testid="editor-sql"] .cm-lintRange-error').first().waitFor();
  // The first statement's result is still shown; the third never ran.
  assert.equal(await page.locator('[data-testid="results"] section.block').count(), 2);
  await page.screenshot({ path: join(ARTIFACTS, 'console-error.png') });
});

test('an endless recursive CTE keeps the page painting, and Stop cancels it', async () => {
  const { page } = browser;
  await setSql(page, 'with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c;');
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('status').filter({ hasText: 'running' }).waitFor();
  // Count animation frames for one second while the query runs.
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const stamps = [];
    const start = performance.now();
    function tick(t) {
      stamps.push(t);
      if (t - start < 1000) requestAnimationFrame(tick); else {
        let gap = 0;
        for (let i = 1; i < stamps.length; i++) gap = Math.max(gap, stamps[i] - stamps[i - 1]);
        resolve({ count: stamps.length, maxGap: gap });
      }
    }
    requestAnimationFrame(tick);
  }));
  console.log(`# frames while running: ${frames.count}, longest gap ${frames.maxGap.toFixed(1)} ms`);
  assert.ok(frames.count >= 20, `the page kept painting (${frames.count} frames in 1 s)`);
  assert.match(await page.getByTestId('status').innerText(), /running/);
  const t0 = Date.now();
  await page.getByTestId('stop').click();
  await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 10_000 });
  console.log(`# stop took ${Date.now() - t0} ms`);
  assert.match(await page.getByTestId('errors').innerText(), /interrupted/);
  // Committed data survived and the engine answers at once.
  await setSql(page, 'select count(*) as n from pets;');
  await runAll(page);
  assert.match(await page.getByTestId('results').innerText(), /\b3\b/);
});

test('a 100,000-row result renders a window of rows and scrolls to the end', async () => {
  const { page } = browser;
  await setSql(page, "with recursive c(x) as (select 1 union all select x + 1 from c where x < 100000)\n"
    + "select x, 'row ' || x as label, x * 0.5 as half from c;");
  await runAll(page);
  const results = page.getByTestId('results');
  await results.locator('.block-meta', { hasText: /100000 rows ·/ }).waitFor();
  const grid = results.locator('.grid').first();
  const rendered = await grid.locator('.grid-body .row').count();
  assert.ok(rendered > 10 && rendered < 200, `only a window of rows is in the DOM (${rendered})`);
  await grid.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await grid.locator('.row[data-row="99999"]').getByText('row 100000').waitFor({ timeout: 10_000 });
  await grid.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await grid.locator('.row[data-row="49999"], .row[data-row="50000"]').first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'console-100k.png') });
});

test('the JS API runs queries through the worker', async () => {
  const { page } = browser;
  const out = await page.evaluate(async () => {
    const o = window.ormlab;
    await o.exec('create table api (a integer, b text)');
    const n = await o.runMany('insert into api values (?, ?)', [[1, 'x'], [2, null], [3, 'z']]);
    const rows = await o.query('select a, b from api where a >= ? order by a', [2]);
    const many = await o.queryMany('select b from api where a = ?', [[1], [3], [9]]);
    const bytes = await o.exportBytes();
    await o.importBytes(bytes);
    const again = await o.query('select count(*) from api');
    let error = null;
    try { await o.query('select nope from api'); } catch (e) { error = e.message; }
    return { n, rows, many, size: bytes.length, again, error };
  });
  assert.equal(out.n, 3);
  assert.deepEqual(out.rows, [[2, null], [3, 'z']]);
  assert.deepEqual(out.many, [[['x']], [['z']], []]);
  assert.ok(out.size >= 4096);
  assert.deepEqual(out.again, [[3]]);
  assert.match(out.error, /no such column: nope/);
});

test('typing completes table and column names and closes brackets', async () => {
  const { page } = browser;
  await setSql(page, 'create table gadgets (id integer primary key, gizmo_name text);');
  await runAll(page);
  // Completion and bracket closing load at an editor's first focus (lazy-edit.js).
  await page.getByTestId('editor-sql').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('select count(');
  const editor = page.getByTestId('editor-sql');
  await editor.locator('.cm-content', { hasText: 'select count()' }).waitFor();
  await page.keyboard.press('End');
  await page.keyboard.type(' from gadg');
  const popup = page.locator('.cm-tooltip-autocomplete');
  await popup.getByText('gadgets', { exact: true }).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.type(' where gadgets.gizm');
  await popup.getByText('gizmo_name', { exact: true }).waitFor();
  await page.keyboard.press('Enter');
  assert.equal(await editor.locator('.cm-content').innerText(), 'select count() from gadgets where gadgets.gizmo_name');
  // And in the Python editor: bracket closing and the models' names.
  await page.getByTestId('tab-script').click();
  await page.getByTestId('editor-script').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('print(db.sess');
  await popup.getByText('session', { exact: true }).waitFor();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('editor-script').locator('.cm-content').innerText(), 'print(db.session)');
  await page.screenshot({ path: join(ARTIFACTS, 'console-completion.png') });
});

test('Ctrl+F opens the search panel (loaded when first needed) with its field focused', async () => {
  const { page } = browser;
  await setSql(page, 'select 1;\nselect 2;\nselect 3;');
  const editor = page.getByTestId('editor-sql');
  await editor.click();
  for (const time of ['first (the module loads)', 'second']) {
    await page.keyboard.press('Control+f');
    const field = editor.locator('.cm-search input[name="search"]');
    await field.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'search');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('select');
    assert.equal(await field.inputValue(), 'select', `${time} time: what is typed goes to the field`);
    assert.equal(await editor.locator('.cm-content').innerText(), 'select 1;\nselect 2;\nselect 3;');
    await page.keyboard.press('Escape');
    await editor.locator('.cm-search').waitFor({ state: 'detached' });
  }
});

test('no console errors were logged', () => {
  assert.deepEqual(browser.consoleErrors, []);
});
