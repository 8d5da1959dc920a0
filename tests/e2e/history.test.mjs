// Run history: every script and SQL run is appended to the workspace store with the code that ran;
// the History view lists them, restores their code into the editors, and clears them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openApp, setSql, setPython, runAll, runScript, ARTIFACTS, URL } from './browser.mjs';

/** Every stored history record (all workspaces), oldest first, with its key. */
function readHistory(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('ormlab-workspace');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('history').objectStore('history');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        open.result.close();
        resolve(values.result.map((v, i) => ({ key: keys.result[i], ...v })));
      };
      values.onerror = () => reject(values.error);
    };
  }));
}

/** Waits until `read()` gives `n` items (the history is written just after the run shows). */
async function until(page, read, n, what) {
  let got = [];
  for (let i = 0; i < 100; i++) {
    got = await read();
    if (got.length === n) return got;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: expected ${n}, got ${got.length}`);
}

const entries = (page) => page.getByTestId('history-entry');
/** The text of an editor (its tab is shown first: a hidden editor has no line breaks in innerText). */
async function editorText(page, which) {
  await page.getByTestId(`tab-${which}`).click();
  return page.locator(`[data-testid="editor-${which}"] .cm-content`).innerText();
}

async function openHistory(page) {
  await page.getByTestId('history-open').click();
  await page.getByTestId('history').waitFor();
}

async function shownEntries(page, n) {
  await until(page, async () => new Array(await entries(page).count()), n, 'history entries shown');
  return entries(page);
}

test('script and SQL runs are recorded with their code and survive a reload', async () => {
  const { context, page } = await launch();
  try {
    await openApp(page);
    const models = await editorText(page, 'models');
    await runScript(page);
    await setSql(page, 'select nope;');
    await runAll(page);
    const runs = await until(page, () => readHistory(page), 2, 'stored runs');
    assert.deepEqual(runs.map((r) => [r.kind, r.ok]), [['script', true], ['sql', false]]);
    assert.match(runs[1].summary, /no such column: nope/);
    assert.equal(runs[1].sql, 'select nope;');
    // (innerText doubles an editor's blank lines.)
    const lines = (t) => t.split('\n').filter((l) => l.trim()).join('\n');
    assert.equal(lines(runs[0].models), lines(models));
    assert.equal(typeof runs[0].script, 'string');
    assert.equal(runs[0].sql, undefined);
    await page.reload();
    await openApp(page);
    assert.equal((await readHistory(page)).length, 2);
  } finally {
    await context.close();
  }
});

test('the History view lists runs newest first, restores one, follows new runs, and clears', async () => {
  const { context, page, consoleErrors } = await launch();
  try {
    await openApp(page);
    const script = await editorText(page, 'script');
    await setSql(page, 'select 1 as first_run;');
    await runAll(page);
    await runScript(page);
    // Change both editors after the runs.
    await setSql(page, 'select 2 as changed;');
    await setPython(page, 'script', 'print("changed")');

    await openHistory(page);
    const list = await shownEntries(page, 2);
    assert.equal(await page.getByTestId('output').isVisible(), false, 'the history replaces the output');
    assert.equal(await list.nth(0).getAttribute('data-kind'), 'script');
    assert.equal(await list.nth(1).getAttribute('data-kind'), 'sql');
    assert.match(await list.nth(0).innerText(), /script/);
    assert.match(await list.nth(1).innerText(), /SQL[\s\S]*1 statement[\s\S]*select 1 as first_run;/);
    assert.match(await list.nth(1).locator('time').innerText(), /\d\d:\d\d/);

    // Light and dark screenshots of the open panel (1366x800).
    await page.screenshot({ path: join(ARTIFACTS, 'history-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ARTIFACTS, 'history-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow})`);

    // Restore the SQL run: the SQL editor holds its text again, shown, not run.
    await list.nth(1).getByTestId('history-restore').click();
    assert.equal(await page.getByTestId('tab-sql').getAttribute('aria-selected'), 'true');
    assert.equal(await editorText(page, 'sql'), 'select 1 as first_run;');
    assert.match(await list.nth(1).getByTestId('history-restore').innerText(), /Restored/);
    // Restore the script run: script.py is back (and shown).
    await list.nth(0).getByTestId('history-restore').click();
    assert.equal(await page.getByTestId('tab-script').getAttribute('aria-selected'), 'true');
    assert.equal(await editorText(page, 'script'), script);
    assert.equal((await readHistory(page)).length, 2, 'restoring does not run anything');

    // A run while the view is open appears at the top; the Output tab says there is news.
    await page.getByTestId('run-sql').click();
    await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor();
    await shownEntries(page, 3);
    assert.equal(await entries(page).nth(0).getAttribute('data-kind'), 'sql');
    assert.ok(await page.locator('[data-testid="tab-output"] .tab-dot').isVisible());
    await page.getByTestId('tab-output').click();
    assert.ok(await page.getByTestId('results').isVisible());
    assert.ok(!(await page.locator('[data-testid="tab-output"] .tab-dot').isVisible()));

    // After a reload the history is still there (and loads only when opened).
    await page.reload();
    await openApp(page);
    assert.equal(await page.getByTestId('history').count(), 0);
    await openHistory(page);
    await shownEntries(page, 3);

    // Clear (after confirming); it stays cleared.
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('history-clear').click();
    await shownEntries(page, 0);
    assert.match(await page.getByTestId('history').innerText(), /No runs yet/);
    assert.equal((await readHistory(page)).length, 0);
    await page.reload();
    await openApp(page);
    await openHistory(page);
    await page.getByTestId('history').getByText('No runs yet').waitFor();
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('older records without code are listed, not restorable; each workspace keeps its newest 200', async () => {
  const { context, page } = await launch();
  try {
    await openApp(page);
    // 205 records as ormlab wrote them before it kept the code.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('ormlab-workspace');
      open.onsuccess = () => {
        const tx = open.result.transaction('history', 'readwrite');
        const start = Date.now() - 86_400_000;
        for (let i = 0; i < 205; i++) {
          tx.objectStore('history').put(
            { kind: i % 2 ? 'sql' : 'script', summary: `last run: legacy ${i}`, ok: i % 3 !== 0, at: start + i },
            ['default', start + i, i]);
        }
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onabort = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    }));
    await openHistory(page);
    const list = await shownEntries(page, 205);
    assert.match(await list.nth(0).innerText(), /legacy 204/);
    assert.doesNotMatch(await list.nth(0).innerText(), /last run:/);
    assert.ok(await list.nth(0).getByTestId('history-restore').isDisabled());

    // One more run: the six oldest go, in the same transaction as the append.
    await setSql(page, 'select 42;');
    await runAll(page);
    const runs = await until(page, () => readHistory(page), 200, 'runs kept');
    assert.equal(runs[0].summary, 'last run: legacy 6');
    assert.equal(runs[199].sql, 'select 42;');
    await shownEntries(page, 200);
    assert.ok(await entries(page).nth(0).getByTestId('history-restore').isEnabled());
  } finally {
    await context.close();
  }
});

