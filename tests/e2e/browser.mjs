// Shared setup for the end-to-end tests: Debian's Chromium through playwright-core.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const URL = process.env.ORMLAB_URL || 'http://127.0.0.1:8080/';
export const ARTIFACTS = join(process.cwd(), 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// The profiles launched here, removed when the test process exits (Chromium is gone by
// then; on a context's `close` it may still be writing its cache), not left in /tmp.
const profiles = [];
process.on('exit', () => {
  for (const p of profiles) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // (Best effort: a profile left behind is only disk space.)
    }
  }
});

/** A new empty profile directory named `prefix`..., removed when the test process exits. */
export function tempProfile(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  profiles.push(dir);
  return dir;
}

/** A fresh persistent profile (IndexedDB survives reloads within it). */
export async function launch() {
  const profile = tempProfile('ormlab-e2e-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 800 },
  });
  const page = context.pages()[0] || (await context.newPage());
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { context, page, consoleErrors };
}

/** Opens the app and waits until the engine says ready. */
export async function openApp(page) {
  await page.goto(URL);
  await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
}

/** Replaces the SQL editor's text (no key-by-key typing, so completion can't interfere). */
export async function setSql(page, text) {
  await page.getByTestId('tab-sql').click();
  await page.getByTestId('editor-sql').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Runs everything with Ctrl+Enter and waits until the engine is idle again. */
export async function runAll(page) {
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
}

/** Replaces the text of the models or script editor (`which` = 'models' | 'script'). */
export async function setPython(page, which, text) {
  await page.getByTestId(`tab-${which}`).click();
  await page.getByTestId(`editor-${which}`).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Clicks Run script and waits until the engine is idle again. */
export async function runScript(page) {
  await page.getByTestId('run-script').click();
  await page.getByTestId('status').filter({ hasText: 'ready' }).waitFor({ timeout: 60_000 });
}
