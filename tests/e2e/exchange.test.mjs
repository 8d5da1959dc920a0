// Import and export: a JSON list into a table (with progress), downloads as .sqlite, SQL dump and
// CSV, and opening a .sqlite file in another workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, URL, ARTIFACTS } from './browser.mjs';

async function openWs(page, ws) {
  await page.goto(`${URL}?ws=${encodeURIComponent(ws)}`);
  await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.ormlab.persistence.role === 'writer', null, { timeout: 30_000 });
}

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await d.path());
}

test('users.json → table, then .sqlite / SQL / CSV out and .sqlite back in', async () => {
  const { context, page } = await launch();
  try {
    await openWs(page, 'exchange');
    const users = Array.from({ length: 5000 }, (_, i) => ({
      username: `user${i + 1}`, email: `user${i + 1}@example.com`, active: i % 2 === 0, score: i / 2,
    }));
    await page.getByTestId('import-file').setInputFiles({
      name: 'users.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(users)),
    });
    await page.getByTestId('import-message').filter({ hasText: 'imported 5000 rows into users' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.ormlab.query(
      'select count(*), sum(active), max(score) from users')), [[5000, 2500, 2499.5]]);
    await page.getByTestId('status').filter({ hasText: 'saved' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'exchange-import.png') });

    const sqlite = await download(page, () => page.getByTestId('export-sqlite').click());
    assert.equal(sqlite.subarray(0, 15).toString(), 'SQLite format 3');
    const dump = (await download(page, () => page.getByTestId('export-sql').click())).toString();
    assert.match(dump, /CREATE TABLE users \(active BOOLEAN, email TEXT, score FLOAT, username TEXT\);/);
    assert.match(dump, /INSERT INTO "users" VALUES\(1,'user1@example.com',0\.0,'user1'\);/);
    page.once('dialog', (d) => d.accept('select username, score from users order by rowid limit 2'));
    const csv = (await download(page, () => page.getByTestId('export-csv').click())).toString();
    assert.equal(csv, 'username,score\r\nuser1,0.0\r\nuser2,0.5\r\n');

    // Open the downloaded file in another workspace.
    await openWs(page, 'exchange-copy');
    await page.getByTestId('import-file').setInputFiles({
      name: 'copy.sqlite', mimeType: 'application/vnd.sqlite3', buffer: sqlite,
    });
    await page.getByTestId('import-message').filter({ hasText: 'opened copy.sqlite' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select count(*) from users')), [[5000]]);
    await page.getByTestId('status').filter({ hasText: 'saved' }).waitFor();
    await page.reload();
    await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select count(*) from users')), [[5000]]);
  } finally {
    await context.close();
  }
});
