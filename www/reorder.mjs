// Function order for gzip (a step of www/post-build.mjs, release builds): gzip finds a
// repeat only within its last 32 KB, and wasm-opt lays out functions in the order rustc
// emitted them (or by name). Placing each function right after code it shares much with
// makes the module's code compress better (the engine: ~21 KB less to download).
//
// `nameForGzip(bytes)` reads the code section of a module that still has its name
// section (trunk's wasm-opt runs with `-g`), orders its functions greedily: from the
// first, always to the unplaced function that has the most of its (rarity-weighted)
// 4-byte sequences in the code just placed — the last functions placed, as many as make
// at least `WINDOW` bytes (one function when it alone is that big), not only the last one
// (the sequences found through an index that skips those more than `COMMON` functions
// share) — and returns the module with a name section naming the
// functions by their rank. `wasm-opt --reorder-functions-by-name` then lays them out in
// that order, and drops the names. The code itself is untouched.

import { leb, reader, sections, text } from './wasm-binary.mjs';

const GRAM = 4;
const COMMON = 500;
// How far back the next function is matched against: ~2 KB of code. Deflate looks back
// 32 KB, but nearer repeats cost fewer bits and a near window keeps related code together:
// of windows from 256 B to 64 KB, 1.5–2.5 KB gave the smallest engine (gzip −11 KB against
// matching the last function alone, −9 KB against the whole 32 KB).
const WINDOW = 2048;
// A candidate's score is divided by its count of distinct sequences to a power (a big
// function shares something with everything): `SIZE_EXPONENTS` are the ones tried (see
// www/post-build.mjs). Of 0.4 to 0.7, 0.55-0.65 gave the smallest engines; which of them is
// best changes with the code (gzip ±1 KB), so a build tries the three.
export const SIZE_EXPONENTS = [0.55, 0.6, 0.65];

/**
 * The module `bytes` with its functions named `f000000`, `f000001`... in gzip order, a
 * candidate's score divided by its size to the power `sizeExponent`.
 */
export function nameForGzip(bytes, sizeExponent) {
  const r = reader(bytes);
  const all = sections(bytes);
  // Function indices count the imported functions first.
  let imported = 0;
  for (const s of all.filter((s) => s.id === 2)) {
    r.pos = s.body;
    for (let n = r.u32(); n > 0; n--) {
      r.name(); // module
      r.name(); // field
      const kind = bytes[r.pos++];
      if (kind === 0) {
        r.u32();
        imported++;
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) r.pos++;
        r.limits();
      } else if (kind === 3) r.pos += 2;
      else throw new Error(`import of unknown kind ${kind}`);
    }
  }
  const bodies = [];
  for (const s of all.filter((s) => s.id === 10)) {
    r.pos = s.body;
    for (let n = r.u32(); n > 0; n--) {
      const size = r.u32();
      bodies.push(bytes.subarray(r.pos, r.pos + size));
      r.pos += size;
    }
  }
  // Each function's distinct 4-byte sequences (hashed), and which functions have each.
  const grams = bodies.map((body) => {
    const set = new Set();
    for (let i = 0; i + GRAM <= body.length; i++) {
      let h = 2166136261;
      for (let j = 0; j < GRAM; j++) h = Math.imul(h ^ body[i + j], 16777619);
      set.add(h >>> 0);
    }
    return set;
  });
  const having = new Map();
  grams.forEach((set, f) => {
    for (const g of set) {
      const list = having.get(g);
      if (list) list.push(f);
      else having.set(g, [f]);
    }
  });
  // A sequence's weight: the rarer, the more it says (none for the common ones).
  const weight = new Map();
  for (const [g, list] of having) weight.set(g, list.length > COMMON ? 0 : 1 / Math.log2(1 + list.length));
  // score[f]: the weight of f's sequences that the window holds, for each function f not
  // placed yet; `candidates` are those with some. A sequence counts once however many
  // functions of the window hold it (`inWindow`).
  const placed = new Uint8Array(bodies.length);
  const score = new Float64Array(bodies.length);
  const candidates = new Set();
  const inWindow = new Map();
  const enter = (p, sign) => {
    for (const g of grams[p]) {
      const w = weight.get(g);
      if (!w) continue;
      const held = inWindow.get(g) || 0;
      inWindow.set(g, held + sign);
      if (held !== (sign > 0 ? 0 : 1)) continue;
      for (const f of having.get(g)) {
        if (placed[f]) continue;
        score[f] += sign * w;
        if (sign > 0) candidates.add(f);
      }
    }
  };
  const order = [];
  const window = [];
  let windowBytes = 0;
  let next = 0;
  let scan = 0;
  while (order.length < bodies.length) {
    const cur = next;
    order.push(cur);
    placed[cur] = 1;
    candidates.delete(cur);
    enter(cur, 1);
    window.push(cur);
    windowBytes += bodies[cur].length;
    while (window.length > 1 && windowBytes - bodies[window[0]].length >= WINDOW) {
      const old = window.shift();
      windowBytes -= bodies[old].length;
      enter(old, -1);
    }
    let best = -1;
    let bestScore = 0;
    for (const f of candidates) {
      if (score[f] <= 1e-9) {
        candidates.delete(f);
        continue;
      }
      // (Against the function's size: a big function shares something with everything.)
      const s = score[f] / (grams[f].size + 8) ** sizeExponent;
      if (s > bestScore) {
        bestScore = s;
        best = f;
      }
    }
    if (best < 0) {
      // Nothing in common: the first function not placed yet.
      while (scan < bodies.length && placed[scan]) scan++;
      best = scan;
    }
    next = best;
  }
  const width = String(bodies.length).length;
  const names = [];
  order.forEach((f, rank) => names.push([imported + f, `f${String(rank).padStart(width, '0')}`]));
  names.sort((a, b) => a[0] - b[0]);
  const functionNames = [...leb(names.length)];
  for (const [index, name] of names) functionNames.push(...leb(index), ...text(name));
  const content = [...text('name'), 1, ...leb(functionNames.length), ...functionNames];
  const parts = [bytes.subarray(0, 8)];
  for (const s of all) {
    if (s.id === 0) {
      r.pos = s.body;
      if (r.name() === 'name') continue;
    }
    parts.push(bytes.subarray(s.start, s.end));
  }
  parts.push(Buffer.from([0, ...leb(content.length), ...content]));
  return Buffer.concat(parts);
}
