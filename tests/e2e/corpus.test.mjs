// A sample of the conformance corpus, run through the page: the `output` pane must hold
// exactly what the real Flask-SQLAlchemy printed (the .out files).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openApp, setPython, runScript, ARTIFACTS } from './browser.mjs';

const CORPUS = process.env.ORMLAB_CONFORMANCE || join(process.cwd(), '..', 'shared', 'conformance', 'scripts');
const SAMPLE = (process.env.ORMLAB_CORPUS_SAMPLE || '01,08,10,16,19,25,27,33').split(',');

let browser;
before(async () => {
  browser = await launch();
  await openApp(browser.page);
  await setPython(browser.page, 'models', '');
});
after(async () => {
  await browser?.context.close();
});

const scripts = existsSync(CORPUS)
  ? readdirSync(CORPUS).filter((f) => f.endsWith('.py') && SAMPLE.some((n) => f.startsWith(`${n}_`))).sort()
  : [];

test('the conformance corpus is present', () => {
  assert.ok(scripts.length > 0, `no corpus scripts found in ${CORPUS}`);
});

for (const file of scripts) {
  test(`corpus ${file} prints exactly what Flask-SQLAlchemy prints`, async () => {
    const { page } = browser;
    const source = readFileSync(join(CORPUS, file), 'utf8');
    const expected = readFileSync(join(CORPUS, file.replace(/\.py$/, '.out')), 'utf8');
    await setPython(page, 'script', source);
    await runScript(page);
    const output = await page.getByTestId('output').evaluate((el) => el.textContent);
    if (output !== expected) await page.screenshot({ path: join(ARTIFACTS, `corpus-${file}.png`) });
    assert.equal(output, expected);
  });
}

test('a script that ends inside a transaction leaves the next run a fresh database', async () => {
  const { page } = browser;
  // Uncommitted raw SQL and a flushed object: the run ends with its transaction open.
  await setPython(page, 'script', [
    'class T(db.Model):',
    '    id = db.Column(db.Integer, primary_key=True)',
    '',
    '',
    'db.create_all()',
    "db.session.execute(text('CREATE TABLE ev (id INTEGER PRIMARY KEY)'))",
    "db.session.execute(text('INSERT INTO ev VALUES (1)'))",
    'db.session.add(T())',
    'db.session.flush()',
    "print(T.query.count(), db.session.execute(text('select count(*) from ev')).scalar())",
  ].join('\n'));
  await runScript(page);
  assert.equal(await page.getByTestId('output').evaluate((el) => el.textContent), '1 1\n');
  await setPython(page, 'script', 'print(db.session.execute(text("select count(*) from sqlite_master")).scalar())');
  await runScript(page);
  assert.equal(await page.getByTestId('output').evaluate((el) => el.textContent), '0\n');
  assert.doesNotMatch(await page.getByTestId('errors').evaluate((el) => el.textContent), /in use/);
});

test('runaway recursion through properties, dunders and __init__ raises RecursionError and the page lives on', async () => {
  const { page } = browser;
  // Each path the interpreter calls Python code by itself takes more of the browser's
  // native stack per level than a plain call: the engine worker must raise, not die.
  const cases = {
    getter: 'class A:\n    @property\n    def p(self):\n        return self.p\nA().p',
    setter: 'class A:\n    @property\n    def p(self):\n        return 1\n    @p.setter\n    def p(self, v):\n        self.p = v\nA().p = 1',
    eq: 'class A:\n    def __eq__(self, o):\n        return self == o\nA() == 1',
    init: 'class A:\n    def __init__(self):\n        A()\nA()',
    len: 'class A:\n    def __len__(self):\n        return len(self)\nlen(A())',
    repr: 'class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())',
    iter: 'class A:\n    def __iter__(self):\n        return iter(list(self))\nlist(A())',
    model: 'class M(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n    @property\n    def p(self):\n        return self.p\nM().p',
  };
  const lines = Object.entries(cases).map(([name, body]) =>
    `try:\n${body.replace(/^/gm, '    ')}\nexcept RecursionError as e:\n    print(${JSON.stringify(name)}, type(e).__name__)`);
  await setPython(page, 'script', `${lines.join('\n')}\nprint('still running')\n`);
  await runScript(page);
  const output = await page.getByTestId('output').evaluate((el) => el.textContent);
  const expected = `${Object.keys(cases).map((n) => `${n} RecursionError\n`).join('')}still running\n`;
  if (output !== expected) await page.screenshot({ path: join(ARTIFACTS, 'recursion.png') });
  assert.equal(output, expected);
});
