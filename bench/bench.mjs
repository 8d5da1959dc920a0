// The benchmark harness (`cargo xtask bench`): workloads W1–W7 and S of
// /work/shared/bench/workload.md through ormlab (window.ormlab, engine in its worker) and
// through sql.js, in one headless Chromium, interleaved A B A B, medians and ratios.
//
//   node bench/bench.mjs [--runs N] [--only W1,W3,S] [--diag | --diag-only]
// --diag adds breakdowns of ormlab's time (request JSON, message transfer, SQLite alone, export
// vs import vs quick_check, cold-start timeline); --diag-only runs just those.
// Dev server with the same mounts and headers as `cargo xtask bench`: node bench/serve.mjs 8091
// Env: ORMLAB_URL (default http://127.0.0.1:8091/), ORMLAB_DIST_RAW / ORMLAB_DIST_GZIP (bytes
// of dist/, computed here when absent), CHROMIUM (default /usr/bin/chromium).
// Exit status: 0 when the bench ran (even if over budget), 1 on a harness error
// (fingerprint mismatch, page error, bad arguments).
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as D from './data.mjs';

const ALL = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'S'];
// Order inside one run: W1+W2 build the database, W3–W5 read it, W7 serializes it and loads
// the copy, W6 (mutating) runs last on that copy; every run starts from freshly loaded pages.
const ORDER = ['W1', 'W2', 'W3', 'W4', 'W5', 'W7', 'W6'];
const BUDGET_RATIO = 1.0;
const BUDGET_GZIP = 1.2e6; // first-visit download budget, gzip bytes (1.2 MB)
const DESCR = {
  W1: 'insert 100k users (1 tx)', W2: 'insert 300k posts (1 tx)', W3: '10k PK lookups',
  W4: 'top-100 posts per user', W5: '100 LIKE counts', W6: 'update half users, delete 10% posts',
  W7: 'export + load into fresh db', S: 'cold start to first result',
};

function parseArgs(argv) {
  const opts = { runs: 3, only: ALL.slice(), diag: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) opts.runs = Number(a.slice(7));
    else if (a === '--diag') opts.diag = true;
    else if (a === '--diag-only') { opts.diag = true; opts.only = []; }
    else if (a === '--only') opts.only = String(argv[++i] || '').split(',');
    else if (a.startsWith('--only=')) opts.only = a.slice(7).split(',');
    else throw new Error(`unknown argument ${a} (use --runs N, --only W1,W3,S, --diag, --diag-only)`);
  }
  if (opts.diag && !opts.only.length) opts.only = ['NONE'];
  opts.only = opts.only.map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (opts.only[0] === 'NONE') opts.only = [];
  for (const w of opts.only) if (!ALL.includes(w)) throw new Error(`unknown workload ${w} (known: ${ALL.join(', ')})`);
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs takes a positive integer');
  if (opts.runs < 3) console.log(`note: --runs ${opts.runs} is below the 3 runs workload.md asks for`);
  return opts;
}

class HarnessError extends Error {}

const log = (s) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (x) => (x == null ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;

function distSizes() {
  if (process.env.ORMLAB_DIST_RAW && process.env.ORMLAB_DIST_GZIP) {
    return { raw: Number(process.env.ORMLAB_DIST_RAW), gzip: Number(process.env.ORMLAB_DIST_GZIP), from: 'xtask' };
  }
  // Every file under dist/ but the modules imported when first needed (lazy-*.js), as
  // xtask counts them: with GNU `gzip -9` (node's zlib at level 9 makes the worker ~5 KB
  // larger, so the two counts would disagree).
  let raw = 0, gzip = 0;
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      if (f.startsWith('lazy-')) continue;
      const b = readFileSync(p);
      raw += b.length;
      gzip += execFileSync('gzip', ['-9', '-c', p], { maxBuffer: 1 << 26 }).length;
    }
  };
  walk(new URL('../dist/', import.meta.url).pathname);
  return { raw, gzip, from: 'computed' };
}

// ---------------------------------------------------------------------------------------
// Pages

