// Crash trials: kill Chromium (SIGKILL, whole process group) at a random moment
// during a stream of single-row commits; every reopen must pass integrity_check
// and hold a prefix of the commits, none half-applied, and at least every commit
// that was reported saved. ORMLAB_CRASH_TRIALS sets the number (default 50).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { URL, CHROMIUM_ARGS } from './browser.mjs';

const TRIALS = Number(process.env.ORMLAB_CRASH_TRIALS || 50);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start(profile) {
  const port = join(profile, 'DevToolsActivePort');
  if (existsSync(port)) rmSync(port);
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
  ], { detached: true, stdio: 'ignore' });
  for (let i = 0; i < 200 && !existsSync(port); i++) await sleep(50);
  const [p] = readFileSync(port, 'utf8').split('\n');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${p}`);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || (await context.newPage());
  return { child, browser, page };
}

function kill(child) {
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
}

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
  for (let trial = 0; trial < TRIALS; trial++) {
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
        return { integrity, ca, ma, cb, mb, bad, commit: o.persistence.commit };
      });
      assert.equal(check.integrity, 'ok', `trial ${trial}: integrity`);
      assert.equal(check.ca, check.ma, `trial ${trial}: rows of a are 1..n`);
      assert.equal(check.ca, check.cb, `trial ${trial}: a and b agree (no half-applied commit)`);
      assert.equal(check.ma, check.mb, `trial ${trial}: same last row`);
      assert.equal(check.bad, 0, `trial ${trial}: row contents`);
      assert.ok(check.commit >= durable, `trial ${trial}: commit ${check.commit} >= saved ${durable} (reopened: ${JSON.stringify(check)}, rows saved before: ${lastCount})`);
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
  try {
    await open(page);
    const [[integrity]] = await page.evaluate(() => window.ormlab.query('pragma integrity_check'));
    assert.equal(integrity, 'ok');
    const [[ca, ma]] = await page.evaluate(() => window.ormlab.query('select count(*), coalesce(max(n), 0) from a'));
    assert.equal(ca, ma);
    assert.ok(ca >= lastCount, `${ca} rows >= ${lastCount} saved`);
    console.log(`# crash trials: ${TRIALS} kills, ${ca} rows committed in the end`);
  } finally {
    kill(child);
    await browser.close().catch(() => {});
  }
});
