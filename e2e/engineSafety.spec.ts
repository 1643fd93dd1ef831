/**
 * Engine settings that keep articles and keys safe, in browser mode: plain http:// to another
 * computer needs the explicit "Allow unencrypted connection" (with its warning), and a stored key
 * is dropped, saying so, when the server address moves to another host.
 */
import { test, expect } from './support/fixtures.js';
import { VersoPage } from './support/versoPage.js';

test('plain http:// to another computer needs "Allow unencrypted connection", with a warning; the choice is kept', async ({
  page,
  server,
}) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'OpenAI-compatible (Ollama, llama.cpp, LM Studio, vLLM, cloud)' });
  await form.getByLabel('Use OpenAI-compatible').check();
  await form.getByLabel('Model').fill('llama3.1:8b');

  // This computer over http:// needs no consent: no warning, no checkbox.
  await form.getByLabel('Server address').fill('http://127.0.0.1:11434/v1');
  await expect(form.getByLabel('Allow unencrypted connection')).toHaveCount(0);

  await form.getByLabel('Server address').fill('http://203.0.113.5/v1');
  const allow = form.getByLabel('Allow unencrypted connection');
  await expect(allow).toBeVisible();
  await expect(allow).not.toBeChecked();
  await expect(form.getByRole('note').filter({ hasText: 'would travel unencrypted' })).toBeVisible();

  // Saving without the consent is refused by main, with a clear message; nothing is saved.
  await form.getByRole('button', { name: 'Save OpenAI-compatible settings' }).click();
  await expect(form.getByRole('alert')).toContainText('unencrypted (http://) to another computer');
  await expect(form.getByText('OpenAI-compatible settings saved.')).toHaveCount(0);

  await allow.check();
  await form.getByRole('button', { name: 'Save OpenAI-compatible settings' }).click();
  await expect(form.getByText('OpenAI-compatible settings saved.')).toBeVisible();

  await page.reload();
  const again = page.getByRole('form', { name: 'OpenAI-compatible (Ollama, llama.cpp, LM Studio, vLLM, cloud)' });
  await expect(again.getByLabel('Server address')).toHaveValue('http://203.0.113.5/v1');
  await expect(again.getByLabel('Allow unencrypted connection')).toBeChecked();

  // https:// needs no consent either.
  await again.getByLabel('Server address').fill('https://203.0.113.5/v1');
  await expect(again.getByLabel('Allow unencrypted connection')).toHaveCount(0);
});

test('a stored key is not kept for another server: the form says so before saving and after', async ({ page, server }) => {
  const app = new VersoPage(page);
  await app.open(server.url);
  await app.setUpProfile('Tomás Translator', 'Translator');
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'LibreTranslate (your own server)' });
  await form.getByLabel('Use LibreTranslate').check();
  await form.getByLabel('Server address').fill('http://127.0.0.1:5000');
  await form.getByLabel('API key (optional)').fill('lt-e2e-key-0815');
  await form.getByRole('button', { name: 'Save LibreTranslate settings' }).click();
  await expect(form.getByText('LibreTranslate settings saved.')).toBeVisible();
  await expect(form.getByText(/A key is stored on this computer/)).toBeVisible();

  // Another path on the same server keeps the key (no notice).
  await form.getByLabel('Server address').fill('http://127.0.0.1:5000/translate-api');
  const notice = form.getByRole('note').filter({ hasText: 'saving drops the stored key' });
  await expect(notice).toHaveCount(0);

  // Another server: the notice before saving, and the key gone after.
  await form.getByLabel('Server address').fill('http://127.0.0.1:5001');
  await expect(notice).toBeVisible();
  await form.getByRole('button', { name: 'Save LibreTranslate settings' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'LibreTranslate settings saved. The stored key was removed because the server changed.',
  );
  await expect(form.getByText(/No key is set/)).toBeVisible();
  await expect(notice).toHaveCount(0);
});
