// Pre-build step (Trunk's pre_build hook, and `cargo xtask`): writes www/gen/.
// - editor/: the CodeMirror editor (www/editor/editor.js) bundled as ES modules: editor.js
//   (what the page loads: for a release build one module with the chunks it shares with
//   the lazy modules, see mergeFirstLoad), the chunks of lazy-sql.js and lazy-search.js (the
//   SQL language and the search panel, loaded when first needed), minified by terser for a
//   release build.
// - ormlab.js, worker-boot.js, style.css: the hand-written page assets, minified for a
//   release build (copied as they are for `trunk serve`, so they stay readable there).
// index.html takes all four from www/gen/.
import { build, transform } from 'esbuild';
import { minify } from 'terser';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const www = dirname(fileURLToPath(import.meta.url));
const gen = join(www, 'gen');
const release = process.env.TRUNK_PROFILE !== 'debug';
const target = ['chrome110', 'firefox113', 'safari16.4'];

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

// @codemirror/lang-python imports @codemirror/autocomplete for its own completion sources
// (snippets, builtins, local names), which ormlab does not use (its completion source is
// in editor.js). esbuild assigns modules to chunks by their import edges before dropping
// unused code, so that import alone put the completion popup's module in the first load,
// though only lazy-edit.js (loaded at an editor's first focus) and lazy-sql.js use it.
// The import is replaced with inert stand-ins for the three helpers, which only the unused
// sources call. When the source no longer has that shape, nothing is changed.
const pythonWithoutCompletion = {
  name: 'python-without-completion',
  setup(b) {
    b.onLoad({ filter: /@codemirror[\\/]lang-python[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(
        /import \{ snippetCompletion, ifNotIn, completeFromList \} from '@codemirror\/autocomplete';/,
        'const snippetCompletion = () => null, ifNotIn = () => null, completeFromList = () => null;',
      );
      if (contents === source) console.warn('build.mjs: lang-python changed shape; it keeps its completion import');
      return { contents, loader: 'js' };
    });
  },
};

// What a first visit loads of the editor as one module: esbuild's splitting leaves
// editor.js and the chunks it shares with the lazy modules in separate files, each
// compressed on its own (a gzip stream learns nothing from the files before it). This
// bundles editor.js with those chunks (esbuild again, scope-hoisted: pass 1's modules
// served from memory, the lazy modules left external) into editor.js, which also exports
// what the lazy modules and chunks took from the first-load chunks, under short names
// (`$0`, `$1`...); their imports are rewritten to take those from editor.js (and an import
// of a first-load chunk for its side effects becomes one of editor.js). `files`
// (name → text) is updated in place: the first-load chunks go (-1.3 KB gzip).
async function mergeFirstLoad(files, firstLoad) {
  const importFrom = /\bimport\s*\{([^}]*)\}\s*from\s*"\.\/(chunk-[\w-]+\.js)";?/g;
  const items = (list) => list.split(',').map((i) => i.trim()).filter(Boolean)
    .map((i) => { const [name, local = name] = i.split(/\s+as\s+/); return { name, local }; });
  const shared = new Map();
  const later = [...files.keys()].filter((name) => !firstLoad.has(name));
  for (const name of later) {
    for (const [, list, chunk] of files.get(name).matchAll(importFrom)) {
      if (!firstLoad.has(chunk)) continue;
      for (const { name: item } of items(list)) {
        const key = `${chunk} ${item}`;
        if (!shared.has(key)) shared.set(key, `$${shared.size.toString(36)}`);
      }
    }
  }
  const entry = ['import "./editor.js";'];
  for (const [key, exported] of shared) {
    const [chunk, item] = key.split(' ');
    entry.push(`export { ${item} as ${exported} } from "./${chunk}";`);
  }
  const memory = {
    name: 'first-load-in-memory',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.path === 'entry') return { path: 'entry', namespace: 'pass1' };
        const name = args.path.replace(/^\.\//, '');
        return firstLoad.has(name) ? { path: name, namespace: 'pass1' } : { path: args.path, external: true };
      });
      b.onLoad({ filter: /.*/, namespace: 'pass1' }, (args) => ({
        contents: args.path === 'entry' ? entry.join('\n') : files.get(args.path), loader: 'js',
      }));
    },
  };
  const merged = await build({
    entryPoints: ['entry'],
    bundle: true,
    format: 'esm',
    minifySyntax: true,
    minifyIdentifiers: true,
    write: false,
    target,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [memory],
  });
  for (const name of firstLoad) files.delete(name);
  files.set('editor.js', merged.outputFiles[0].text);
  for (const name of later) {
    const text = files.get(name).replace(importFrom, (whole, list, chunk) => {
      if (!firstLoad.has(chunk)) return whole;
      const taken = items(list).map(({ name: item, local }) => `${shared.get(`${chunk} ${item}`)} as ${local}`);
      return `import { ${taken.join(', ')} } from "./editor.js";`;
    }).replace(/\bimport\s*"\.\/(chunk-[\w-]+\.js)";?/g, (whole, chunk) => (firstLoad.has(chunk) ? 'import "./editor.js";' : whole));
    for (const chunk of firstLoad) {
      if (chunk !== "editor.js" && text.includes(`"./${chunk}"`)) throw new Error(`${name} still names ${chunk}`);
    }
    files.set(name, text);
  }
}

