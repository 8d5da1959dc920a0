// Post-build step (Trunk's post_build hook): minifies the JS glue wasm-bindgen wrote for
// the two wasm modules (`app.js`, an ES module, and `worker.js`, a classic script that
// defines the global `wasm_bindgen`) in Trunk's staging directory, updates the
// `integrity` hash index.html carries for `app.js`, and checks that the modules import
// nothing but their glue (release builds only). Then (every build) it moves the engine
// worker's script into index.html: `worker.js` followed by www/gen/worker-boot.js, as the
// text of `<script type="text/x-ormlab-worker" id="ormlab-worker">`, which www/ormlab.js
// starts through a Blob URL; `worker.js` itself is not shipped.
import { transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readFile, rm, writeFile } from 'node:fs/promises';

if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('TRUNK_STAGING_DIR is not set (run through trunk)');
  const target = ['chrome110', 'firefox110', 'safari16'];
  let html = await readFile(join(dir, 'index.html'), 'utf8');
  for (const [name, format] of [['app.js', 'esm'], ['worker.js', undefined]]) {
    const path = join(dir, name);
    const before = await readFile(path);
    const { code } = await transform(before.toString('utf8'), {
      loader: 'js', minify: true, format, target, legalComments: 'none',
    });
    await writeFile(path, code);
    const hash = (b) => 'sha384-' + createHash('sha384').update(b).digest('base64');
    html = html.split(`integrity="${hash(before)}"`).join(`integrity="${hash(code)}"`);
  }
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
    html.replace(slot, () => slot.replace('></', `>${source}</`)));
  await rm(join(dir, 'worker.js'));
}
