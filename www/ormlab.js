// ormlab's page-side client: starts the engine worker as early as possible and
// exposes `window.ormlab`, the small JS API documented in README.md.
// The Leptos UI talks to the engine through `ormlab._callRaw` (typed JSON messages,
// see src/engine/protocol.rs and src/web/worker.rs for the envelope).
(function () {
  'use strict';
  const canInterrupt = self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  const sab = canInterrupt ? new SharedArrayBuffer(4) : null;
  const flag = sab ? new Int32Array(sab) : null;
  const listeners = new Set();
  let worker = null;
  let pending = new Map();
  let nextId = 1;
  let readyPromise = null;
  let snapshot = null; // last committed bytes, only kept when Stop must restart the worker
  let inflight = 0;
  // Persistence: which workspace's database the worker opens (?ws=name), and what
  // the worker last said about it ({role, saved, commit, error, integrity}).
  const workspace = new URLSearchParams(self.location.search).get('ws') || 'default';
  const persistListeners = new Set();
  let persistState = { role: 'loading', saved: false, commit: 0, error: null, workspace };

  // The newest commit this browser was told is stored, kept outside IndexedDB: a
  // reopen that finds an older one learns that the browser discarded the store
  // (Chromium deletes an IndexedDB it finds corrupt, and evicts best-effort storage
  // when the disk is nearly full) and says so instead of showing an older state silently.
  const markKey = 'ormlab-saved-commit:' + workspace;
  let mark = null;
  function readMark() {
    try { return Number(self.localStorage.getItem(markKey)) || 0; } catch (e) { return 0; }
  }

  function emitPersist(update) {
    if ('loadedBytes' in update && update.role === 'writer') {
      const saved = readMark();
      if (saved > (update.commit || 0)) {
        update = Object.assign({}, update, { lost: { saved, found: update.commit || 0 } });
        console.warn(`ormlab: storage holds commit ${update.commit || 0}, but commit ${saved} was saved here before`);
      }
    }
    persistState = Object.assign({}, persistState, update);
    const st = persistState;
    if (st.role === 'writer' && st.saved && st.commit > 0 && st.commit !== mark) {
      mark = st.commit;
      try { self.localStorage.setItem(markKey, String(mark)); } catch (e) { /* storage unavailable */ }
    }
    for (const fn of persistListeners) {
      try { fn(persistState); } catch (e) { console.error(e); }
    }
  }

  function emit(event) {
    for (const fn of listeners) {
      try { fn(event); } catch (e) { console.error(e); }
    }
  }

  // The engine worker's script: wasm-bindgen's glue and www/worker-boot.js, which
  // www/post-build.mjs puts in the page. Started from a Blob URL, the worker makes no
  // request before the wasm's (a script URL cost two round trips: the worker's script,
  // then the glue it imported).
  const workerSource = (document.getElementById('ormlab-worker') || {}).textContent || '';

  // Whether this tab's previous page (a reload, a navigation within the tab) was the
  // workspace's writer: its worker may still hold the lock for a moment, and the new one
  // waits for it rather than starting as a reader (www/worker-boot.js). Told through
  // sessionStorage, which only this tab sees.
  const handoverKey = 'ormlab-writer-left:' + workspace;
  let predecessorWrote = false;
  try {
    predecessorWrote = sessionStorage.getItem(handoverKey) === '1';
    sessionStorage.removeItem(handoverKey);
    addEventListener('pagehide', () => {
      if (persistState.role === 'writer') sessionStorage.setItem(handoverKey, '1');
    });
  } catch (e) { /* no sessionStorage: start as before */ }

  function spawn() {
    // `db`: the first worker asks for the workspace's lock and opens its storage while
    // its wasm compiles. Not after Stop: the worker it replaces may not have released
    // the lock yet, so the new one asks later, from the wasm, as it did before.
    const boot = { base: document.baseURI };
    if (!worker) {
      boot.db = workspace;
      if (predecessorWrote) boot.wait = true;
    }
    const source = workerSource
      ? workerSource
      : "self.postMessage({fatal: 'the page carries no engine worker script'})";
    let url = URL.createObjectURL(new Blob(
      [`self.ormlabBoot=${JSON.stringify(boot)};\n`, source], { type: 'text/javascript' }));
    worker = new Worker(url);
    let readyReject;
    // worker-boot.js queues messages until the wasm is up: post at once, no handshake.
    worker.postMessage({ id: 0, init: { interrupt: sab, db: workspace } });
    readyPromise = new Promise((resolve, reject) => {
      readyReject = reject;
      post({ Open: null }).then((opened) => resolve(opened.Opened || opened), reject);
    });
    readyPromise.catch(() => {});
    worker.onmessage = (ev) => {
      if (url) {
        URL.revokeObjectURL(url);
        url = null;
      }
      const data = ev.data;
      if (data && data.ready) return;
      if (data && data.fatal) {
        failAll(new Error('the engine failed to start: ' + data.fatal));
        return;
      }
      if (data && data.persist) {
        emitPersist(data.persist);
        return;
      }
      const entry = pending.get(data.id);
      if (!entry) return;
      pending.delete(data.id);
      inflight--;
      if (inflight === 0) emit({ state: 'idle' });
      entry.resolve({ msg: data.msg, bytes: data.bytes || null });
    };
    function failAll(err) {
      readyReject(err);
      for (const [, entry] of pending) entry.reject(err);
      pending = new Map();
      inflight = 0;
      emit({ state: 'failed', message: err.message });
    }
    worker.onerror = (ev) => failAll(new Error('the engine worker failed: ' + (ev.message || 'unknown error')));
    return readyPromise;
  }

  // Sends one request object; resolves with the raw {msg, bytes}.
  function postRaw(json, bytes) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      if (flag) Atomics.store(flag, 0, 0);
      inflight++;
      if (inflight === 1) emit({ state: 'busy' });
      const msg = { id, msg: json };
      if (bytes) {
        msg.bytes = bytes;
        worker.postMessage(msg, [bytes]);
      } else {
        worker.postMessage(msg);
      }
    });
  }

  async function post(req, bytes) {
    const { msg, bytes: out } = await postRaw(typeof req === 'string' ? req : JSON.stringify(req), bytes);
    const resp = JSON.parse(msg);
    if (resp.Error) {
      const e = resp.Error.error;
      const err = new Error(e.line ? `${e.line}:${e.col}: ${e.message}` : e.message);
      err.detail = e;
      throw err;
    }
    if (out) resp.bytes = out;
    return resp;
  }

  // After a mutating request in restart mode, keep a snapshot so Stop loses nothing committed.
  async function afterMutation() {
    if (canInterrupt) return;
    try {
      const resp = await post({ Export: null });
      snapshot = resp.bytes;
    } catch (e) { /* keep the previous snapshot */ }
  }

  async function stop() {
    if (inflight === 0) return false;
    if (flag) {
      Atomics.store(flag, 0, 1);
      return true;
    }
    // No shared memory: restart the worker from the last committed snapshot.
    const old = worker;
    const err = new Error('interrupted: the statement was stopped');
    err.detail = { message: err.message, interrupted: true, line: 0, col: 0 };
    for (const [, entry] of pending) entry.reject(err);
    pending = new Map();
    inflight = 0;
    old.terminate();
    emit({ state: 'restarting' });
    // A terminated worker's Web Lock is let go asynchronously: wait until it is, so the new
    // worker is this tab's writer again instead of a reader behind its own predecessor (and
    // can import the snapshot). Bounded, as another tab may have queued for the lock first.
    if (persistState.role === 'writer' && navigator.locks && typeof AbortSignal.timeout === 'function') {
      await navigator.locks
        .request('ormlab-db:' + workspace, { signal: AbortSignal.timeout(2000) }, () => {})
        .catch(() => {});
    }
    await spawn();
    if (snapshot) {
      const copy = snapshot.slice(0);
      await post({ Import: null }, copy);
    }
    emit({ state: 'idle' });
    return true;
  }

  // Large runMany calls go in chunks inside one savepoint, posted back to back, so that
  // encoding the next chunk overlaps the engine inserting the previous one.
  const CHUNK = 20000;
  async function runManyChunked(sql, rows) {
    if (rows.length <= CHUNK) return (await post({ RunMany: { sql, rows } })).RanMany.count;
    const sp = 'ormlab_runmany_' + nextId;
    const sent = [post({ Exec: { sql: `SAVEPOINT ${sp}` } })];
    for (let i = 0; i < rows.length; i += CHUNK) {
      sent.push(post({ RunMany: { sql, rows: rows.slice(i, i + CHUNK) } }));
      await new Promise((r) => setTimeout(r, 0)); // let the previous chunk's message go out
    }
    const settled = await Promise.allSettled(sent);
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) {
      await post({ Exec: { sql: `ROLLBACK TO ${sp}; RELEASE ${sp}` } }).catch(() => {});
      throw failure.reason;
    }
    await post({ Exec: { sql: `RELEASE ${sp}` } });
    return settled.slice(1).reduce((n, s) => n + s.value.RanMany.count, 0);
  }

  // The editor bundle loads once the engine has answered (or failed), so its parsing
  // never delays the engine's first answer; the UI mounts after it.
  spawn();
  const editorReady = readyPromise.then(() => {}, () => {}).then(() => import('./editor/editor.js'));

  const api = {
    /** Resolves with {sqlite_version, engine_version, can_interrupt} once the engine is up. */
    get ready() { return readyPromise; },
    /** Runs one or more statements; resolves with {changes}. */
    async exec(sql) {
      const r = await post({ Exec: { sql } });
      await afterMutation();
      return r.Executed;
    },
    /** Runs one statement with parameters; resolves with rows as arrays. */
    async query(sql, params = []) {
      return (await post({ Query: { sql, params } })).QueryRows.rows;
    },
    /** Like query(), with column names: {columns, rows}. */
    async queryWithColumns(sql, params = []) {
      return (await post({ Query: { sql, params } })).QueryRows;
    },
    /** Runs one prepared statement per parameter list; resolves with one array of rows per run. */
    async queryMany(sql, paramLists) {
      return (await post({ QueryMany: { sql, params: paramLists } })).QueryManyRows.results;
    },
    /** Runs one prepared statement for every row, in one transaction; resolves with the count. */
    async runMany(sql, rows) {
      const r = await runManyChunked(sql, rows);
      await afterMutation();
      return r;
    },
    /** Resolves with the database as the bytes of a .sqlite file (Uint8Array). */
    /** Runs Python files in order (`[[name, text], ...]`, e.g. models.py then script.py) on a
     *  fresh database, as the Run script button does; resolves with the outcome
     *  ({stdout, stderr, errors, sql_log, tables, schema, elapsed_ms}). */
    async runScript(sources) {
      const resp = await post({ RunScript: { sources } });
      await afterMutation();
      return resp.ScriptRan;
    },
    async exportBytes() {
      const r = await post({ Export: null });
      return new Uint8Array(r.bytes);
    },
    /** Replaces the database with a .sqlite file's bytes (Uint8Array or ArrayBuffer). */
    async importBytes(bytes) {
      const src = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
      const copy = src.slice().buffer;
      const r = await post({ Import: null }, copy);
      await afterMutation();
      return r.Imported;
    },
    /** Resolves with the database as SQL text (schema + INSERTs), like sqlite3's `.dump`. */
    async dumpSql() {
      await readyPromise;
      return (await post({ Dump: null })).Dumped.sql;
    },
    /** Resolves with one statement's rows as CSV text (header line first). */
    async queryCsv(sql) {
      await readyPromise;
      return (await post({ QueryCsv: { sql } })).Csv.text;
    },
    /**
     * Inserts a JSON list of objects (text or array) into `table`, creating it when missing
     * (columns from the keys). Sent in batches; `onProgress(done, total)` after each.
     * Resolves with {rows, created}. Each batch is one transaction (one commit).
     */
    async importJson(table, json, onProgress) {
      await readyPromise;
      const items = typeof json === 'string' ? JSON.parse(json) : json;
      if (!Array.isArray(items)) throw new Error('expected a JSON list of objects');
      const BATCH = 2000;
      let rows = 0, created = false;
      for (let i = 0; i < items.length || i === 0; i += BATCH) {
        const part = JSON.stringify(items.slice(i, i + BATCH));
        const r = (await post({ ImportJson: { table, json: part } })).ImportedJson;
        rows += r.rows; created = created || r.created;
        if (onProgress) onProgress(Math.min(i + BATCH, items.length), items.length);
        if (items.length === 0) break;
      }
      await afterMutation();
      return { rows, created };
    },
    /** Stops the running statement; resolves true if something was running. */
    stop,
    /** Subscribes to engine state changes ({state: 'busy'|'idle'|'restarting'|'failed'}). */
    onState(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    /** Resolves once the editor bundle is loaded (the UI waits for it). */
    editorReady,
    /** The workspace whose database this page opened (`?ws=name`, default `default`). */
    workspace,
    /**
     * Persistence state: {role: 'writer'|'reader'|'memory'|'loading', saved, commit, error, integrity,
     * lost}. `lost` ({saved, found}) is set when the stored database is older than a commit this
     * browser was told is saved: the browser discarded its storage.
     */
    get persistence() { return persistState; },
    /** Subscribes to persistence changes; calls `fn` with the state at once too. */
    onPersist(fn) { persistListeners.add(fn); fn(persistState); return () => persistListeners.delete(fn); },
    /** Resolves once every commit so far is stored (the IndexedDB transaction completed). */
    whenSaved() {
      // Checked on every persistence note AND whenever the engine goes idle: the note
      // saying "saved" may arrive while another request (the UI's schema refresh) is
      // still in flight, and no further note follows.
      return new Promise((resolve) => {
        let offPersist = null, offState = null, done = false;
        const check = () => {
          if (done || !persistState.saved || inflight !== 0) return;
          done = true;
          queueMicrotask(() => { offPersist(); offState(); });
          resolve(persistState);
        };
        offState = api.onState(check);
        offPersist = api.onPersist(check);
      });
    },
    /** This tab becomes the workspace's writer (the other tab turns read-only). */
    takeOver() { worker.postMessage({ id: 0, persist: 'takeover' }); },
    /** Tests only: storage writes over `bytes` fail like a full quota (null lifts it). */
    _simulateQuota(bytes) { worker.postMessage({ id: 0, persist: 'quota:' + (bytes == null ? 'off' : bytes) }); },
    /** Tests only: this tab hears `ms` late that another tab took over (it keeps committing). */
    _hearStealLate(ms) { worker.postMessage({ id: 0, persist: 'deaf:' + ms }); },
    /** True when Stop interrupts in place (the page is cross-origin isolated). */
    canInterrupt,
    /** For the UI: sends a Request JSON text, resolves with the Response JSON text. */
    async _callRaw(json) {
      const { msg } = await postRaw(json);
      if (!canInterrupt && /^\{"(RunSql|Exec|RunMany)"/.test(json)) await afterMutation();
      return msg;
    },
  };
  self.ormlab = api;
})();
