// Post-build step (Trunk's post_build hook): rebuilds the control flow of the engine
// worker's interpreter functions for size (www/rereloop.mjs), orders the functions of the
// two wasm modules for gzip (www/reorder.mjs), gives their imports and exports short names (in the wasm and
// in the JS glue wasm-bindgen wrote for them: `app.js`, an ES module, and `worker.js`, a
// classic script that defines the global `wasm_bindgen`), minifies the glue in Trunk's
// staging directory, updates the `integrity` hashes index.html carries for `app.js` and
// `app_bg.wasm`, moves `app.js` into index.html's module script, drops index.html's
// comments and checks that the modules import nothing but their glue (release builds
// only). Then (every build) it moves the engine worker's
// script into index.html: `worker.js` followed by www/gen/worker-boot.js, as the text of
// `<script type="text/x-ormlab-worker" id="ormlab-worker">`, which www/ormlab.js starts
// through a Blob URL; `worker.js` itself is not shipped.
import { transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { nameForGzip, SIZE_EXPONENTS } from './reorder.mjs';
import { rereloop } from './rereloop.mjs';
import { leb, reader, text } from './wasm-binary.mjs';

const wasmOpt = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));

// Rebuilds the control flow of the engine's interpreter functions (www/rereloop.mjs) and
// optimizes the module again (`-Oz` twice, names kept for `orderForGzip`).
async function restructure(path) {
  const rerelooped = `${path}.rerelooped`;
  await writeFile(rerelooped, rereloop(await readFile(path)));
  execFileSync(wasmOpt, [
    '-g', '-Oz', '-Oz', '--low-memory-unused', '--merge-similar-functions', rerelooped, '-o', path,
  ], { stdio: 'inherit' });
  await rm(rerelooped);
}

// Lays out the functions of the wasm module at `path` in the order www/reorder.mjs finds
// for gzip (wasm-opt's `--reorder-functions-by-name` on the names it gives), dropping the
// names (the target features section stays, for `finalOptimize`): of the orders its
// `SIZE_EXPONENTS` give, the one whose module `gzip -9` makes smallest.
async function orderForGzip(path) {
  const bytes = await readFile(path);
  const named = `${path}.named`;
  let best = null;
  for (const exponent of SIZE_EXPONENTS) {
    const out = `${path}.${exponent}`;
    await writeFile(named, nameForGzip(bytes, exponent));
    execFileSync(wasmOpt, ['--reorder-functions-by-name', named, '-o', out], { stdio: 'inherit' });
    const size = gzipSync(await readFile(out), { level: 9 }).length;
    if (!best || size < best.size) {
      if (best) await rm(best.out);
      best = { out, size };
    } else await rm(out);
  }
  await rm(named);
  await rename(best.out, path);
}

// Optimizes the module at `path` once more after `shortenNames` dropped the exports the
// glue never calls (the C API sqlite-wasm-rs exports): what only an export kept alive goes,
// and calls to what is left get simpler (worker -4.1 KB, UI -1.1 KB of the Zopfli'd
// download). The functions keep `orderForGzip`'s order; the target features section,
// which told wasm-opt what the module may use, is dropped here.
function finalOptimize(path) {
  execFileSync(wasmOpt, [
    '-Oz', '--low-memory-unused', '--merge-similar-functions', '--strip-target-features',
    path, '-o', path,
  ], { stdio: 'inherit' });
}