const BASE = (process.env.ORMLAB_URL || 'http://127.0.0.1:8091/').replace(/\/?$/, '/');
const URLS = { ormlab: BASE, 'sql.js': BASE + 'bench/' };
// The workloads fill ormlab's persistent database (85 MB after W2); they use a workspace of
// their own so that S, a first visit, opens the default workspace's small database and not
// theirs (S in runs 2+ used to measure reopening 85 MB, which is P2's business).
const WORK_URLS = { ormlab: BASE + '?ws=bench-workloads', 'sql.js': URLS['sql.js'] };
const DRIVER = { ormlab: '/bench/ormlab-driver.mjs', 'sql.js': null };

function watch(page, name, errors) {
  page.on('pageerror', (e) => errors.push(`${name}: page error: ${e.message || e}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${name}: HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('crash', () => errors.push(`${name}: page crashed`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`  (${name} console error: ${m.text().slice(0, 300)})`);
  });
}

function checkErrors(errors) {
  if (errors.length) throw new HarnessError(errors.join('\n'));
}

// Loads (or reloads) a contender's page and initializes its driver (data generation, untimed).
async function openContender(page, name) {
  await page.goto(WORK_URLS[name], { waitUntil: 'load' });
  const info = await page.evaluate(async (driverUrl) => {
    if (driverUrl) await import(driverUrl);
    else {
      const t = Date.now();
      while (!window.benchDriver) {
        if (Date.now() - t > 30000) throw new Error('bench driver did not load');
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return window.benchDriver.init();
  }, DRIVER[name]);
  return info;
}

// S: a fresh page with the cache disabled; navigation start → first `select sqlite_version()`
// result, and every byte the load transfers (page + worker requests, CDP encodedDataLength).
async function coldStart(context, name, errors, { url = URLS[name], instrument = false } = {}) {
  const page = await context.newPage();
  watch(page, `${name} (S)`, errors);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId) || { url: '?' };
    r.bytes = e.encodedDataLength;
    reqs.set(e.requestId, r);
  });
  // Playwright also reports requests made by the dedicated worker (worker.js, worker_bg.wasm).
  const pwBytes = new Map();
  page.on('requestfinished', async (req) => {
    try {
      const s = await req.sizes();
      pwBytes.set(req.url(), (s.responseBodySize || 0) + (s.responseHeadersSize || 0));
    } catch { /* page gone */ }
  });
  if (name === 'ormlab') {
    // Catch `self.ormlab = api` the moment www/ormlab.js runs and ask at once, as a page
    // script would; the answer's time is measured against performance.timeOrigin.
    await page.addInitScript(() => {
      let api;
      Object.defineProperty(window, 'ormlab', {
        configurable: true,
        get() { return api; },
        set(v) {
          api = v;
          window.coldStart = v.ready
            .then(() => v.query('select sqlite_version()'))
            .then((rows) => ({ ms: performance.now(), rows }));
        },
      });
    });
  }
  if (instrument) {
    // Diagnostics: when the page spawned the worker, when its messages reached the main
    // thread, and the main thread's long tasks (which delay those messages).
    await page.addInitScript(() => {
      const marks = (window.__marks = { msgs: [], posts: [], longtasks: [] });
      try {
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) marks.longtasks.push([Math.round(e.startTime), Math.round(e.duration)]);
        }).observe({ type: 'longtask', buffered: true });
      } catch { /* no longtask support */ }
      const Orig = window.Worker;
      window.Worker = class extends Orig {
        constructor(...args) {
          super(...args);
          marks.spawn = performance.now();
          this.addEventListener('message', (ev) => marks.msgs.push([Math.round(performance.now()), ev.data && ev.data.ready ? 'ready' : String(ev.data.msg).slice(2, 12)]));
        }
        postMessage(m, t) {
          marks.posts.push([Math.round(performance.now()), m.init ? 'init' : String(m.msg).slice(2, 8)]);
          return super.postMessage(m, t);
        }
      };
    });
  }
  await page.goto(url, { waitUntil: 'load' });
  const r = await page.evaluate(() => window.coldStart);
  if (!r || typeof r.ms !== 'number') {
    checkErrors(errors);
    throw new HarnessError(`${name}: the cold-start page gave no first result`);
  }
  const marks = instrument ? await page.evaluate(() => ({
    ...(window.__marks || {}),
    domContentLoaded: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
    resources: performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]),
  })) : null;
  await page.waitForLoadState('networkidle').catch(() => {});
  await new Promise((res) => setTimeout(res, 300));
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
      .map((e) => ({ url: e.name, transfer: e.transferSize, body: e.decodedBodySize })));
  await cdp.detach().catch(() => {});
  await page.close();
  const cdpTotal = [...reqs.values()].reduce((a, b) => a + (b.bytes || 0), 0);
  const pwTotal = [...pwBytes.values()].reduce((a, b) => a + b, 0);
  const rtTotal = resources.reduce((a, b) => a + (b.transfer || 0), 0);
  // The page's CDP session misses the worker's own requests; Playwright's list has them.
  const files = [...pwBytes.entries()].map(([url, bytes]) => ({ url: url.replace(BASE, '/'), bytes }));
  return { ms: r.ms, marks: marks ? { ...marks, ...(r.marks || {}) } : undefined, version: r.rows[0][0], transfer: Math.max(cdpTotal, pwTotal, rtTotal), cdpTotal, pwTotal, rtTotal, files };
}

// ---------------------------------------------------------------------------------------

// --diag: where ormlab's time goes (medians over `runs`, interleaved like the workloads).
async function diagnose(context, pages, errors, runs) {
  log('diagnostics');
  const s = { full: [], workerOnly: [], sqljs: [] };
  for (let run = 1; run <= runs; run++) {
    s.full.push(await coldStart(context, 'ormlab', errors, { instrument: true }));
    s.workerOnly.push(await coldStart(context, 'ormlab', errors, { url: BASE + 'bench/worker-only.html', instrument: true }));
    s.sqljs.push(await coldStart(context, 'sql.js', errors));
    checkErrors(errors);
    log(`  S run ${run}: app page ${fmtMs(s.full[run - 1].ms)} ms, engine worker alone ${fmtMs(s.workerOnly[run - 1].ms)} ms, sql.js ${fmtMs(s.sqljs[run - 1].ms)} ms`);
  }
  const w = { ormlab: [], 'sql.js': [] };
  for (let run = 1; run <= runs; run++) {
    for (const c of ['ormlab', 'sql.js']) {
      await openContender(pages[c], c);
      await pages[c].evaluate(async () => {
        await window.benchDriver.reset();
        await window.benchDriver.W1();
        await window.benchDriver.W2();
      });
    }
    for (const c of ['ormlab', 'sql.js']) {
      await pages[c].bringToFront();
      w[c].push(await pages[c].evaluate(() => window.benchDriver.diag()));
      checkErrors(errors);
    }
    log(`  workload breakdown run ${run}: ormlab ${JSON.stringify(w.ormlab[run - 1], (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
    log(`  workload breakdown run ${run}: sql.js ${JSON.stringify(w['sql.js'][run - 1], (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
  }
  const med = (list) => {
    const out = {};
    const keys = [...new Set(list.flatMap((x) => Object.keys(x)))];
    for (const k of keys) {
      const xs = list.map((x) => x[k]).filter((v) => typeof v === 'number');
      if (xs.length) out[k] = Math.round(median(xs) * 10) / 10;
    }
    return out;
  };
  const result = {
    workloads: { ormlab: med(w.ormlab), 'sql.js': med(w['sql.js']) },
    coldStart: {
      appPage_ms: median(s.full.map((x) => x.ms)), engineWorkerAlone_ms: median(s.workerOnly.map((x) => x.ms)),
      sqljs_ms: median(s.sqljs.map((x) => x.ms)),
      appPageTimeline: s.full[s.full.length - 1].marks, workerAloneTimeline: s.workerOnly[s.workerOnly.length - 1].marks,
    },
  };
  console.log('\ndiagnostics (medians, ms):');
  for (const c of ['ormlab', 'sql.js']) console.log(`  ${c}: ${JSON.stringify(result.workloads[c])}`);
  const cs = result.coldStart;
  console.log(`  S: app page ${fmtMs(cs.appPage_ms)}, ormlab engine worker on an empty page ${fmtMs(cs.engineWorkerAlone_ms)}, sql.js ${fmtMs(cs.sqljs_ms)}`);
  const tl = cs.appPageTimeline;
  console.log(`  S app page timeline: worker spawned ${Math.round(tl.spawn)}, DOMContentLoaded ${tl.domContentLoaded}, ` +
    `messages from worker ${JSON.stringify(tl.msgs)}, posts ${JSON.stringify(tl.posts)}, long tasks [start,dur] ${JSON.stringify(tl.longtasks)}`);
  console.log(`  S app page resources [url,start,end]: ${JSON.stringify(tl.resources)}`);
  const wa = cs.workerAloneTimeline;
  console.log(`  S worker alone: ready ${Math.round(wa.ready)}, opened ${Math.round(wa.opened)}, result ${Math.round(wa.result)}, resources ${JSON.stringify(wa.resources)}`);
  return result;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dist = distSizes();
  log(`target ${BASE}; runs ${opts.runs}; workloads ${opts.only.join(',')}`);
  const t0 = performance.now();
  const nodeData = { users: D.users(), posts: D.posts() };
  const nodeChecksum = D.dataChecksum(nodeData.users, nodeData.posts);
  log(`data generated in Node in ${(performance.now() - t0).toFixed(0)} ms: checksum ${nodeChecksum}`);
  nodeData.users = nodeData.posts = null;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  const times = {}; // times[w][contender] = [ms...]
  const fps = {};
  const extra = { S: { ormlab: [], 'sql.js': [] }, W7bytes: {}, env: {} };
  for (const w of ALL) times[w] = { ormlab: [], 'sql.js': [] };
  const contenders = ['ormlab', 'sql.js'];
  let diagResults = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const pages = {};
    for (const c of contenders) {
      pages[c] = await context.newPage();
      watch(pages[c], c, errors);
    }
    const dbWork = ORDER.filter((w) => opts.only.includes(w));
    for (let run = 1; run <= opts.runs; run++) {
      log(`run ${run}/${opts.runs}`);
      if (opts.only.includes('S')) {
        // The previous run's last commit (W7's import: the whole 85 MB file) may still be
        // being written to IndexedDB; S waits for a quiet browser, not behind that write.
        await pages.ormlab.evaluate(() => window.ormlab && window.ormlab.whenSaved()).catch(() => {});
        for (const c of contenders) {
          const s = await coldStart(context, c, errors);
          checkErrors(errors);
          times.S[c].push(s.ms);
          extra.S[c].push(s);
          log(`  S  ${c.padEnd(7)} ${fmtMs(s.ms)} ms to first result (SQLite ${s.version}), ${kb(s.transfer)} transferred`);
        }
      }
      if (!dbWork.length) continue;
      // Fresh pages (fresh engine worker / fresh JS heap), data generated in-page (untimed).
      for (const c of contenders) {
        const info = await openContender(pages[c], c);
        checkErrors(errors);
        if (info.checksum !== nodeChecksum) {
          throw new HarnessError(`${c}: generated data differ from Node's (${info.checksum} vs ${nodeChecksum})`);
        }
        const reset = await pages[c].evaluate(() => window.benchDriver.reset());
        extra.env[c] = { ...info, ...reset };
        log(`  ${c.padEnd(7)} page ready (SQLite ${info.sqliteVersion}, page_size ${reset.pageSize}, ` +
          `foreign_keys ${reset.fk}, data generated in ${info.genMs.toFixed(0)} ms)`);
      }
      if (JSON.stringify(extra.env.ormlab.seed) !== JSON.stringify(extra.env['sql.js'].seed)) {
        throw new HarnessError(`seed fingerprints differ: ${JSON.stringify(extra.env.ormlab.seed)} vs ${JSON.stringify(extra.env['sql.js'].seed)}`);
      }
      // W1 and W2 always run: they build the database the others need.
      const steps = ORDER.filter((w) => w === 'W1' || w === 'W2' || opts.only.includes(w));
      for (const w of steps) {
        const got = {};
        for (const c of contenders) {
          await pages[c].bringToFront();
          got[c] = await pages[c].evaluate((name) => window.benchDriver[name](), w);
          checkErrors(errors);
        }
        const a = JSON.stringify(got.ormlab.fp), b = JSON.stringify(got['sql.js'].fp);
        if (a !== b) throw new HarnessError(`${w}: fingerprints differ: ormlab ${a} vs sql.js ${b}`);
        if (fps[w] && fps[w] !== a) throw new HarnessError(`${w}: fingerprint changed between runs: ${fps[w]} vs ${a}`);
        fps[w] = a;
        if (w === 'W7') extra.W7bytes = { ormlab: got.ormlab.info.bytes, 'sql.js': got['sql.js'].info.bytes };
        const timed = opts.only.includes(w);
        if (timed) for (const c of contenders) times[w][c].push(got[c].ms);
        log(`  ${w} ormlab ${fmtMs(got.ormlab.ms).padStart(7)} ms | sql.js ${fmtMs(got['sql.js'].ms).padStart(7)} ms | ` +
          `fingerprint ${a.length > 70 ? a.slice(0, 67) + '...' : a} (same)${timed ? '' : ' (build only)'}`);
      }
    }
    if (opts.diag) diagResults = await diagnose(context, pages, errors, opts.runs);
  } finally {
    await browser.close().catch(() => {});
  }

  // ---- report
  const rows = [];
  for (const w of ALL) {
    if (!opts.only.includes(w)) continue;
    const a = median(times[w].ormlab), b = median(times[w]['sql.js']);
    const ratio = a / b;
    rows.push({ workload: w, what: DESCR[w], ormlab_ms: a, sqljs_ms: b, ratio, budget: BUDGET_RATIO,
      ok: ratio <= BUDGET_RATIO, runs: { ormlab: times[w].ormlab, 'sql.js': times[w]['sql.js'] } });
  }
  const line = (cells, widths) => cells.map((c, i) => String(c)[i === 0 || i === 1 ? 'padEnd' : 'padStart'](widths[i])).join(' | ');
  const widths = [8, 36, 16, 16, 8, 9, 5];
  console.log('');
  console.log(line(['workload', 'what', 'ormlab median ms', 'sql.js median ms', 'ratio', 'budget', 'ok'], widths));
  console.log(widths.map((n) => '-'.repeat(n)).join('-|-'));
  for (const r of rows) {
    console.log(line([r.workload, r.what, fmtMs(r.ormlab_ms), fmtMs(r.sqljs_ms), r.ratio.toFixed(2) + 'x', '<= 1.0x', r.ok ? 'ok' : 'OVER'], widths));
  }
  const gzipOk = dist.gzip <= BUDGET_GZIP;
  console.log('');
  console.log(`first visit download (dist/, ${dist.from}): ${kb(dist.raw)} raw, ${kb(dist.gzip)} gzip -9 ` +
    `(${dist.gzip} B) vs budget 1.2 MB gzip (1,200,000 B): ${gzipOk ? 'ok' : 'OVER'}`);
  let sInfo = null;
  if (opts.only.includes('S')) {
    const last = (c) => extra.S[c][extra.S[c].length - 1];
    sInfo = { ormlab: last('ormlab'), 'sql.js': last('sql.js') };
    console.log(`bytes transferred by a cold first load (server sends no compression): ormlab ${sInfo.ormlab.transfer} B ` +
      `(${kb(sInfo.ormlab.transfer)}), sql.js page ${sInfo['sql.js'].transfer} B (${kb(sInfo['sql.js'].transfer)})`);
    console.log('  ormlab files: ' + sInfo.ormlab.files.map((f) => `${f.url} ${kb(f.bytes)}`).join(', '));
  }
  if (extra.W7bytes.ormlab) {
    console.log(`W7 database file: ormlab ${extra.W7bytes.ormlab} B, sql.js ${extra.W7bytes['sql.js']} B ` +
      `(page_size ${extra.env.ormlab?.pageSize} vs ${extra.env['sql.js']?.pageSize})`);
  }
  const over = rows.filter((r) => !r.ok).map((r) => `${r.workload} ${r.ratio.toFixed(2)}x`);
  if (!gzipOk) over.push(`download ${kb(dist.gzip)} gzip`);
  const out = new URL('./results.json', import.meta.url).pathname;
  writeFileSync(out, JSON.stringify({
    date: new Date().toISOString(), url: BASE, runs: opts.runs, only: opts.only, dataChecksum: nodeChecksum,
    workloads: rows, dist: { ...dist, budgetGzip: BUDGET_GZIP, ok: gzipOk }, coldStart: sInfo,
    w7Bytes: extra.W7bytes, env: extra.env, fingerprints: fps, over, diag: diagResults,
  }, null, 2) + '\n');
  console.log(`results written to ${out}`);
  console.log(over.length
    ? `VERDICT: over budget: ${over.join(', ')} (fingerprints agree on every workload)`
    : 'VERDICT: every workload within budget (fingerprints agree on every workload)');
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof HarnessError ? e.message : e.stack || e}`);
  process.exit(1);
});
