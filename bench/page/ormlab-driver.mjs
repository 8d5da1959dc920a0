// The ormlab contender: the workloads through `window.ormlab` (the engine in its Web Worker).
// Injected into the app page (dist/index.html) by the harness with a dynamic import.
import * as D from './data.mjs';

let data = null;
const ormlab = () => window.ormlab;

export const driver = {
  name: 'ormlab',
  async init() {
    await ormlab().ready;
    const t0 = performance.now();
    data = { users: D.users(), posts: D.posts(), ids: D.w3Ids(), patterns: D.w5Patterns() };
    return {
      checksum: D.dataChecksum(data.users, data.posts),
      genMs: performance.now() - t0,
      sqliteVersion: (await ormlab().query('select sqlite_version()'))[0][0],
      canInterrupt: ormlab().canInterrupt,
    };
  },
  // The harness reloads the page before each run, so the engine's database is a fresh
  // in-memory one (Engine::new → open_in_memory), exactly what a user starts with.
  // The DROPs only matter if reset() is called twice on one page.
  async reset() {
    const o = ormlab();
    await o.exec('PRAGMA foreign_keys = OFF; DROP TABLE IF EXISTS enrollments; DROP TABLE IF EXISTS courses; ' +
      'DROP TABLE IF EXISTS students; DROP TABLE IF EXISTS posts; DROP TABLE IF EXISTS users; DROP TABLE IF EXISTS roles; VACUUM;');
    await o.exec(D.SCHEMA);
    await o.runMany(D.SQL.insertStudent, D.SEED_STUDENTS);
    await o.runMany(D.SQL.insertCourse, D.SEED_COURSES);
    await o.runMany(D.SQL.insertEnrollment, D.SEED_ENROLLMENTS);
    return {
      seed: (await o.query(D.SQL.fpSeed))[0],
      pageSize: (await o.query('pragma page_size'))[0][0],
      fk: (await o.query('pragma foreign_keys'))[0][0],
    };
  },
  async W1() {
    const t0 = performance.now();
    await ormlab().runMany(D.SQL.insertUser, data.users);
    const ms = performance.now() - t0;
    return { ms, fp: (await ormlab().query(D.SQL.fpUsers))[0] };
  },
  async W2() {
    const t0 = performance.now();
    await ormlab().runMany(D.SQL.insertPost, data.posts);
    const ms = performance.now() - t0;
    return { ms, fp: (await ormlab().query(D.SQL.fpPosts))[0] };
  },
  async W3() {
    const t0 = performance.now();
    const results = await ormlab().queryMany(D.SQL.userById, data.ids.map((id) => [id]));
    const ms = performance.now() - t0;
    const out = [];
    for (const rows of results) for (const r of rows) out.push(r);
    return { ms, fp: [out.length, D.checksum(out)] };
  },
  async W4() {
    const t0 = performance.now();
    const rows = await ormlab().query(D.SQL.top100);
    const ms = performance.now() - t0;
    return { ms, fp: [rows.length, rows[0], D.checksum(rows)] };
  },
  async W5() {
    const t0 = performance.now();
    const results = await ormlab().queryMany(D.SQL.emailLike, data.patterns.map((p) => [p]));
    const ms = performance.now() - t0;
    const counts = results.map((rows) => rows[0][0]);
    return { ms, fp: [counts.reduce((a, b) => a + b, 0), D.checksum(counts)] };
  },
  async W6() {
    const t0 = performance.now();
    await ormlab().exec(D.SQL.w6update);
    await ormlab().exec(D.SQL.w6delete);
    const ms = performance.now() - t0;
    return { ms, fp: (await ormlab().query(D.SQL.fpW6))[0] };
  },
  // Serialize, then load into a fresh database: the page has one database, and
  // importBytes replaces it with a new connection deserialized from the bytes.
  async W7() {
    const t0 = performance.now();
    const bytes = await ormlab().exportBytes();
    await ormlab().importBytes(bytes);
    const ms = performance.now() - t0;
    return {
      ms,
      fp: [(await ormlab().query(D.SQL.fpUsers))[0], (await ormlab().query(D.SQL.fpPosts))[0]],
      info: { bytes: bytes.length },
    };
  },
  // Breakdowns (bench.mjs --diag), on the database W1+W2 built. `_callRaw` sends a
  // prebuilt Request JSON, so the main thread's JSON.stringify is outside those timings.
  async diag() {
    const o = ormlab();
    const r = {};
    let t = performance.now();
    // W1 split: request JSON, message + parse without inserting, the insert through
    // runMany with a prebuilt request, and SQLite alone (INSERT … SELECT).
    const ujson = JSON.stringify({ RunMany: { sql: D.DIAG.insertUsersCopy, rows: data.users } });
    r.W1_stringify_ms = performance.now() - t;
    const ubad = JSON.stringify({ RunMany: { sql: 'INSERT INTO no_such_table VALUES (?, ?, ?, ?, ?)', rows: data.users } });
    t = performance.now();
    await o._callRaw(ubad);
    r.W1_message_and_parse_only_ms = performance.now() - t;
    await o.exec(D.DIAG.makeUsersCopy);
    t = performance.now();
    const uans = await o._callRaw(ujson);
    r.W1_prebuilt_request_ms = performance.now() - t;
    if (!/RanMany/.test(uans)) throw new Error('diag: unexpected answer ' + uans.slice(0, 200));
    await o.exec(D.DIAG.dropUsersCopy);
    await o.exec(D.DIAG.makeUsersCopy);
    t = performance.now();
    await o.exec(D.DIAG.copyUsers);
    r.W1_sqlite_insert_select_ms = performance.now() - t;
    await o.exec(D.DIAG.dropUsersCopy);
    t = performance.now();
    const json = JSON.stringify({ RunMany: { sql: D.DIAG.insertCopy, rows: data.posts } });
    r.W2_stringify_ms = performance.now() - t;
    r.W2_request_chars = json.length;
    const bad = JSON.stringify({ RunMany: { sql: 'INSERT INTO no_such_table VALUES (?, ?, ?, ?, ?)', rows: data.posts } });
    t = performance.now();
    const badAnswer = await o._callRaw(bad);
    r.W2_message_and_parse_only_ms = performance.now() - t; // postMessage + copy into wasm + serde parse, no insert
    if (!/no such table/.test(badAnswer)) throw new Error('diag: unexpected answer ' + badAnswer.slice(0, 200));
    // The same 70 MB request text posted to a worker that only answers its length: the
    // browser's cost of moving the string to another thread.
    const echo = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data.msg.length)'], { type: 'text/javascript' })));
    await new Promise((res) => { echo.onmessage = res; echo.postMessage({ msg: 'warm' }); });
    t = performance.now();
    await new Promise((res) => { echo.onmessage = res; echo.postMessage({ id: 1, msg: json }); });
    r.W2_postMessage_only_ms = performance.now() - t;
    echo.terminate();
    // Prototype for www/ormlab.js: the same rows in 15 chunks of 20,000, all posted at once
    // inside BEGIN/COMMIT (runMany joins an open transaction), so the main thread
    // stringifies chunk k+1 while the worker inserts chunk k.
    await o.exec(D.DIAG.makeCopy);
    t = performance.now();
    await o.exec('BEGIN');
    const parts = [];
    for (let i = 0; i < data.posts.length; i += 20000) parts.push(o.runMany(D.DIAG.insertCopy, data.posts.slice(i, i + 20000)));
    await Promise.all(parts);
    await o.exec('COMMIT');
    r.W2_pipelined_chunks_ms = performance.now() - t;
    const cnt = (await o.query('select count(*) from posts_c'))[0][0];
    if (cnt !== data.posts.length) throw new Error('diag: chunked insert count ' + cnt);
    await o.exec(D.DIAG.dropCopy);
    await o.exec(D.DIAG.makeCopy);
    t = performance.now();
    const answer = await o._callRaw(json);
    r.W2_prebuilt_request_ms = performance.now() - t; // = W2 minus stringify
    if (!/RanMany/.test(answer)) throw new Error('diag: unexpected answer ' + answer.slice(0, 200));
    await o.exec(D.DIAG.dropCopy);
    await o.exec(D.DIAG.makeCopy);
    t = performance.now();
    await o.exec(D.DIAG.copyAll);
    r.W2_sqlite_insert_select_ms = performance.now() - t;
    await o.exec(D.DIAG.dropCopy);
    await o.exec('VACUUM');
    t = performance.now();
    const bytes = await o.exportBytes();
    r.W7_export_ms = performance.now() - t;
    t = performance.now();
    await o.importBytes(bytes);
    r.W7_load_ms = performance.now() - t;
    t = performance.now();
    await o.query('PRAGMA quick_check');
    r.W7_quick_check_ms = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < 100; i++) await o.query('select 1');
    r.roundtrip_select1_x100_ms = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < 5; i++) await o.query(D.SQL.emailLike, ['%123@example4%']);
    r.W5_one_like_scan_x5_ms = performance.now() - t;
    return r;
  },
};
window.benchDriver = driver;
