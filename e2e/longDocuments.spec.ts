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
  await expect(page.getByRole('heading', { level: 1, name: /Paragraph 1 of the long report/ })).toBeVisible({ timeout: 120_000 });
  await expect(app.translation(0)).toBeVisible({ timeout: 120_000 });
  expect(await machineCount(server)).toEqual({ machine: 0, total: 5_500 });
});

/** Several sentences a paragraph: the engine works a while on few rows. */
function longArticle(paragraphs: number): string {
  const sentences = [
    'The council said the river had risen overnight and that the bridge would stay closed until engineers had inspected it.',
    'Volunteers filled sandbags in the square while firefighters pumped water from the cellars of the old town.',
    'Officials expect the water to fall by the weekend if the rain stops as forecast, but warned that more storms may follow.',
    'Schools near the river will stay closed on Monday, and buses will take a longer route around the flooded district.',
  ];
  return Array.from({ length: paragraphs }, (_, i) => `Item ${i + 1}: ${sentences.map((_, k) => sentences[(i + k) % 4]!).join(' ')}`).join(
    '\n\n',
  );
}

test('Translate all shows its progress moving until every paragraph has MT', async ({ page, server }) => {
  test.setTimeout(180_000);
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await app.importText(longArticle(300), { source: 'en', target: 'es' });
  await expect(app.translation(0)).toBeVisible({ timeout: 60_000 });
  // Every frame, the bar's value while it is there (a frame that cannot run is one the user does not see either).
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const sample = (): void => {
      const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Translation progress"]');
      if (bar && bar.value !== seen[seen.length - 1]) seen.push(bar.value);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await app.translateAll();
  await expect(page.getByText('Machine translation finished.')).toBeVisible({ timeout: 120_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.filter((v) => v > 0 && v < 300).length).toBeGreaterThanOrEqual(2);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(await machineCount(server)).toEqual({ machine: 300, total: 300 });
});

test('Cancel stops Translate all at once and keeps what was translated', async ({ page, server }) => {
  test.setTimeout(180_000);
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await app.importText(longArticle(600), { source: 'en', target: 'es' });
  await expect(app.translation(0)).toBeVisible({ timeout: 60_000 });

  await app.translateAll();
  const bar = page.getByRole('progressbar', { name: 'Translation progress' });
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Machine translation cancelled.')).toBeVisible();
  await expect(bar).toBeHidden();

  const atCancel = await machineCount(server);
  expect(atCancel.machine).toBeLessThan(600);
  // Nothing more is written after the job said it was cancelled.
  await page.waitForTimeout(1_500);
  expect(await machineCount(server)).toEqual(atCancel);
});
