// Pre-build step (Trunk's pre_build hook, and `cargo xtask`): writes www/gen/.
// - editor.js: the CodeMirror editor (www/editor/editor.js) bundled into an IIFE.
// - ormlab.js, worker-boot.js, style.css: the hand-written page assets, minified for a
//   release build (copied as they are for `trunk serve`, so they stay readable there).
// index.html takes all four from www/gen/.
import { build, transform } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const www = dirname(fileURLToPath(import.meta.url));
const gen = join(www, 'gen');
const release = process.env.TRUNK_PROFILE !== 'debug';
const target = ['chrome110', 'firefox110', 'safari16'];

await mkdir(gen, { recursive: true });
await build({
  entryPoints: [join(www, 'editor', 'editor.js')],
  outfile: join(gen, 'editor.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const [name, loader] of [['ormlab.js', 'js'], ['worker-boot.js', 'js'], ['style.css', 'css']]) {
  const source = await readFile(join(www, name), 'utf8');
  const out = release
    ? (await transform(source, { loader, minify: true, target, legalComments: 'none' })).code
    : source;
  await writeFile(join(gen, name), out);
}
