// The sql.js contender: the workloads through sql.js the way its users drive it
// (prepared statements, bind/step/get/reset, BEGIN/COMMIT, export, new Database(bytes)).
// Loaded by bench/page/index.html; the harness calls window.benchDriver.*.
import * as D from './data.mjs';

let SQL = null;
let db = null;
let data = null;

function all(sql, params) {
  const st = db.prepare(sql);
  if (params) st.bind(params);
  const rows = [];
  while (st.step()) rows.push(st.get());
  st.free();
  return rows;
}

function insertMany(sql, rows) {
  db.run('BEGIN');
  const st = db.prepare(sql);
  for (const r of rows) st.run(r); // bind + step + reset
  st.free();
  db.run('COMMIT');
}

export const driver = {
  name: 'sql.js',
  async init() {
    SQL = await window.sqljsReady;
    const t0 = performance.now();
    data = { users: D.users(), posts: D.posts(), ids: D.w3Ids(), patterns: D.w5Patterns() };
    return {
      checksum: D.dataChecksum(data.users, data.posts),
      genMs: performance.now() - t0,
      sqliteVersion: (() => {
        const tmp = new SQL.Database();
        const v = tmp.exec('select sqlite_version()')[0].values[0][0];
        tmp.close();
        return v;
      })(),
    };
  },
  // A fresh database with the schema and the small seed tables (not timed).
  async reset() {
    if (db) db.close();
    db = new SQL.Database();
    db.exec(D.SCHEMA);
    insertMany(D.SQL.insertStudent, D.SEED_STUDENTS);
    insertMany(D.SQL.insertCourse, D.SEED_COURSES);
    insertMany(D.SQL.insertEnrollment, D.SEED_ENROLLMENTS);
    return { seed: all(D.SQL.fpSeed)[0], pageSize: all('pragma page_size')[0][0], fk: all('pragma foreign_keys')[0][0] };
  },
  async W1() {
    const t0 = performance.now();
    insertMany(D.SQL.insertUser, data.users);
    const ms = performance.now() - t0;
    return { ms, fp: all(D.SQL.fpUsers)[0] };
  },
  async W2() {
    const t0 = performance.now();
    insertMany(D.SQL.insertPost, data.posts);
    const ms = performance.now() - t0;
    return { ms, fp: all(D.SQL.fpPosts)[0] };
  },
  async W3() {
    const t0 = performance.now();
    const st = db.prepare(D.SQL.userById);
    const out = [];
    for (const id of data.ids) {
      st.bind([id]);
      while (st.step()) out.push(st.get());
      st.reset();
    }
    st.free();
    const ms = performance.now() - t0;
    return { ms, fp: [out.length, D.checksum(out)] };
  },
  async W4() {
    const t0 = performance.now();
    const st = db.prepare(D.SQL.top100);
    const rows = [];
    while (st.step()) rows.push(st.get());
    st.free();
    const ms = performance.now() - t0;
    return { ms, fp: [rows.length, rows[0], D.checksum(rows)] };
  },
  async W5() {
    const t0 = performance.now();
    const st = db.prepare(D.SQL.emailLike);
    const counts = [];
    for (const p of data.patterns) {
      st.bind([p]);
      st.step();
      counts.push(st.get()[0]);
      st.reset();
    }
    st.free();
    const ms = performance.now() - t0;
    return { ms, fp: [counts.reduce((a, b) => a + b, 0), D.checksum(counts)] };
  },
  async W6() {
    const t0 = performance.now();
    db.run(D.SQL.w6update);
    db.run(D.SQL.w6delete);
    const ms = performance.now() - t0;
    return { ms, fp: all(D.SQL.fpW6)[0] };
  },
  // Serialize, then load into a fresh database (which replaces the old one afterwards).
  async W7() {
    const t0 = performance.now();
    const bytes = db.export();
    const fresh = new SQL.Database(bytes);
    const ms = performance.now() - t0;
    db.close();
    db = fresh;
    return { ms, fp: [all(D.SQL.fpUsers)[0], all(D.SQL.fpPosts)[0]], info: { bytes: bytes.length } };
  },
  // Breakdowns (bench.mjs --diag), on the database W1+W2 built.
  async diag() {
    const r = {};
    let t = performance.now();
    db.exec(D.DIAG.makeUsersCopy);
    t = performance.now();
    db.run(D.DIAG.copyUsers);
    r.W1_sqlite_insert_select_ms = performance.now() - t;
    db.exec(D.DIAG.dropUsersCopy);
    db.exec(D.DIAG.makeUsersCopy);
    t = performance.now();
    insertMany(D.DIAG.insertUsersCopy, data.users);
    r.W1_bind_step_loop_ms = performance.now() - t;
    db.exec(D.DIAG.dropUsersCopy);
    t = performance.now();
    db.exec(D.DIAG.makeCopy);
    t = performance.now();
    db.run(D.DIAG.copyAll);
    r.W2_sqlite_insert_select_ms = performance.now() - t;
    db.exec(D.DIAG.dropCopy);
    db.exec(D.DIAG.makeCopy);
    t = performance.now();
    insertMany(D.DIAG.insertCopy, data.posts);
    r.W2_bind_step_loop_ms = performance.now() - t;
    db.exec(D.DIAG.dropCopy);
    db.exec('VACUUM');
    t = performance.now();
    const bytes = db.export();
    r.W7_export_ms = performance.now() - t;
    t = performance.now();
    const fresh = new SQL.Database(bytes);
    r.W7_load_ms = performance.now() - t;
    t = performance.now();
    const st = fresh.prepare('PRAGMA quick_check');
    st.step();
    st.free();
    r.W7_quick_check_ms = performance.now() - t;
    db.close();
    db = fresh;
    t = performance.now();
    for (let i = 0; i < 100; i++) all('select 1');
    r.roundtrip_select1_x100_ms = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < 5; i++) all(D.SQL.emailLike, ['%123@example4%']);
    r.W5_one_like_scan_x5_ms = performance.now() - t;
    return r;
  },
};
window.benchDriver = driver;
