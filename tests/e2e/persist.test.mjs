// Persistence as a person meets it: reload, restart the browser, a second tab,
// a full disk. Each test uses its own persistent profile (IndexedDB on disk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { URL, CHROMIUM_ARGS, setSql, ARTIFACTS, tempProfile } from './browser.mjs';

function profile() {
  return tempProfile('ormlab-persist-');
}

async function launchAt(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 800 },
  });
}

/** Opens the app (optionally a workspace) and waits for ready + a loaded database. */
async function open(page, ws) {
  await page.goto(ws ? `${URL}?ws=${encodeURIComponent(ws)}` : URL);
  await loaded(page);
}

/** Waits for ready + a loaded database (after `page.reload()`). */
async function loaded(page) {
  await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => ['writer', 'reader', 'memory'].includes(window.ormlab.persistence.role));
}

async function saved(page) {
  await page.getByTestId('status').filter({ hasText: 'saved' }).waitFor({ timeout: 30_000 });
}

const editorText = (page) => page.locator('[data-testid="editor-sql"] .cm-content').innerText();

test('commit → reload: the rows and the editor text are back', async () => {
  const context = await launchAt(profile());
  try {
    const page = context.pages()[0] || (await context.newPage());
    await open(page);
    assert.equal(await page.evaluate(() => window.ormlab.persistence.role), 'writer');
    await page.evaluate(() => window.ormlab.exec(
      "create table notes (id integer primary key, body text); insert into notes (body) values ('kept');"));
    await saved(page);
    await setSql(page, 'select body from notes; -- my query');
    // The editor saves once typing pauses.
    await page.waitForTimeout(1500);
    await page.reload();
    await open(page);
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select body from notes')), [['kept']]);
    assert.match(await editorText(page), /-- my query/);
    assert.match(await page.getByTestId('status').innerText(), /saved/);
    // The workspace's settings: the editor tab that was open comes back.
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="tab-sql"]')?.getAttribute('aria-selected') === 'true', null, { timeout: 10_000 });
  } finally {
    await context.close();
  }
});

test('an opened .sqlite file replaces the database and is stored; one SQLite cannot read changes nothing', async () => {
  const context = await launchAt(profile());
  try {
    const page = context.pages()[0] || (await context.newPage());
    await open(page);
    const out = await page.evaluate(async () => {
      const o = window.ormlab;
      await o.exec("create table big (x); insert into big select randomblob(500) from " +
        "(with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000) select i from n);");
      const bytes = await o.exportBytes();
      await o.exec('drop table big; create table other (y)');
      await o.importBytes(bytes.slice(0));
      const imported = await o.query("select (select count(*) from big), (select count(*) from sqlite_schema where name = 'other')");
      // A valid header, a broken first page (its payload fraction): refused, nothing changes.
      const broken = new Uint8Array(bytes.slice(0));
      broken[21] = 0;
      let error = null;
      try { await o.importBytes(broken.buffer); } catch (e) { error = e.message; }
      return { imported, error, after: await o.query('select count(*) from big') };
    });
    assert.deepEqual(out.imported, [[2000, 0]]);
    assert.match(out.error, /not a database/);
    assert.deepEqual(out.after, [[2000]]);
    await saved(page);
    await page.reload();
    await loaded(page);
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select count(*) from big')), [[2000]]);
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('pragma integrity_check')), [['ok']]);
  } finally {
    await context.close();
  }
});

test('reloading a writer tab, again and again, leaves it the writer (no read-only start)', async () => {
  const context = await launchAt(profile());
  try {
    const page = context.pages()[0] || (await context.newPage());
    await open(page, 'reloads');
    await page.evaluate(() => window.ormlab.exec('CREATE TABLE r (n); CREATE TABLE big (b)'));
    for (let i = 1; i <= 5; i++) {
      // A large commit still being stored while the page goes away.
      await page.evaluate(() => window.ormlab.exec('INSERT INTO big SELECT randomblob(4000000)'));
      // A new page at once, while the old page's worker may still hold the lock.
      await page.goto(`${URL}?ws=reloads`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.ormlab, null, { timeout: 60_000 });
      const got = await page.evaluate(async (n) => {
        await window.ormlab.ready;
        await window.ormlab.exec(`INSERT INTO r VALUES (${n})`);
        return { role: window.ormlab.persistence.role, rows: await window.ormlab.query('SELECT count(*) FROM r') };
      }, i);
      assert.equal(got.role, 'writer', `reload ${i}`);
      assert.deepEqual(got.rows, [[i]], `reload ${i}`);
    }
  } finally {
    await context.close();
  }
});

