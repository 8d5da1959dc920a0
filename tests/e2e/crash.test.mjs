// Crash trials: kill Chromium (SIGKILL, whole process group) at a random moment
// during a stream of single-row commits; every reopen must pass integrity_check
// and hold a prefix of the commits, none half-applied, and at least every commit
// that was reported saved. ORMLAB_CRASH_TRIALS sets the number (default 50).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, readdirSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { URL, CHROMIUM_ARGS } from './browser.mjs';

const TRIALS = Number(process.env.ORMLAB_CRASH_TRIALS || 50);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start(profile) {
  const port = join(profile, 'DevToolsActivePort');
  if (existsSync(port)) rmSync(port);
  // Chromium's own log (errors and warnings) goes to chrome.log in the profile, to
  // say why when a reopen finds the store gone.
  const log = openSync(join(profile, 'chrome.log'), 'a');
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0',
    '--enable-logging=stderr', 'about:blank',
  ], { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  // Chromium writes DevToolsActivePort once it listens; under load the file can exist
  // before its first line (the port) is in it.
  let p = '';
  for (let i = 0; i < 400 && !/^\d+$/.test(p); i++) {
    if (existsSync(port)) [p] = readFileSync(port, 'utf8').split('\n');
    if (!/^\d+$/.test(p)) await sleep(50);
  }
  let browser;
  try {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${p}`);
  } catch (e) {
    kill(child); // a browser we cannot drive must not outlive the test
    throw e;
  }
  const context = browser.contexts()[0];
  const page = context.pages()[0] || (await context.newPage());
  return { child, browser, page };
}

function kill(child) {
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
}

/** The page reads ormlab's IndexedDB itself: the header record and the chunk count. */
function storedHeader() {
  return new Promise((resolve) => {
    const r = indexedDB.open('ormlab-db');
    r.onerror = () => resolve({ error: String(r.error) });
    r.onsuccess = () => {
      const db = r.result;
      try {
        const tx = db.transaction(['meta', 'chunks']);
        const meta = tx.objectStore('meta').get('crash');
        const chunks = tx.objectStore('chunks').count();
        tx.oncomplete = () => { resolve({ meta: meta.result ?? null, chunks: chunks.result }); db.close(); };
        tx.onerror = () => { resolve({ error: String(tx.error) }); db.close(); };
      } catch (e) {
        resolve({ error: String(e) });
        db.close();
      }
    };
  });
}

/** Files under the profile's IndexedDB folder (names only). */
function listIndexedDb(profile) {
  const dir = join(profile, 'Default', 'IndexedDB');
  try {
    return readdirSync(dir, { recursive: true }).map(String);
  } catch (e) {
    return [`(${e.code || e.message})`];
  }
}

/** The lines of Chromium's log about storage (IndexedDB, LevelDB, quota), the last 40. */
function storageLines(profile) {
  try {
    const lines = readFileSync(join(profile, 'chrome.log'), 'utf8').split('\n');
    return lines.filter((l) => /indexed|leveldb|quota|corrupt|storage|evict/i.test(l)).slice(-40).join('\n');
  } catch (e) {
    return `(${e.code || e.message})`;
  }
}

/** How often Chromium has logged that it deleted an IndexedDB it found corrupt. */
function corruptRecoveries(profile) {
  try {
    const log = readFileSync(join(profile, 'chrome.log'), 'utf8');
    return (log.match(/recovering from a corrupted \(and deleted\) database/g) || []).length;
  } catch (e) {
    return 0;
  }
}

/** Kills after which Chromium itself may find its LevelDB corrupt and delete the store
 * (its log says so): a loss of the browser's, outside ormlab's commit protocol, which the
 * page reports (`storage-lost`, tested in persist.test.mjs). At most this many such trials
 * are tolerated, each starting over from what storage holds. */
const MAX_BROWSER_DISCARDS = 3;

async function open(page) {
  await page.goto(`${URL}?ws=crash`);
  await page.waitForFunction(() => window.ormlab && window.ormlab.persistence.role === 'writer',
    null, { timeout: 60_000 });
  await page.evaluate(() => window.ormlab.ready);
}

test(`${TRIALS} kills during single-row commits: every reopen is a clean prefix`, { timeout: 60 * 60_000 }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'ormlab-crash-'));
  let durable = 0;
  let lastCount = 0;
  let killedMidStream = 0;
  let browserDiscards = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const recoveriesBefore = corruptRecoveries(profile);
    const { child, browser, page } = await start(profile);
    let exited = false;
    child.on('exit', () => { exited = true; });
    try {
      await open(page);
      // Reopen checks: integrity, a prefix, nothing half-applied, nothing saved lost.
      const check = await page.evaluate(async () => {
        const o = window.ormlab;
        await o.exec('create table if not exists a (n integer primary key); create table if not exists b (n integer primary key, sq integer not null);');
        const [[integrity]] = await o.query('pragma integrity_check');
        const [[ca, ma]] = await o.query('select count(*), coalesce(max(n), 0) from a');
        const [[cb, mb]] = await o.query('select count(*), coalesce(max(n), 0) from b');
        const [[bad]] = await o.query('select count(*) from b where sq <> n * n');
        return { integrity, ca, ma, cb, mb, bad, commit: o.persistence.commit, lost: o.persistence.lost };
      });
      assert.equal(check.integrity, 'ok', `trial ${trial}: integrity`);
      assert.equal(check.ca, check.ma, `trial ${trial}: rows of a are 1..n`);
      assert.equal(check.ca, check.cb, `trial ${trial}: a and b agree (no half-applied commit)`);
      assert.equal(check.ma, check.mb, `trial ${trial}: same last row`);
      assert.equal(check.bad, 0, `trial ${trial}: row contents`);
      if (check.commit < durable && corruptRecoveries(profile) > recoveriesBefore
        && browserDiscards < MAX_BROWSER_DISCARDS) {
        browserDiscards += 1;
        console.log(`# trial ${trial}: Chromium found its IndexedDB corrupt after the kill and deleted it `
          + `(commit ${check.commit} reopened, ${durable} saved); starting over from what storage holds`);
        durable = check.commit;
        lastCount = check.ca;
      }
      if (check.commit < durable) {
        // Tell a lost header record from a wiped database from a stale counter: what
        // IndexedDB itself holds, and what Chromium left in the profile's IndexedDB
        // folder (a corruption_info.json there means Chromium found the store corrupt).
        const stored = await page.evaluate(storedHeader).catch((e) => ({ error: String(e) }));
        const files = listIndexedDb(profile);
        const chromeLog = storageLines(profile);
        assert.fail(`trial ${trial}: commit ${check.commit} < saved ${durable} (reopened: ${JSON.stringify(check)}, `
          + `rows saved before: ${lastCount}, in IndexedDB: ${JSON.stringify(stored)}, profile files: ${files.join(' ')}, `
          + `Chromium's storage log lines:\n${chromeLog})`);
      }
      assert.ok(check.ca >= lastCount, `trial ${trial}: ${check.ca} rows >= ${lastCount} saved rows`);
      lastCount = check.ca;
      // A stream of single-row commits (each touches both tables), not awaited.
      await page.evaluate(() => {
        const o = window.ormlab;
        window.__saved = { commit: o.persistence.commit, rows: 0 };
        o.onPersist((s) => { if (s.saved) window.__saved = { commit: s.commit, rows: window.__rows || 0 }; });
        (async () => {
          let [[n]] = await o.query('select coalesce(max(n), 0) from a');
          for (;;) {
            n += 1;
            await o.exec(`begin; insert into a values (${n}); insert into b values (${n}, ${n * n}); commit;`);
            window.__rows = n;
          }
        })();
      });
      const wait = 50 + Math.floor(Math.random() * 1500);
      const stepMs = 25;
      for (let t = 0; t < wait; t += stepMs) {
        await sleep(stepMs);
        // What the page was told is stored, right up to the kill.
        const s = await page.evaluate(() => window.__saved).catch(() => null);
        if (s) { durable = s.commit; lastCount = Math.max(lastCount, s.rows); }
      }
      killedMidStream += 1;
    } finally {
      kill(child);
      for (let i = 0; i < 100 && !exited; i++) await sleep(20);
      await browser.close().catch(() => {});
    }
  }
  assert.equal(killedMidStream, TRIALS);
  // A last reopen checks the final kill too.
  const { child, browser, page } = await start(profile);
  let passed = false;
  try {
    await open(page);
    const [[integrity]] = await page.evaluate(() => window.ormlab.query('pragma integrity_check'));
    assert.equal(integrity, 'ok');
    const [[ca, ma]] = await page.evaluate(() => window.ormlab.query('select count(*), coalesce(max(n), 0) from a'));
    assert.equal(ca, ma);
    assert.ok(ca >= lastCount, `${ca} rows >= ${lastCount} saved`);
    console.log(`# crash trials: ${TRIALS} kills, ${ca} rows committed in the end`);
    passed = true;
  } finally {
    kill(child);
    await browser.close().catch(() => {});
  }
  // A failed run keeps its profile to look into; a passed one frees the space.
  if (passed) rmSync(profile, { recursive: true, force: true });
});
