/** Issue 14: the language pickers offer the common list and any valid BCP 47 tag, with a clear message for an invalid one. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

async function openImport() {
  fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
  return screen.findByRole('heading', { name: 'Import an article' });
}

describe('language picker: regional tags', () => {
  it('imports as en-US → es-MX through "Other language", typed in any case', async () => {
    const backend = await backendWithProfile();
    renderApp({ backend });
    await openImport();
    fireEvent.change(screen.getByRole('textbox', { name: 'Article text' }), { target: { value: 'Hello.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Source language' }), { target: { value: '__other__' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Source language: language tag' }), { target: { value: 'en-us' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Target language' }), { target: { value: '__other__' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Target language: language tag' }), { target: { value: 'ES_mx' } });
    expect(screen.getByText(/^es-MX: /)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(backend.callsOf('importDocument')).toHaveLength(1));
    expect(backend.callsOf('importDocument')[0]).toMatchObject({ sourceLang: 'en-US', targetLang: 'es-MX' });
  });

  it('says clearly when a typed tag is not valid, and keeps the common list', async () => {
    renderApp({ backend: await backendWithProfile() });
    await openImport();
    const target = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Target language' });
    expect([...target.options].map((o) => o.value)).toContain('pt-BR');
    fireEvent.change(target, { target: { value: '__other__' } });
    const tag = screen.getByRole('combobox', { name: 'Target language: language tag' });
    fireEvent.change(tag, { target: { value: 'spanish' } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      '“spanish” is not a valid language tag. Use a BCP 47 tag such as es-MX, en-GB or fr-CA (language, then region).',
    );
    expect(tag.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(tag, { target: { value: 'fr-CA' } });
    expect(screen.queryByRole('alert')).toBeNull();
    // Back to the common list: the tag field goes away.
    fireEvent.change(target, { target: { value: 'de' } });
    expect(screen.queryByRole('combobox', { name: 'Target language: language tag' })).toBeNull();
  });
});
