// Bundles the CodeMirror editor (www/editor/editor.js) into www/gen/editor.js.
// Run by Trunk's pre_build hook (see Trunk.toml) and by `cargo xtask`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, 'editor.js')],
  outfile: join(here, '..', 'gen', 'editor.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  legalComments: 'none',
  logLevel: 'warning',
});
