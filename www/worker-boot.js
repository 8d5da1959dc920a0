// Boots the engine worker. www/post-build.mjs puts wasm-bindgen's glue (`worker.js`, the
// no-modules target: it defines the global `wasm_bindgen`) and then this script into
// index.html, in `<script type="text/x-ormlab-worker" id="ormlab-worker">`; www/ormlab.js
// starts the worker from that text through a Blob URL, prefixed with
// `self.ormlabBoot = {base, db?}` (the page's base URL; the workspace, first worker only).
// So the worker needs no request of its own before the wasm's, and starts that first.
//
// It queues the page's messages until the wasm module is up, so the page can post its
// first requests immediately instead of waiting for a handshake. With `db`, it asks for the
// workspace's Web Lock (only if free) and opens the IndexedDB connection to `ormlab-db`
// while the wasm downloads and compiles, so both are ready by the time the wasm runs
// instead of after; once both are there, it also claims the database and reads its image.
// The Rust side takes them over from `self.ormlabEarly` (`open` in src/web/persist.rs):
// the connection only when it is at the schema's version (an older one is closed and
// upgraded there); a database that does not exist yet is left for Rust to create.
'use strict';
// The `ormlab-db` version whose stores this script reads (`DB_STORE_SCHEMA` in
// src/vfs/mod.rs; a test there keeps the two equal).
const STORE_VERSION = 1;
const boot = self.ormlabBoot || {};
// The module's name. A release build ships it gzip-compressed (by Zopfli, smaller than a
// server's gzip) as `worker_bg.wasm.gzip`, and xtask/src/pack.rs renames it here: then it
// is inflated as it downloads, into a Response that instantiateStreaming compiles as it
// arrives.
const WASM = './worker_bg.wasm';
const wasm = fetch(new URL(WASM, boot.base || self.location.href)).then((res) => {
  if (!WASM.endsWith('.gzip')) return res;
  if (!res.ok) throw new Error(`${WASM}: HTTP ${res.status}`);
  if (typeof DecompressionStream !== 'function') {
    throw new Error('this browser cannot inflate the engine (no DecompressionStream): ormlab needs Chrome 80+, Firefox 113+ or Safari 16.4+');
  }
  return new Response(res.body.pipeThrough(new DecompressionStream('gzip')), {
    headers: { 'Content-Type': 'application/wasm' },
  });
});
const queued = [];
self.onmessage = (ev) => queued.push(ev);
if (typeof boot.db === 'string') {
  const db = boot.db;
  const early = { db };
  const locks = self.navigator.locks;
  if (locks && typeof locks.request === 'function') {
    early.lock = new Promise((resolve) => {
      const state = { granted: false, stolen: false, release: null, request: null };
      // Resolves once the request is answered: granted (the lock is held until `release`
      // is called) or not. `request` rejects when another tab steals the lock.
      // `boot.wait`: this tab's previous page was the writer (a reload or a navigation in
      // the same tab), and its worker may not have let the lock go yet: wait for it (it is
      // granted the moment it is free; on a loaded machine a dying worker can take seconds)
      // instead of starting as a reader behind our own predecessor.
      const waiting = boot.wait === true && typeof AbortSignal.timeout === 'function';
      const opts = waiting ? { signal: AbortSignal.timeout(4000) } : { ifAvailable: true };
      const request = locks.request('ormlab-db:' + db, opts, (lock) => {
        if (!lock) {
          resolve(state);
          return undefined;
        }
        return new Promise((release) => {
          state.granted = true;
          state.release = release;
          resolve(state);
        });
      });
      state.request = request;
      request.catch(() => {
        if (state.granted) {
          state.stolen = true;
        } else {
          // Not granted in time (another tab writes): a reader, whose request rejects
          // no more (the Rust side reads a rejection as a steal).
          state.request = new Promise(() => {});
          resolve(state);
        }
      });
    });
  }
  early.idb = new Promise((resolve) => {
    try {
      const req = self.indexedDB.open('ormlab-db');
      // No such database yet: abort its creation, the Rust side creates it with its schema.
      req.onupgradeneeded = () => req.transaction.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = (ev) => { ev.preventDefault(); resolve(null); };
    } catch (e) {
      resolve(null);
    }
  });
  // Once the lock is this tab's and the connection is at the schema's version, claim the
  // database and read its stored image in ONE readwrite transaction: what `claim` then
  // `load` in src/web/persist/storage.rs do, done while the wasm compiles (no commit can
  // land between the two). A workspace without a header record yet is left to Rust,
  // which writes the first one.
  if (early.lock) {
    early.claim = Promise.all([early.lock, early.idb]).then(([lock, idb]) => new Promise((resolve) => {
      if (!lock.granted || lock.stolen || !idb || idb.version !== STORE_VERSION) {
        resolve(null);
        return;
      }
      try {
        const tx = idb.transaction(['chunks', 'meta'], 'readwrite');
        const meta = tx.objectStore('meta');
        const chunks = tx.objectStore('chunks');
        const range = IDBKeyRange.bound([db, 0], [db, 4294967295]);
        const out = { epoch: 0, record: null, keys: null, values: null };
        const header = meta.get(db);
        const keys = chunks.getAllKeys(range);
        const values = chunks.getAll(range);
        header.onsuccess = () => {
          const record = header.result;
          if (!record || typeof record !== 'object') return;
          record.epoch = (typeof record.epoch === 'number' ? record.epoch : 0) + 1;
          meta.put(record, db);
          out.epoch = record.epoch;
          out.record = record;
        };
        keys.onsuccess = () => { out.keys = keys.result; };
        values.onsuccess = () => { out.values = values.result; };
        tx.oncomplete = () => resolve(out.record ? out : null);
        tx.onabort = () => resolve(null);
      } catch (e) {
        resolve(null);
      }
    }));
  }
  self.ormlabEarly = early;
}
wasm_bindgen({ module_or_path: wasm }).then(
  () => {
    // The Rust side installed its own onmessage in `main`; hand it what arrived meanwhile.
    const handler = self.onmessage;
    for (const ev of queued.splice(0)) handler(ev);
  },
  (err) => {
    self.postMessage({ fatal: String((err && err.message) || err) });
  },
);