await mkdir(gen, { recursive: true });
// A release build leaves the minifying to terser (its compressor and mangler make the
// bundle 3.6 KB gzip smaller than esbuild's minifier): esbuild bundles, drops unused code
// (minifySyntax) and gives the names the chunks import from each other short ones
// (minifyIdentifiers); terser minifies each module. The chunks' names carry a hash, so the
// folder is emptied first (no stale chunk is copied into dist/).
const editorDir = join(gen, 'editor');
await rm(editorDir, { recursive: true, force: true });
await rm(join(gen, 'editor.js'), { force: true });
const editor = await build({
  entryPoints: ['editor.js', 'lazy-sql.js', 'lazy-search.js', 'lazy-edit.js'].map((f) => join(www, 'editor', f)),
  outdir: editorDir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: !release,
  minifySyntax: true,
  minifyIdentifiers: true,
  write: !release,
  target,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [dropUnusedSqlDialects, pythonWithoutCompletion],
});
if (release) {
  await mkdir(editorDir, { recursive: true });
  // Chunks the page's editor.js does not import (statically, through other chunks) are
  // only ever loaded by a lazy-*.js module: they are named lazy-chunk-*.js, so that what a
  // first visit downloads is every file but lazy-*.js (xtask's dist_size, bench.mjs).
  const files = new Map(editor.outputFiles.map((f) => [basename(f.path), f.text]));
  const staticImports = (text) =>
    [...text.matchAll(/\b(?:from|import)\s*"\.\/([\w.-]+)"/g)].map((m) => m[1]);
  const firstLoad = new Set();
  for (const stack = ['editor.js']; stack.length;) {
    const name = stack.pop();
    if (firstLoad.has(name) || !files.has(name)) continue;
    firstLoad.add(name);
    stack.push(...staticImports(files.get(name)));
  }
  await mergeFirstLoad(files, firstLoad);
  const renamed = (name) => (name.startsWith('chunk-') && !firstLoad.has(name) ? `lazy-${name}` : name);
  for (const [name, text] of files) {
    const linked = text.replace(/"\.\/(chunk-[\w-]+\.js)"/g, (_, n) => `"./${renamed(n)}"`);
    const { code } = await minify(linked, {
      ecma: 2020,
      module: true,
      compress: { passes: 2, ecma: 2020, toplevel: true },
      mangle: { toplevel: true },
      format: { comments: false },
    });
    await writeFile(join(editorDir, renamed(name)), code);
  }
}
for (const [name, loader] of [['ormlab.js', 'js'], ['worker-boot.js', 'js'], ['style.css', 'css']]) {
  const source = await readFile(join(www, name), 'utf8');
  const out = release
    ? (await transform(source, { loader, minify: true, target, legalComments: 'none' })).code
    : source;
  await writeFile(join(gen, name), out);
}