// wasm-bindgen names each import from its glue after the JS it calls plus a 16-digit
// hash (`__wbg_createElement_de4a31ed2fb252be`), and each closure shim it exports after
// a Rust symbol hash: ~350 names whose hashes gzip cannot compress, each in the wasm and
// in the glue. Renames the imports from `glueModule` to short names (`$a`, `$b`, ...)
// and the exports the glue names to `$$a`, `$$b`, ... (names without `_`, `memory` and
// `main`, stay), and drops the other exports the glue never names (what sqlite-wasm-rs
// exports for its C code: nothing calls them from outside), rewriting the wasm's import and export sections;
// returns the new bytes and the map old name → new name for the glue.
function shortenNames(bytes, glueModule, glue) {
  const r = reader(bytes);
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const shortName = (prefix, i) => {
    let s = prefix;
    do {
      s += letters[i % letters.length];
      i = Math.floor(i / letters.length);
    } while (i);
    return s;
  };
  const tokens = new Set(glue.match(/[A-Za-z0-9_$]+/g));
  const names = new Map();
  const rename = (name, prefix) => {
    if (names.has(name)) throw new Error(`${name} is both imported and exported`);
    const short = shortName(prefix, names.size);
    if (tokens.has(short)) throw new Error(`the glue already uses the name ${short}`);
    names.set(name, short);
    return short;
  };
  const parts = [];
  let copied = 0;
  r.pos = 8;
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = bytes[r.pos++];
    const size = r.u32();
    const body = r.pos;
    const out = [];
    let count = 0;
    if (id === 2) { // imports
      for (let n = r.u32(); n > 0; n--) {
        const module = r.name();
        const name = r.name();
        const desc = r.pos;
        const kind = bytes[r.pos++];
        if (kind === 0) r.u32(); // function: type index
        else if (kind === 1 || kind === 2) { // table (element type first) or memory: limits
          if (kind === 1) r.pos++;
          r.limits();
        } else if (kind === 3) r.pos += 2; // global: value type, mutability
        else throw new Error(`import ${module}.${name}: unknown kind ${kind}`);
        const newName = module === glueModule ? rename(name, '$') : name;
        out.push(...text(module), ...text(newName), ...bytes.subarray(desc, r.pos));
        count++;
      }
    } else if (id === 7) { // exports
      for (let n = r.u32(); n > 0; n--) {
        const name = r.name();
        const desc = r.pos;
        r.pos++;
        r.u32();
        // A name without `_` (`memory`, `main`) may be a word of the glue: kept as it is.
        const keep = !name.includes('_');
        if (!keep && !tokens.has(name)) continue;
        const newName = keep ? name : rename(name, '$$');
        out.push(...text(newName), ...bytes.subarray(desc, r.pos));
        count++;
      }
    } else {
      r.pos = body + size;
      continue;
    }
    if (r.pos !== body + size) throw new Error(`section ${id} did not parse to its end`);
    const content = [...leb(count), ...out];
    parts.push(bytes.subarray(copied, start), Buffer.from([id, ...leb(content.length), ...content]));
    copied = r.pos;
  }
  parts.push(bytes.subarray(copied));
  return { wasm: Buffer.concat(parts), names };
}

// Replaces whole identifiers of `source` found in `names` (old → new); every old name
// must occur.
function renameTokens(source, names) {
  const seen = new Set();
  const out = source.replace(/[A-Za-z0-9_$]+/g, (token) => {
    const renamed = names.get(token);
    if (renamed === undefined) return token;
    seen.add(token);
    return renamed;
  });
  const missing = [...names.keys()].filter((n) => !seen.has(n));
  if (missing.length) throw new Error(`the glue never names ${missing.join(', ')}`);
  return out;
}

