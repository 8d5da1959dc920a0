// Development server for the bench (what `cargo xtask bench` mounts, with the same headers):
// / = dist/, /bench/ = bench/page/, /vendor/sqljs/ = node_modules/sql.js/dist/. Loopback only.
//   node bench/serve.mjs [port]      (default 8091; BENCH_DIST=/other/dist serves another build at /)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const mounts = [
  ['/vendor/sqljs/', join(root, 'node_modules/sql.js/dist')],
  ['/bench/', join(root, 'bench/page')],
  ['/', process.env.BENCH_DIST || join(root, 'dist')],
];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };
const port = Number(process.argv[2] || 8091);

createServer(async (req, res) => {
  const path = decodeURIComponent(req.url.split(/[?#]/)[0]);
  const m = mounts.find(([p]) => path.startsWith(p));
  const rel = normalize(path.slice(m[0].length));
  let file = join(m[1], rel);
  try {
    if (rel.startsWith('..')) throw new Error('bad path');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Content-Length': body.length,
      'Cache-Control': 'no-cache', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`bench server on http://127.0.0.1:${port}/`));
