// Boots the engine worker: queues the page's messages until the wasm module is up, so
// the page can post its first requests immediately instead of waiting for a handshake.
// (Trunk builds `worker.js` + `worker_bg.wasm` with wasm-bindgen's no-modules target.)
'use strict';
const queued = [];
self.onmessage = (ev) => queued.push(ev);
importScripts('./worker.js');
wasm_bindgen('./worker_bg.wasm').then(
  () => {
    // The Rust side installed its own onmessage in `main`; hand it what arrived meanwhile.
    const handler = self.onmessage;
    for (const ev of queued.splice(0)) handler(ev);
  },
  (err) => {
    self.postMessage({ fatal: String((err && err.message) || err) });
  },
);
