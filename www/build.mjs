// Pre-build step (Trunk's pre_build hook, and `cargo xtask`): writes www/gen/.
// - editor.js: the CodeMirror editor (www/editor/editor.js) bundled into an IIFE
//   (minified by terser for a release build).
// - ormlab.js, worker-boot.js, style.css: the hand-written page assets, minified for a
//   release build (copied as they are for `trunk serve`, so they stay readable there).
// index.html takes all four from www/gen/.
import { build, transform } from 'esbuild';
import { minify } from 'terser';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const www = dirname(fileURLToPath(import.meta.url));
const gen = join(www, 'gen');
const release = process.env.TRUNK_PROFILE !== 'debug';
const target = ['chrome110', 'firefox110', 'safari16'];

// @codemirror/lang-sql defines all its dialects at the top of its module. They are
// marked pure, but esbuild keeps a call whose arguments concatenate strings held in
// variables (`SQLKeywords + "..."`), so every dialect's keyword lists (PostgreSQL, MySQL,
// MSSQL, ...: ~20 KB) stayed in the bundle though only SQLite's is used. Wrapping each
// dialect's options in a pure arrow call lets esbuild drop the unused ones; the options
// passed are the same. When the source no longer has that shape, nothing is changed.
const dropUnusedSqlDialects = {
  name: 'drop-unused-sql-dialects',
  setup(b) {
    b.onLoad({ filter: /@codemirror[\\/]lang-sql[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(
        /(\/\*@__PURE__\*\/SQLDialect\.define\()(\{\n[\s\S]*?\n\})\);/g,
        (whole, call, options) => (options.includes('SQLDialect.define(')
          ? whole
          : `${call}/*@__PURE__*/(() => (${options}))());`),
      );
      if (contents === source) console.warn('build.mjs: lang-sql changed shape; its dialects stay whole');
      return { contents, loader: 'js' };
    });
  },
};

await mkdir(gen, { recursive: true });
// A release build leaves the minifying to terser (its compressor and mangler make the
// bundle 3.6 KB gzip smaller than esbuild's minifier): esbuild bundles and drops unused
// code (minifySyntax), terser minifies the whole IIFE (`toplevel`: nothing outside it
// names its variables).
const editor = await build({
  entryPoints: [join(www, 'editor', 'editor.js')],
  outfile: join(gen, 'editor.js'),
  bundle: true,
  minify: !release,
  minifySyntax: true,
  write: !release,
  format: 'iife',
  target,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [dropUnusedSqlDialects],
});
if (release) {
  const { code } = await minify(editor.outputFiles[0].text, {
    ecma: 2020,
    compress: { passes: 2, ecma: 2020, toplevel: true },
    mangle: { toplevel: true },
    format: { comments: false },
  });
  await writeFile(join(gen, 'editor.js'), code);
}
for (const [name, loader] of [['ormlab.js', 'js'], ['worker-boot.js', 'js'], ['style.css', 'css']]) {
  const source = await readFile(join(www, name), 'utf8');
  const out = release
    ? (await transform(source, { loader, minify: true, target, legalComments: 'none' })).code
    : source;
  await writeFile(join(gen, name), out);
}