test('a duplicated workspace takes its history along; delete and undo keep it', async () => {
  const { context, page } = await launch();
  const ready = async () => {
    await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.ormlab.persistence.role === 'writer', null, { timeout: 30_000 });
  };
  try {
    await page.goto(`${URL}?ws=hist-a`);
    await ready();
    await setSql(page, 'select 7 as from_a;');
    await runAll(page);
    await until(page, () => readHistory(page), 1, 'stored runs');
    page.once('dialog', (d) => d.accept('hist-b'));
    await page.getByTestId('workspace-duplicate').click();
    await page.waitForURL(/ws=hist-b/);
    await ready();
    await openHistory(page);
    await shownEntries(page, 1);
    // Delete the copy, undo: its history is back with it.
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('workspace-delete').click();
    await page.waitForURL(/deleted=hist-b/);
    await ready();
    await page.getByTestId('workspace-undo').click();
    await page.waitForURL(/ws=hist-b$/);
    await ready();
    await openHistory(page);
    const list = await shownEntries(page, 1);
    await list.nth(0).getByTestId('history-restore').click();
    assert.equal(await editorText(page, 'sql'), 'select 7 as from_a;');
    // The default workspace has no runs of its own.
    await page.goto(URL);
    await ready();
    await openHistory(page);
    await page.getByTestId('history').getByText('No runs yet').waitFor();
  } finally {
    await context.close();
  }
});
