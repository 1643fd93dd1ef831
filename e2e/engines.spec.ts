/**
 * An online MT engine as a user sets it up, in browser mode: LibreTranslate configured in the
 * settings screen (pointing at a LibreTranslate-compatible loopback server started by this test),
 * chosen for an article, used to translate it with provenance shown, one paragraph retranslated
 * (bypassing the cache, the earlier MT kept in the history), and the key never shown back.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';
import { startApertiumApy, startLibreTranslate, type LoopbackServer } from '../main/engines/testing/loopbackServers.js';

const KEY = 'lt-e2e-secret-4711';

let fake: LoopbackServer;
test.beforeEach(async () => {
  fake = await startLibreTranslate({ apiKey: KEY });
});
test.afterEach(async () => {
  await fake.close();
});

test('set up LibreTranslate, translate an article with it, see provenance, retranslate one paragraph; the key is never shown back', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  // Every reply of the bridge is checked for the key.
  const replies: Promise<string>[] = [];
  page.on('response', (r) => {
    // (Not the event stream: it stays open.)
    if (r.url().startsWith(server.origin) && !(r.headers()['content-type'] ?? '').includes('event-stream'))
      replies.push(r.text().catch(() => ''));
  });
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');

  // Settings → Machine translation engines → LibreTranslate.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Machine translation engines' })).toBeVisible();
  const form = page.getByRole('form', { name: 'LibreTranslate (your own server)' });
  await form.getByLabel('Use LibreTranslate').check();
  await form.getByLabel('Server address').fill(fake.url);
  await form.getByLabel('API key (optional)').fill(KEY);
  await form.getByRole('button', { name: 'Save LibreTranslate settings' }).click();
  await expect(form.getByText('LibreTranslate settings saved.')).toBeVisible();
  await expect(form.getByLabel('API key (optional)')).toHaveValue('');
  await expect(form.getByText(/A key is stored on this computer/)).toBeVisible();

  // After a reload (which keeps Settings open: the route is in the address) the key is still only "set".
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const again = page.getByRole('form', { name: 'LibreTranslate (your own server)' });
  await expect(again.getByLabel('Server address')).toHaveValue(fake.url);
  await expect(again.getByLabel('API key (optional)')).toHaveValue('');
  await expect(again.getByText(/A key is stored on this computer/)).toBeVisible();
  expect(await page.content()).not.toContain(KEY);
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  // An English → Spanish article: Apertium and LibreTranslate can both translate it; pick LibreTranslate.
  await app.importText('The house is red.\n\nThe dog is small.\n\nThe cat sleeps.', { source: 'en', target: 'es' });
  await expect(app.rows()).toHaveCount(3);
  const engine = page.getByLabel('Engine', { exact: true });
  await expect(engine).toBeEnabled();
  await engine.selectOption({ label: 'LibreTranslate' });
  await app.translateAll();
  await expect(page.getByRole('progressbar', { name: 'Translation progress' })).toBeHidden({ timeout: 30_000 });
  await expect(app.translation(0)).toHaveValue('[es] The house is red.');
  await expect(app.translation(2)).toHaveValue('[es] The cat sleeps.');

  // Provenance: engine, the server it ran on, and when.
  await expect(app.row(0)).toContainText('MT: LibreTranslate');
  const host = new URL(fake.url).host;
  await expect(app.row(0).getByLabel('Machine translation of paragraph 1')).toContainText(`libretranslate ${host}, produced`);
  const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/translate');
  expect(posts()).toHaveLength(1);
  expect(posts()[0]!.body).toMatchObject({
    q: ['The house is red.', 'The dog is small.', 'The cat sleeps.'],
    source: 'en',
    target: 'es',
    api_key: KEY,
  });

  // Retranslate paragraph 2: a new request (no cache), the new MT shown, the earlier one in the history.
  fake.script.push({ body: { translatedText: ['[es] El perro es pequeño.'] } });
  await app.row(1).getByRole('button', { name: 'Retranslate paragraph 2' }).click();
  await expect(app.translation(1)).toHaveValue('[es] El perro es pequeño.');
  expect(posts()).toHaveLength(2);
  expect(posts()[1]!.body).toMatchObject({ q: ['The dog is small.'] });
  await app.row(1).getByRole('button', { name: 'History', exact: true }).click();
  await expect(app.row(1)).toContainText('[es] The dog is small.');

  // The key never came back from the server.
  const bodies = await Promise.all(replies);
  expect(bodies.some((b) => b.includes('libretranslate'))).toBe(true);
  for (const text of bodies) expect(text).not.toContain(KEY);
});

test('points Verso at a running apertium-apy server and translates through it, unknown words shown', async ({ page, server }) => {
  const apy = await startApertiumApy({ unknown: ['Zorblax'] });
  try {
    const app = new VersoPage(page);
    await app.open(server.url);
    await app.setUpProfile('Tomás Translator', 'Translator');
    await page.getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Apertium server (apertium-apy)' });
    await form.getByLabel('Use Apertium server').check();
    await form.getByLabel('Server address').fill('not an address');
    await form.getByRole('button', { name: 'Save Apertium server settings' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await form.getByLabel('Server address').fill(apy.url);
    await form.getByRole('button', { name: 'Save Apertium server settings' }).click();
    await expect(form.getByText('Apertium server settings saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Back', exact: true }).click();

    await app.importText('Zorblax came home.\n\nThe dog is small.', { source: 'en', target: 'es' });
    await page.getByLabel('Engine', { exact: true }).selectOption({ label: 'Apertium server' });
    await app.translateAll();
    await expect(app.translation(0)).toHaveValue('[spa] Zorblax came home.');
    await expect(app.translation(1)).toHaveValue('[spa] The dog is small.');
    await expect(app.row(0)).toContainText('MT: Apertium server');
    await expect(app.row(0).getByLabel('Machine translation of paragraph 1')).toContainText(`apertium-apy ${new URL(apy.url).host}`);
    await expect(app.row(0)).toContainText('Words the engine did not know: Zorblax');
    await expect(app.row(0).locator('.source-text mark.unknown-word')).toHaveText(['Zorblax']);
    await expect(app.row(1)).not.toContainText('Words the engine did not know');
    const posts = apy.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => new URLSearchParams(String(r.body)).get('q'))).toEqual(['Zorblax came home.', 'The dog is small.']);
  } finally {
    await apy.close();
  }
});
