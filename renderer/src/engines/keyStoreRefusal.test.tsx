import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

// The desktop app refuses to store an engine key without a real key store (main/electron/keyStoragePolicy.ts);
// the Settings form says why, in the interface language.
describe('engine key refused by the desktop key store', () => {
  for (const [code, text] of [
    ['KEY_STORE_PLAIN_TEXT', /no keyring \(GNOME Keyring or KWallet\) is running, so your system would keep it as plain text/],
    ['KEY_STORE_UNAVAILABLE', /offers no protected key store, and Verso never keeps keys as plain text/],
  ] as const) {
    it(`explains ${code} and keeps the form as typed`, async () => {
      const backend = await backendWithProfile('editor');
      renderApp({ backend });
      fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
      const form = await screen.findByRole('form', { name: 'LibreTranslate (your own server)' });
      backend.failNext('saveEngineSettings', { code, message: 'refused' });
      fireEvent.change(within(form).getByLabelText('Server address'), { target: { value: 'http://127.0.0.1:5000' } });
      fireEvent.change(within(form).getByLabelText('API key (optional)'), { target: { value: 'lt-secret' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Save LibreTranslate settings' }));
      const alert = await within(form).findByRole('alert');
      expect(alert.textContent).toMatch(text);
      expect(alert.textContent).toMatch(/VERSO_LIBRETRANSLATE_KEY/);
      expect(within(form).getByLabelText<HTMLInputElement>('Server address').value).toBe('http://127.0.0.1:5000');
    });
  }
});
