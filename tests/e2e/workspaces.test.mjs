// Named workspaces: duplicate, delete with undo, each with its own database and editor text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, setSql, URL } from './browser.mjs';

async function openWs(page, ws) {
  await page.goto(`${URL}?ws=${encodeURIComponent(ws)}`);
  await ready(page);
}

async function ready(page) {
  await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.ormlab.persistence.role === 'writer', null, { timeout: 30_000 });
}

test('duplicate a workspace, delete the copy, undo the delete', async () => {
  const { context, page } = await launch();
  try {
    await openWs(page, 'alpha');
    await page.evaluate(() => window.ormlab.exec("create table t (x); insert into t values ('from alpha');"));
    await page.getByTestId('status').filter({ hasText: 'saved' }).waitFor();
    await setSql(page, 'select x from t; -- alpha text');
    await page.waitForTimeout(1500);
    // Duplicate (the name is asked in a prompt).
    page.once('dialog', (d) => d.accept('beta'));
    await page.getByTestId('workspace-duplicate').click();
    await page.waitForURL(/ws=beta/);
    await ready(page);
    assert.equal(await page.evaluate(() => window.ormlab.workspace), 'beta');
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select x from t')), [['from alpha']]);
    assert.match(await page.locator('[data-testid="editor-sql"] .cm-content').innerText(), /alpha text/);
    const options = await page.getByTestId('workspace-menu').locator('option').allInnerTexts();
    assert.ok(options.includes('alpha') && options.includes('beta'), options.join(','));
    // The copy is independent.
    await page.evaluate(() => window.ormlab.exec("insert into t values ('only beta');"));
    await page.getByTestId('status').filter({ hasText: 'saved' }).waitFor();
    // Delete beta (confirm), then undo.
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('workspace-delete').click();
    await page.waitForURL(/deleted=beta/);
    await ready(page);
    const after = await page.getByTestId('workspace-menu').locator('option').allInnerTexts();
    assert.ok(!after.includes('beta'), after.join(','));
    await page.getByTestId('workspace-undo').click();
    await page.waitForURL(/ws=beta$/);
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select count(*) from t')), [[2]]);
    // alpha is unchanged.
    await openWs(page, 'alpha');
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select count(*) from t')), [[1]]);
  } finally {
    await context.close();
  }
});