// Moves the UI's glue (`app.js`, minified) into the module script Trunk wrote into
// index.html, which imported it (`import init, * as bindings from '/app.js'`), and drops
// its `modulepreload` link and the file: one request less, and gzip finds in the glue much
// of what the engine worker's glue, already inlined, holds (-1.6 KB of the first visit).
// The glue runs in a function of its own (its minified names cannot meet the script's),
// which returns its exports.
async function inlineAppGlue(dir, html) {
  const importLine = "import init, * as bindings from '/app.js';";
  const preload = '<link rel="modulepreload" href="/app.js" crossorigin="anonymous">';
  for (const [what, text] of [['import', importLine], ['preload', preload]]) {
    if (html.split(text).length !== 2) throw new Error(`index.html must hold the ${what} of app.js once: ${text}`);
  }
  const glue = await readFile(join(dir, 'app.js'), 'utf8');
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(glue);
  if (!exported) throw new Error('app.js does not end with its export list');
  const fields = exported[1].split(',').map((e) => {
    const m = /^\s*([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(e);
    if (!m) throw new Error(`app.js exports ${e}`);
    return `${m[2] || m[1]}:${m[1]}`;
  });
  const body = glue.slice(0, exported.index);
  if (/<\/script|<!--|\bexport\b|^\s*import\b/i.test(body)) {
    throw new Error('app.js holds </script, <!--, an import or another export: it cannot be inlined');
  }
  const inlined = `const bindings=(()=>{${body}return{${fields.join(',')}}})();const init=bindings.default;`;
  await rm(join(dir, 'app.js'));
  return html.replace(importLine, () => inlined).replace(preload, '');
}

if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('TRUNK_STAGING_DIR is not set (run through trunk)');
  const target = ['chrome110', 'firefox113', 'safari16.4'];
  let html = await readFile(join(dir, 'index.html'), 'utf8');
  const hash = (b) => 'sha384-' + createHash('sha384').update(b).digest('base64');
  for (const [name, format] of [['app.js', 'esm'], ['worker.js', undefined]]) {
    const path = join(dir, name);
    const before = await readFile(path);
    const wasmPath = join(dir, name.replace(/\.js$/, '_bg.wasm'));
    if (name === 'worker.js') await restructure(wasmPath);
    await orderForGzip(wasmPath);
    const wasm = await readFile(wasmPath);
    const source = before.toString('utf8');
    const short = shortenNames(wasm, `./${name.replace(/\.js$/, '_bg.js')}`, source);
    await writeFile(wasmPath, short.wasm);
    finalOptimize(wasmPath);
    const optimized = await readFile(wasmPath);
    // Where Trunk gives the preloads integrity hashes (index.html asks for none: same-origin
    // files, and ~200 incompressible bytes of the first visit), they follow the rewrite.
    if (name === 'app.js' && /\sintegrity="/.test(html) && !html.includes(hash(wasm))) {
      throw new Error('no integrity for app_bg.wasm');
    }
    html = html.split(`integrity="${hash(wasm)}"`).join(`integrity="${hash(optimized)}"`);
    const glue = renameTokens(source, short.names);
    const { code } = await transform(glue, {
      loader: 'js', minify: true, format, target, legalComments: 'none',
    });
    await writeFile(path, code);
    html = html.split(`integrity="${hash(before)}"`).join(`integrity="${hash(code)}"`);
  }
  html = await inlineAppGlue(dir, html);
  // index.html's comments are for its readers, not the browser. (No inlined script holds
  // `<!--`: the HTML parser would treat it specially; the worker's script is checked below.)
  const inlined = await readFile(new URL('./gen/ormlab.js', import.meta.url), 'utf8');
  if (inlined.includes('<!--')) throw new Error('ormlab.js contains <!--');
  html = html.replace(/<!--[\s\S]*?-->\s*/g, '');
  await writeFile(join(dir, 'index.html'), html);
  // Each module may import only its wasm-bindgen glue: an import from elsewhere ("env")
  // is a C function SQLite was built without (see SQLITE_WASM_RS_FLAGS in
  // .cargo/config.toml) and would fail in the browser.
  for (const name of ['worker_bg.wasm', 'app_bg.wasm']) {
    const module = new WebAssembly.Module(await readFile(join(dir, name)));
    const stray = WebAssembly.Module.imports(module).filter((i) => !i.module.endsWith('_bg.js'));
    if (stray.length) {
      throw new Error(`${name} imports ${stray.map((i) => `${i.module}.${i.name}`).join(', ')}`);
    }
  }
}

{
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('TRUNK_STAGING_DIR is not set (run through trunk)');
  const glue = await readFile(join(dir, 'worker.js'), 'utf8');
  const boot = await readFile(new URL('./gen/worker-boot.js', import.meta.url), 'utf8');
  const source = `${glue.trim()}\n${boot.trim()}\n`;
  // The text of a script element ends at `</script`, and `<!--` changes how it is parsed.
  if (/<\/script|<!--/i.test(source)) throw new Error('the worker script contains </script or <!--');
  const slot = '<script type="text/x-ormlab-worker" id="ormlab-worker"></script>';
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  if (html.split(slot).length !== 2) throw new Error(`index.html must contain ${slot} once`);
  await writeFile(join(dir, 'index.html'),
    html.replace(slot, () => `${slot.slice(0, -'</script>'.length)}${source}</script>`));
  await rm(join(dir, 'worker.js'));
}
