// Control flow rebuilt for size (a step of www/post-build.mjs, the engine worker in release
// builds). Binaryen's `flatten` + `rereloop` passes rebuild a function's control flow from
// scratch, which lets the `-Oz` round after them find a smaller shape for the large
// branchy functions rustc emits (the interpreter's dispatchers): −6.5 KB of the worker's
// gzip download, with the ORM's in-browser timings (bench/orm.mjs) unchanged within their
// spread. They are run on the interpreter and browser-glue functions only — never on
// SQLite's C code (it made SQLite 15–25% slower on the bench's joins and lookups), nor on
// the Rust code the SQL console's row path runs (`db::`, `engine::`, `json::`; the rest of
// the Rust code, std's included, would save another ~1 KB).
//
// `rereloop(bytes)` takes a module that still has its name section (trunk's wasm-opt runs
// with `-g`) and returns it with those functions restructured, names kept; the caller runs
// `wasm-opt -Oz` on it.

import binaryen from 'binaryen';

/** The Rust functions restructured: the crate's `core` (the interpreter, the ORM, the SQL
 * renderer) and `web` (the worker's glue: persistence, messages) modules, their closures
 * and the generic code instantiated for their types (names as wasm-bindgen demangles them,
 * `ormlab[<hash>]::core::...` from v0 symbols, `ormlab::core::...` from legacy ones). */
const RESTRUCTURED = /\bormlab(?:\[[0-9a-f]+\])?::(?:core|web)::/;

/** `bytes` with the functions whose names match [`RESTRUCTURED`] flattened and rerelooped. */
export function rereloop(bytes) {
  const module = binaryen.readBinary(bytes);
  let count = 0;
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const func = module.getFunctionByIndex(i);
    const { name, body } = binaryen.getFunctionInfo(func);
    if (!body || !RESTRUCTURED.test(name)) continue;
    module.runPassesOnFunction(func, ['flatten', 'rereloop']);
    count++;
  }
  if (count === 0) {
    throw new Error('rereloop: no function is named like the crate\'s (no name section, or names of a new form?)');
  }
  binaryen.setDebugInfo(true);
  const out = module.emitBinary();
  module.dispose();
  return out;
}