test('storage the browser discarded is reported once, not shown silently as an older state', async () => {
  const context = await launchAt(profile());
  try {
    const page = context.pages()[0] || (await context.newPage());
    await open(page, 'gone');
    await page.evaluate(() => window.ormlab.exec('create table t (n integer); insert into t values (1);'));
    await saved(page);
    const commit = await page.evaluate(() => window.ormlab.persistence.commit);
    assert.ok(commit > 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('ormlab-saved-commit:gone')), String(commit));
    // As if the browser had thrown away newer stored commits: this browser remembers a later one.
    await page.evaluate((c) => localStorage.setItem('ormlab-saved-commit:gone', String(c + 40)), commit);
    // The reloaded page itself (no second navigation: the loss is reported once, so a page
    // that had already reported it before being navigated away would leave none to see).
    await page.reload();
    await loaded(page);
    const banner = page.getByTestId('storage-lost');
    await banner.waitFor({ timeout: 20_000 });
    const text = await banner.innerText();
    assert.match(text, new RegExp(`commit ${commit + 40} was saved here, but its storage now holds commit ${commit}\\.`));
    assert.deepEqual(await page.evaluate(() => window.ormlab.persistence.lost), { saved: commit + 40, found: commit });
    await page.screenshot({ path: join(ARTIFACTS, 'storage-lost.png') });
    await page.getByTestId('storage-lost-dismiss').click();
    await banner.waitFor({ state: 'hidden' });
    // Said once: the next open starts from what storage holds now.
    await page.reload();
    await loaded(page);
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('storage-lost').count(), 0);
    assert.equal(await page.evaluate(() => window.ormlab.persistence.lost), undefined);
  } finally {
    await context.close();
  }
});

test('commit → close the browser → reopen: everything is back', async () => {
  const dir = profile();
  let context = await launchAt(dir);
  const page = context.pages()[0] || (await context.newPage());
  await open(page, 'restart');
  await page.evaluate(() => window.ormlab.exec(
    'create table t (x); insert into t values (1), (2), (3);'));
  await saved(page);
  await setSql(page, 'select sum(x) from t; -- after restart');
  await page.waitForTimeout(1500);
  await context.close();
  context = await launchAt(dir);
  try {
    const again = context.pages()[0] || (await context.newPage());
    await open(again, 'restart');
    assert.deepEqual(await again.evaluate(() => window.ormlab.query('select sum(x) from t')), [[6]]);
    assert.match(await editorText(again), /after restart/);
    // Another workspace is another database.
    await open(again, 'other');
    assert.deepEqual(await again.evaluate(() => window.ormlab.query(
      "select count(*) from sqlite_master where name = 't'")), [[0]]);
  } finally {
    await context.close();
  }
});

test('a second tab is read-only, follows the writer, and can take over', async () => {
  const context = await launchAt(profile());
  try {
    const writer = context.pages()[0] || (await context.newPage());
    await open(writer, 'tabs');
    await writer.evaluate(() => window.ormlab.exec('create table t (x); insert into t values (1);'));
    await saved(writer);
    const reader = await context.newPage();
    await open(reader, 'tabs');
    await reader.getByTestId('readonly-banner').waitFor();
    assert.equal(await writer.getByTestId('readonly-banner').count(), 0);
    assert.deepEqual(await reader.evaluate(() => window.ormlab.query('select count(*) from t')), [[1]]);
    // The reader cannot write.
    const err = await reader.evaluate(() => window.ormlab.exec('insert into t values (99)').then(() => null, (e) => e.message));
    assert.match(err, /readonly|read-only/i);
    // The writer's commits appear in the reader.
    await writer.evaluate(() => window.ormlab.exec('insert into t values (2); insert into t values (3);'));
    await saved(writer);
    await reader.waitForFunction(async () => (await window.ormlab.query('select count(*) from t'))[0][0] === 3,
      null, { timeout: 15_000, polling: 200 });
    // A burst of single commits: the reader catches up (changed chunks only, or a full reload).
    await writer.evaluate(async () => {
      for (let i = 0; i < 20; i++) await window.ormlab.exec(`insert into t values (${100 + i})`);
    });
    await saved(writer);
    await reader.waitForFunction(async () => (await window.ormlab.query('select count(*) from t'))[0][0] === 23,
      null, { timeout: 15_000, polling: 200 });
    assert.deepEqual(await reader.evaluate(() => window.ormlab.query('pragma integrity_check')), [['ok']]);
    await writer.evaluate(() => window.ormlab.exec('delete from t where x >= 100'));
    await saved(writer);
    await reader.waitForFunction(async () => (await window.ormlab.query('select count(*) from t'))[0][0] === 3,
      null, { timeout: 15_000, polling: 200 });
    const follow = await reader.evaluate(() => window.ormlab.persistence);
    assert.ok(follow.refreshDeltas > 0, `the reader read only changed chunks at least once: ${JSON.stringify(follow)}`);
    await reader.screenshot({ path: join(ARTIFACTS, 'persist-readonly.png') });
    // Take over: roles swap, nothing is lost.
    await reader.getByTestId('take-over').click();
    await reader.getByTestId('readonly-banner').waitFor({ state: 'detached', timeout: 15_000 });
    await writer.getByTestId('readonly-banner').waitFor({ timeout: 15_000 });
    await reader.evaluate(() => window.ormlab.exec('insert into t values (4);'));
    await saved(reader);
    assert.deepEqual(await reader.evaluate(() => window.ormlab.query('select group_concat(x) from t')), [['1,2,3,4']]);
    await writer.waitForFunction(async () => (await window.ormlab.query('select count(*) from t'))[0][0] === 4,
      null, { timeout: 15_000, polling: 200 });
    assert.deepEqual(await writer.evaluate(() => window.ormlab.query('pragma integrity_check')), [['ok']]);
  } finally {
    await context.close();
  }
});

