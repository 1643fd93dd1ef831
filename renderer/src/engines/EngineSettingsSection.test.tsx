import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

async function openSettings() {
  const backend = await backendWithProfile('editor');
  const rendered = renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Machine translation engines' });
  return rendered;
}

describe('engine settings', () => {
  it('saves an online engine with its key, then shows only that a key is set', async () => {
    const { backend, container } = await openSettings();
    const form = await screen.findByRole('form', { name: 'LibreTranslate (your own server)' });
    fireEvent.click(within(form).getByLabelText('Use LibreTranslate'));
    fireEvent.change(within(form).getByLabelText('Server address'), { target: { value: 'http://127.0.0.1:5000' } });
    const key = within(form).getByLabelText<HTMLInputElement>('API key (optional)');
    expect(key.type).toBe('password');
    fireEvent.change(key, { target: { value: 'lt-very-secret' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate settings' }));
    await within(form).findByText('LibreTranslate settings saved.');
    expect(backend.callsOf('saveEngineSettings')).toEqual([
      { engine: 'libretranslate', enabled: true, baseUrl: 'http://127.0.0.1:5000', apiKey: 'lt-very-secret' },
    ]);
    expect(within(form).getByLabelText<HTMLInputElement>('API key (optional)').value).toBe('');
    expect(within(form).getByText(/A key is stored on this computer\. It is never shown again/)).toBeTruthy();
    expect(container.innerHTML).not.toContain('lt-very-secret');

    // Removing the stored key.
    fireEvent.click(within(form).getByLabelText('Remove the stored key'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate settings' }));
    await waitFor(() => expect(backend.callsOf('saveEngineSettings')).toHaveLength(2));
    expect(backend.callsOf('saveEngineSettings')[1]).toEqual({
      engine: 'libretranslate',
      enabled: true,
      baseUrl: 'http://127.0.0.1:5000',
      clearKey: true,
    });
    expect(
      await within(form).findByText(/No key is set\. You can also set the environment variable VERSO_LIBRETRANSLATE_KEY/),
    ).toBeTruthy();
  });

  it('shows a translated error and keeps the typed values when saving fails', async () => {
    // The service's own refusal of an address it cannot use (ENGINE_URL_INVALID).
    await openSettings();
    const form = await screen.findByRole('form', { name: 'OpenAI-compatible (Ollama, llama.cpp, LM Studio, vLLM, cloud)' });
    fireEvent.change(within(form).getByLabelText('Server address'), { target: { value: 'ftp://x' } });
    fireEvent.change(within(form).getByLabelText('Model'), { target: { value: 'llama3.1:8b' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save OpenAI-compatible settings' }));
    expect(await within(form).findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('not a usable server address'));
    expect(within(form).getByLabelText<HTMLInputElement>('Model').value).toBe('llama3.1:8b');
  });

  it('sets and removes the default engine of a language pair', async () => {
    const { backend } = await openSettings();
    const section = await screen.findByRole('region', { name: 'Default engine per language pair' });
    const set = within(section).getByRole<HTMLButtonElement>('button', { name: 'Set default' });
    await waitFor(() => expect(set.disabled).toBe(false));
    fireEvent.click(set);
    await waitFor(() =>
      expect(backend.callsOf('setDefaultEngine')).toEqual([{ sourceLang: 'en', targetLang: 'es', engineId: 'apertium' }]),
    );
    expect(await within(section).findByText(/English → Spanish uses Apertium/)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Remove the default for English → Spanish' }));
    expect(await within(section).findByText(/No defaults yet/)).toBeTruthy();
  });

  it('asks for "Allow unencrypted connection" only for plain http:// to another computer, and sends it only then', async () => {
    const { backend } = await openSettings();
    const form = await screen.findByRole('form', { name: 'LibreTranslate (your own server)' });
    const url = within(form).getByLabelText('Server address');
    fireEvent.change(url, { target: { value: 'http://localhost:5000' } });
    expect(within(form).queryByLabelText('Allow unencrypted connection')).toBeNull();
    fireEvent.change(url, { target: { value: 'http://10.0.0.7:5000' } });
    const allow = within(form).getByLabelText<HTMLInputElement>('Allow unencrypted connection');
    expect(allow.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(allow.getAttribute('aria-describedby')!)?.textContent).toMatch(/would travel unencrypted/);
    fireEvent.click(allow);
    fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate settings' }));
    await within(form).findByText('LibreTranslate settings saved.');
    expect(backend.callsOf('saveEngineSettings')[0]).toEqual({
      engine: 'libretranslate',
      enabled: false,
      baseUrl: 'http://10.0.0.7:5000',
      allowUnencrypted: true,
    });
    expect(within(form).getByLabelText<HTMLInputElement>('Allow unencrypted connection').checked).toBe(true);
    // Switching to https:// hides the question; the consent is not sent for it.
    fireEvent.change(url, { target: { value: 'https://10.0.0.7:5000' } });
    expect(within(form).queryByLabelText('Allow unencrypted connection')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate settings' }));
    await waitFor(() => expect(backend.callsOf('saveEngineSettings')).toHaveLength(2));
    expect(backend.callsOf('saveEngineSettings')[1]).toEqual({
      engine: 'libretranslate',
      enabled: false,
      baseUrl: 'https://10.0.0.7:5000',
    });
  });

  it('warns that another server drops the stored key, and says so after saving', async () => {
    await openSettings();
    const form = await screen.findByRole('form', { name: 'LibreTranslate (your own server)' });
    const url = within(form).getByLabelText('Server address');
    fireEvent.change(url, { target: { value: 'https://lt.example.org' } });
    fireEvent.change(within(form).getByLabelText('API key (optional)'), { target: { value: 'lt-key-1234' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate settings' }));
    await within(form).findByText('LibreTranslate settings saved.');
    expect(within(form).queryByText(/saving drops the stored key/)).toBeNull();
    fireEvent.change(url, { target: { value: 'https://lt.example.org/v2' } });
    expect(within(form).queryByText(/saving drops the stored key/)).toBeNull();
    fireEvent.change(url, { target: { value: 'https://other.example.org' } });
    expect(within(form).getByText(/saving drops the stored key/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate settings' }));
    expect(
      await within(form).findByText('LibreTranslate settings saved. The stored key was removed because the server changed.'),
    ).toBeTruthy();
    expect(within(form).getByText(/No key is set/)).toBeTruthy();
  });
});
