// Post-build step (Trunk's post_build hook): minifies the JS glue wasm-bindgen wrote for
// the two wasm modules (`app.js`, an ES module, and `worker.js`, a classic script that
// defines the global `wasm_bindgen`) in Trunk's staging directory, and updates the
// `integrity` hash index.html carries for `app.js`. Release builds only.
import { transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';

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
}
