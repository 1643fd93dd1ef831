/**
 * Long documents in browser mode: a file over the old 5,000-paragraph cap imports and opens;
 * Translate all shows its progress moving and Cancel stops the job at once, keeping what was
 * translated (checked in the library through the bridge, before and after a pause).
 */
import { test, expect } from './support/fixtures.js';
import type { RunningServer } from './support/server.js';
import { VersoPage } from './support/versoPage.js';

async function invoke<T>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T };
  expect(body.ok).toBe(true);
  return body.value;
}

async function machineCount(server: RunningServer): Promise<{ machine: number; total: number }> {
  const [doc] = await invoke<{ id: string }[]>(server, 'listDocuments', {});
  const detail = await invoke<{ paragraphs: { status: string }[] }>(server, 'getDocument', { documentId: doc!.id });
  return { machine: detail.paragraphs.filter((p) => p.status === 'machine').length, total: detail.paragraphs.length };
}

test('a text file of 5,500 paragraphs (over the old cap of 5,000) imports and opens', async ({ page, server }) => {
  test.setTimeout(240_000);
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  const text = Array.from({ length: 5_500 }, (_, i) => `Paragraph ${i + 1} of the long report.`).join('\n\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Choose file').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByLabel('Source language').selectOption('en');
  await page.getByLabel('Target language').selectOption('es');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.translation(0)).toBeVisible({ timeout: 120_000 });
  await expect(app.row(0)).toContainText('Paragraph 1 of the long report.');
  expect(await machineCount(server)).toEqual({ machine: 0, total: 5_500 });
});

test('Translate all shows its progress moving; Cancel stops it at once and keeps what was translated', async ({ page, server }) => {
  test.setTimeout(180_000);
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  const sentences = [
    'The council said the river had risen overnight and that the bridge would stay closed.',
    'Volunteers filled sandbags in the square while firefighters pumped water from cellars.',
    'Officials expect the water to fall by the weekend if the rain stops as forecast.',
  ];
  const text = Array.from({ length: 1_200 }, (_, i) => `Item ${i + 1}: ${sentences[i % 3]}`).join('\n\n');
  await app.importText(text, { source: 'en', target: 'es' });
  await expect(app.translation(0)).toBeVisible({ timeout: 60_000 });

  await app.translateAll();
  const bar = page.getByRole('progressbar', { name: 'Translation progress' });
  await expect(bar).toBeVisible();
  // The bar moves while the job runs (progress comes about ten times a second).
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Machine translation cancelled.')).toBeVisible();
  await expect(bar).toBeHidden();

  const atCancel = await machineCount(server);
  expect(atCancel.machine).toBeGreaterThan(0);
  expect(atCancel.machine).toBeLessThan(1_200);
  // Nothing more is written after the job said it was cancelled.
  await page.waitForTimeout(1_500);
  expect(await machineCount(server)).toEqual(atCancel);
  await expect(app.row(0)).toContainText('Machine translation');
});
