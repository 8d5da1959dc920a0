// O1–O3 of workload.md in the browser (`cargo xtask bench`, or `--only O1,O2,O3`): the ORM
// (the Python scripts of bench/orm/ through window.ormlab.runScript in the engine worker,
// each timing its own region with time.perf_counter()) against the raw path in the same
// engine through the JS API (O1: W1's runMany; O2: the ORM's SELECT through query();
// O3: W3's queryMany), timed around the call as a page sees it. Interleaved, at least 3 runs,
// medians and ratios; the fingerprints of both paths must agree.
//
//   node bench/orm.mjs [--runs N] [--only O1,O3]
// Env: ORMLAB_URL (the dist/ server, which also serves /bench/), CHROMIUM.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const BASE = (process.env.ORMLAB_URL || 'http://127.0.0.1:8091/').replace(/\/?$/, '/');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(name + '='));
  return eq ? eq.slice(name.length + 1) : dflt;
};
const RUNS = Math.max(1, Number(opt('--runs', '3')));
const ONLY = String(opt('--only', 'O1,O2,O3')).split(',').map((s) => s.trim().toUpperCase()).filter((w) => /^O[123]$/.test(w));
const BUDGET = { O1: 1.3, O2: 1.5, O3: 1.5 };
const DESCR = { O1: '100k User(...) + add_all + commit vs W1', O2: 'User.query.all() → 100k objects vs the raw SELECT', O3: '10k User.query.get(i), cold vs W3' };
const src = (f) => readFileSync(new URL(`./orm/${f}`, import.meta.url), 'utf8');
const MODELS = src('models.py');
const SEED = src('seed.py');
const SCRIPTS = { O1: src('o1.py'), O2: src('o2.py'), O3: src('o3.py') };
const USERS_SELECT = 'SELECT users.id AS users_id, users.username AS users_username, users.email AS users_email, ' +
  'users.role_id AS users_role_id, users.created_at AS users_created_at FROM users';
const FP = 'SELECT count(*), sum(id), sum(role_id), sum(length(username) + length(email)) FROM users';
const log = (s) => console.log(`[orm ${new Date().toISOString().slice(11, 19)}] ${s}`);
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function fresh(page) {
  await page.goto(BASE, { waitUntil: 'load' });
  await page.waitForFunction(() => window.ormlab, null, { timeout: 60_000 });
  await page.evaluate(() => window.ormlab.ready);
}

async function ormRun(page, w) {
  const sources = w === 'O1'
    ? [['models.py', MODELS], ['o1.py', SCRIPTS.O1]]
    : [['models.py', MODELS], ['seed.py', SEED], [`${w.toLowerCase()}.py`, SCRIPTS[w]]];
  const out = await page.evaluate((s) => window.ormlab.runScript(s), sources);
  if (out.errors && out.errors.length) throw new Error(`${w}: ${JSON.stringify(out.errors[0])}`);
  const ms = Number((out.stdout.match(/^ms (\S+)$/m) || [])[1]);
  const fp = (out.stdout.match(/^fp (.*)$/m) || [])[1];
  if (!Number.isFinite(ms)) throw new Error(`${w}: no timing in ${out.stdout.slice(0, 200)}`);
  return { ms, fp };
}

// The raw path on the database the ORM run left (O1: emptied first).
async function rawRun(page, w) {
  return page.evaluate(async ({ w, USERS_SELECT, FP }) => {
    const o = window.ormlab;
    const D = await import('/bench/data.mjs');
    if (w === 'O1') {
      const users = D.users();
      await o.exec('DELETE FROM users');
      const t0 = performance.now();
      await o.runMany('INSERT INTO users (id, username, email, role_id, created_at) VALUES (?, ?, ?, ?, ?)', users);
      const ms = performance.now() - t0;
      return { ms, fp: (await o.query(FP))[0] };
    }
    if (w === 'O2') {
      const t0 = performance.now();
      const rows = await o.query(USERS_SELECT);
      const ms = performance.now() - t0;
      return { ms, fp: [rows.length, rows.reduce((a, r) => a + r[0], 0), rows.reduce((a, r) => a + r[3], 0), rows.reduce((a, r) => a + r[1].length + r[2].length, 0)] };
    }
    const ids = D.w3Ids().map((id) => [id]);
    const t0 = performance.now();
    const res = await o.queryMany(`${USERS_SELECT} WHERE users.id = ?`, ids);
    const ms = performance.now() - t0;
    const rows = res.map((r) => r[0]);
    return { ms, fp: [rows.length, rows.reduce((a, r) => a + r[0], 0), rows.reduce((a, r) => a + r[2].length, 0)] };
  }, { w, USERS_SELECT, FP });
}

const norm = (fp) => String(fp).replace(/[()[\],]/g, ' ').trim().split(/\s+/).join(' ');

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.log(`  (page error: ${e.message})`));
    for (const w of ONLY) {
      const orm = [], raw = [];
      let fps = null;
      for (let r = 0; r < RUNS; r++) {
        await fresh(page);
        const a = await ormRun(page, w);
        const b = await rawRun(page, w);
        orm.push(a.ms); raw.push(b.ms);
        fps = [a.fp, b.fp];
        if (norm(a.fp) !== norm(b.fp)) throw new Error(`${w}: fingerprints differ: ORM ${a.fp} vs raw ${b.fp}`);
        log(`${w} run ${r + 1}: ORM ${f1(a.ms)} ms, raw ${f1(b.ms)} ms`);
      }
      const row = { workload: w, what: DESCR[w], orm_ms: median(orm), raw_ms: median(raw), runs: { orm, raw }, fp: fps[0] };
      row.ratio = row.orm_ms / row.raw_ms;
      row.budget = BUDGET[w];
      row.ok = row.ratio <= row.budget;
      rows.push(row);
    }
  } finally {
    await browser.close();
  }
  console.log('\n| workload | what | ORM (ms) | raw path (ms) | ratio | budget |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.workload} | ${r.what} | ${f1(r.orm_ms)} | ${f1(r.raw_ms)} | ${r.ratio.toFixed(2)}× | ≤ ${r.budget}× ${r.ok ? 'ok' : 'over'} |`);
  }
  writeFileSync(new URL('./orm-results.json', import.meta.url).pathname, JSON.stringify({ when: new Date().toISOString(), runs: RUNS, rows }, null, 2));
}

main().catch((e) => { console.error(e); process.exit(1); });