test('take over in the middle of a stream of commits: no lost update, no corruption', async () => {
  const context = await launchAt(profile());
  try {
    const a = context.pages()[0] || (await context.newPage());
    await open(a, 'race');
    await a.evaluate(() => window.ormlab.exec('create table t (id integer primary key, who text, n int)'));
    await saved(a);
    const b = await context.newPage();
    await open(b, 'race');
    await b.getByTestId('readonly-banner').waitFor();
    // A commits as fast as it can (never waiting for storage) and, like a busy worker, hears
    // late that B took over: its next commit transaction must be fenced off, not land on B's.
    await a.evaluate(() => window.ormlab._hearStealLate(3000));
    const stream = a.evaluate(async () => {
      let ok = 0;
      for (let i = 0; i < 400; i++) {
        try {
          await window.ormlab.exec(`insert into t (who, n) values ('a', ${i})`);
          ok += 1;
        } catch {
          break;
        }
      }
      return ok;
    });
    await a.waitForFunction(async () => (await window.ormlab.query('select count(*) from t'))[0][0] >= 30,
      null, { timeout: 30_000, polling: 20 });
    await b.getByTestId('take-over').click();
    await b.getByTestId('readonly-banner').waitFor({ state: 'detached', timeout: 15_000 });
    for (let i = 0; i < 5; i++) {
      await b.evaluate((i) => window.ormlab.exec(`insert into t (who, n) values ('b', ${i})`), i);
    }
    await saved(b);
    await stream;
    await a.getByTestId('readonly-banner').waitFor({ timeout: 15_000 });
    assert.match(await a.getByTestId('readonly-banner').innerText(), /not saved/);
    await a.screenshot({ path: join(ARTIFACTS, 'persist-fenced.png') });
    const view = await b.evaluate(() => window.ormlab.query(
      "select count(*), sum(who = 'b'), coalesce(max(case when who = 'a' then n end), -1) + 1, sum(who = 'a') from t"));
    const [[total, bs, aNext, as]] = view;
    assert.equal(bs, 5, `B's commits are all there: ${JSON.stringify(view)}`);
    assert.equal(as, aNext, `A's commits form a prefix, none half-applied: ${JSON.stringify(view)}`);
    assert.equal(total, as + bs);
    // What B sees is what storage holds: reload B and A; both agree and pass integrity_check.
    await b.reload();
    await open(b, 'race');
    assert.deepEqual(await b.evaluate(() => window.ormlab.query('pragma integrity_check')), [['ok']]);
    assert.deepEqual(await b.evaluate(() => window.ormlab.query('select count(*) from t')), [[total]]);
    await a.waitForFunction(async (n) => (await window.ormlab.query('select count(*) from t'))[0][0] === n,
      total, { timeout: 15_000, polling: 200 });
    assert.deepEqual(await a.evaluate(() => window.ormlab.query('pragma integrity_check')), [['ok']]);
  } finally {
    await context.close();
  }
});

test('a full quota shows an error and keeps the last good state', async () => {
  const context = await launchAt(profile());
  try {
    const page = context.pages()[0] || (await context.newPage());
    await open(page, 'quota');
    await page.evaluate(() => window.ormlab.exec('create table t (x); insert into t values (1);'));
    await saved(page);
    // Headless Chromium ignores CDP quota overrides (Storage.overrideQuotaForOrigin fails), so
    // the worker makes writes over 64 KB fail exactly as a QuotaExceededError abort would.
    await page.evaluate(() => window.ormlab._simulateQuota(64 * 1024));
    // 2 MB cannot fit.
    await page.evaluate(() => window.ormlab.exec('insert into t select randomblob(2000000);'));
    await page.getByTestId('storage-error').waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId('storage-error').innerText(), /full|quota/i);
    assert.doesNotMatch(await page.getByTestId('status').innerText(), /· saved/);
    await page.screenshot({ path: join(ARTIFACTS, 'persist-quota.png') });
    // The data is still there in memory; small commits stay queued behind the failed one.
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select count(*) from t')), [[2]]);
    // Reload: the last good state (one row) is there, intact.
    await page.reload();
    await open(page, 'quota');
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('select count(*) from t')), [[1]]);
    assert.deepEqual(await page.evaluate(() => window.ormlab.query('pragma integrity_check')), [['ok']]);
  } finally {
    await context.close();
  }
});
