// Persistence benchmark (P1, P2 of workload.md), run by `cargo xtask bench`:
// ormlab's IndexedDB VFS (a commit stores only the chunks it changed) beside what
// sql.js users do (after each commit, export the whole database and put it into
// IndexedDB). Headless Chromium with a persistent profile, so IndexedDB is on disk.
//
//   node bench/persist.mjs [--runs N] [--sizes 1,10,50]
// Env: ORMLAB_URL (the dist/ server, which also serves /bench/ and /vendor/sqljs/).
import { chromium } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = process.env.ORMLAB_URL || 'http://127.0.0.1:8091/';
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', '5'));
const SIZES = String(opt('--sizes', '1,10,50')).split(',').map(Number);
const BUDGET = { commitBytes: 64 * 1024, durableMs: 20, reopenMs: 1500 };
const log = (s) => console.log(`[persist ${new Date().toISOString().slice(11, 19)}] ${s}`);
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

// Fills table t with `mb` megabytes of 4000-byte rows (one transaction).
const FILL = (mb) => `create table if not exists t (id integer primary key, v blob);
  insert into t (v) with recursive c(x) as (select 1 union all select x + 1 from c where x < ${Math.round(mb * 262)})
  select randomblob(4000) from c;`;
const ONE_ROW = "insert into t (v) values (x'2a')";

async function ormlabP1(page, mb, runs) {
  await page.goto(`${BASE}?ws=bench-${mb}mb-${Date.now()}`);
  await page.waitForFunction(() => window.ormlab && window.ormlab.persistence.role === 'writer', null, { timeout: 120_000 });
  return page.evaluate(async ({ fill, one, runs }) => {
    const o = window.ormlab;
    await o.exec(fill);
    await o.whenSaved();
    const [[pages, psize]] = await o.query('select page_count, page_size from pragma_page_count, pragma_page_size');
    const ms = [], bytes = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      await o.exec(one);
      const s = await o.whenSaved();
      const t = performance.now() - t0;
      if (i > 0) { ms.push(t); bytes.push(s.lastWriteBytes); } // first one warms up
    }
    return { ms, bytes, dbBytes: pages * psize };
  }, { fill: FILL(mb), one: ONE_ROW, runs });
}

async function ormlabP2(page) {
  await page.reload();
  return page.evaluate(async () => {
    await window.ormlab.query('select count(*) from t');
    return performance.now();
  });
}

// sql.js as its users persist: export the whole database into IndexedDB per commit.
const SQLJS_LIB = `
  window.idbPut = (bytes) => new Promise((resolve, reject) => {
    const r = indexedDB.open('sqljs-bench', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('db');
    r.onsuccess = () => {
      const tx = r.result.transaction('db', 'readwrite');
      tx.objectStore('db').put(bytes, 'main');
      tx.oncomplete = () => { r.result.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
    r.onerror = () => reject(r.error);
  });
  window.idbGet = () => new Promise((resolve, reject) => {
    const r = indexedDB.open('sqljs-bench', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('db');
    r.onsuccess = () => {
      const q = r.result.transaction('db').objectStore('db').get('main');
      q.onsuccess = () => { r.result.close(); resolve(q.result); };
      q.onerror = () => reject(q.error);
    };
  });`;

async function sqljsP1(page, mb, runs) {
  await page.goto(`${BASE}bench/`);
  await page.evaluate(SQLJS_LIB);
  return page.evaluate(async ({ fill, one, runs }) => {
    const SQL = await window.sqljsReady;
    const db = new SQL.Database();
    db.exec(fill);
    await window.idbPut(db.export());
    const ms = [], bytes = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      db.run(one);
      const image = db.export();
      await window.idbPut(image);
      const t = performance.now() - t0;
      if (i > 0) { ms.push(t); bytes.push(image.length); }
    }
    db.close();
    return { ms, bytes };
  }, { fill: FILL(mb), one: ONE_ROW, runs });
}

async function sqljsP2(page) {
  await page.reload();
  await page.evaluate(SQLJS_LIB);
  return page.evaluate(async () => {
    const SQL = await window.sqljsReady;
    const bytes = await window.idbGet();
    const db = new SQL.Database(bytes);
    db.exec('select count(*) from t');
    const t = performance.now();
    db.close();
    return t;
  });
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'ormlab-bench-persist-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = [];
  try {
    const o = await context.newPage();
    const s = await context.newPage();
    for (const mb of SIZES) {
      log(`P1 ${mb} MB: building both databases, then ${RUNS} one-row commits each`);
      const a = await ormlabP1(o, mb, RUNS);
      const b = await sqljsP1(s, mb, RUNS);
      const row = {
        workload: 'P1', size_mb: mb, db_bytes: a.dbBytes,
        ormlab_ms: median(a.ms), sqljs_ms: median(b.ms),
        ormlab_bytes: Math.max(...a.bytes), sqljs_bytes: median(b.bytes),
      };
      row.ok = row.ormlab_bytes <= BUDGET.commitBytes && row.ormlab_ms <= BUDGET.durableMs;
      rows.push(row);
      log(`  ormlab ${f1(row.ormlab_ms)} ms, ${(row.ormlab_bytes / 1024).toFixed(1)} KB | sql.js ${f1(row.sqljs_ms)} ms, ${(row.sqljs_bytes / 1024).toFixed(0)} KB`);
      if (mb === Math.max(...SIZES)) {
        const ra = [], rb = [];
        for (let i = 0; i < Math.max(3, Math.min(RUNS, 5)); i++) {
          ra.push(await ormlabP2(o));
          rb.push(await sqljsP2(s));
        }
        const p2 = { workload: 'P2', size_mb: mb, ormlab_ms: median(ra), sqljs_ms: median(rb), runs: { ormlab: ra, 'sql.js': rb } };
        p2.ok = p2.ormlab_ms <= BUDGET.reopenMs;
        rows.push(p2);
        log(`P2 reopen ${mb} MB → first query: ormlab ${f1(p2.ormlab_ms)} ms | sql.js ${f1(p2.sqljs_ms)} ms`);
      }
    }
  } finally {
    await context.close();
  }
  console.log('\n| workload | size | ormlab | sql.js (export + put) | budget |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    if (r.workload === 'P1') {
      console.log(`| P1 1-row commit → durable | ${r.size_mb} MB | ${f1(r.ormlab_ms)} ms, ${(r.ormlab_bytes / 1024).toFixed(1)} KB | ${f1(r.sqljs_ms)} ms, ${(r.sqljs_bytes / 1024).toFixed(0)} KB | ≤ 20 ms, ≤ 64 KB ${r.ok ? '✓' : '✗'} |`);
    } else {
      console.log(`| P2 reopen → first query | ${r.size_mb} MB | ${f1(r.ormlab_ms)} ms | ${f1(r.sqljs_ms)} ms | ≤ 1500 ms ${r.ok ? '✓' : '✗'} |`);
    }
  }
  writeFileSync(new URL('./persist-results.json', import.meta.url).pathname, JSON.stringify({ rows, runs: RUNS, when: new Date().toISOString() }, null, 2));
}

main().catch((e) => { console.error(e); process.exit(1); });
