// Boots the engine worker: queues the page's messages until the wasm module is up, so
// the page can post its first requests immediately instead of waiting for a handshake.
// (Trunk builds `worker.js` + `worker_bg.wasm` with wasm-bindgen's no-modules target.)
//
// Started as `worker-boot.js#db=<workspace>` (www/ormlab.js), it asks for the workspace's
// Web Lock (only if free) and opens the IndexedDB connection to `ormlab-db` before
// anything else, so both are ready by the time the wasm has compiled instead of after.
// The Rust side takes them over from `self.ormlabEarly` (`open` in src/web/persist.rs):
// the connection only when it is at the schema's version (an older one is closed and
// upgraded there); a database that does not exist yet is left for Rust to create.
'use strict';
const queued = [];
self.onmessage = (ev) => queued.push(ev);
const db = new URLSearchParams(self.location.hash.slice(1)).get('db');
if (db !== null) {
  const early = { db };
  const locks = self.navigator.locks;
  if (locks && typeof locks.request === 'function') {
    early.lock = new Promise((resolve) => {
      const state = { granted: false, stolen: false, release: null, request: null };
      // Resolves once the request is answered: granted (the lock is held until `release`
      // is called) or not. `request` rejects when another tab steals the lock.
      state.request = locks.request('ormlab-db:' + db, { ifAvailable: true }, (lock) => {
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
      state.request.catch(() => { state.stolen = true; });
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
  self.ormlabEarly = early;
}
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' }).then(
  () => {
    // The Rust side installed its own onmessage in `main`; hand it what arrived meanwhile.
    const handler = self.onmessage;
    for (const ev of queued.splice(0)) handler(ev);
  },
  (err) => {
    self.postMessage({ fatal: String((err && err.message) || err) });
  },
);
