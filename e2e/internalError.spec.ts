/**
 * Issue 15, item 8 in browser mode: an error Verso does not expect says on screen where its details
 * are (the real log file in the data folder), and that file holds the stack.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

test('an unexpected failure names <data dir>/logs/verso.log, which has its details', async ({ page, server, dataDir }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  // A fault no service expects: every profile write fails inside SQLite.
  const db = new Database(path.join(dataDir, 'verso.sqlite'));
  db.exec(`CREATE TRIGGER boom BEFORE INSERT ON profiles BEGIN SELECT RAISE(ABORT, 'unexpected fault'); END`);
  db.close();
  await page.getByRole('textbox', { name: 'Display name' }).fill('Ana Translator');
  await page.getByRole('radiogroup', { name: 'Role' }).getByRole('radio', { name: 'Translator' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  const logFile = path.join(path.resolve(dataDir), 'logs', 'verso.log');
  await expect(page.getByRole('alert')).toHaveText(
    `Something went wrong inside Verso. The details were written to the log file ${logFile}.`,
  );
  const log = fs.readFileSync(logFile, 'utf8');
  expect(log).toMatch(/"method":"setProfile"/);
  expect(log).toMatch(/unexpected fault.*\\n\s+at /);
  expect(log).not.toContain(server.token);
});
