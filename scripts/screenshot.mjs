#!/usr/bin/env node
// Takes the README's screenshot of the side-by-side editor from browser mode, on a throwaway
// library: `npm run build && node scripts/screenshot.mjs` (needs Debian's chromium and Apertium).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-shot-'));
const server = spawn(process.execPath, [path.join(root, 'dist/main/web.cjs')], {
  env: { ...process.env, VERSO_DATA_DIR: dataDir, PORT: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (c) => {
    out += c;
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
    if (m) resolve(m[0]);
  });
  server.on('exit', () => reject(new Error(out)));
});

// The reference article's body, shipped as a fixture (a copy of ../shared/reference/published-article-example.txt).
const article = fs.readFileSync(path.resolve(root, 'main/testing/fixtures/reference-article-body.txt'), 'utf8');
const body = article
  .split(/\n\s*\n/)
  .map((b) => b.trim())
  .filter(Boolean);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Display name' }).fill('Elena Editor');
  await page.getByRole('radio', { name: 'Editor' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('textbox', { name: 'Article text' }).fill(`# ${body[0].split('. ')[0]}\n\n${body.join('\n\n')}`);
  await page.getByLabel('Format').selectOption('md');
  await page.getByLabel('Source language').selectOption('en');
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'Translate all' }).click();
  const rows = page.getByRole('table', { name: 'Paragraphs' }).getByRole('row');
  await rows
    .last()
    .getByRole('textbox', { name: 'Translation' })
    .and(page.locator(':not(:placeholder-shown)'))
    .waitFor()
    .catch(() => {});
  await page.waitForTimeout(1500);
  const first = rows.nth(1).getByRole('textbox', { name: 'Translation' });
  await first.fill(
    'El gigante chino del comercio electrónico Alibaba desmintió el sábado ante la agencia AFP un informe del Financial Times (FT). El artículo acusa a la empresa de apoyar las operaciones del ejército de Pekín contra Estados Unidos.',
  );
  await first.press('Control+Enter');
  await rows.nth(0).getByRole('button', { name: 'Sign off' }).click();
  await page.waitForTimeout(800);
  await page.evaluate(() => {
    // This callback runs in the page, where the browser's globals are.
    /* global document, window */
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: path.join(root, 'docs/editor.png') });
  console.log('Wrote docs/editor.png');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
