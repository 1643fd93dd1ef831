import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, createTestBackend, renderApp } from '../test/renderApp.js';

describe('first run', () => {
  it('asks for a profile, saves it and shows it in the top bar; Switch profile reopens the form', async () => {
    const { backend } = renderApp({ backend: await createTestBackend() });
    expect(await screen.findByRole('heading', { name: 'Set up your profile' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Library' })).toBeNull();

    // Nothing is sent without a name.
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a display name.');
    expect(backend.callsOf('setProfile')).toEqual([]);

    fireEvent.change(screen.getByRole('textbox', { name: 'Display name' }), { target: { value: '  Elena Editor ' } });
    const roles = screen.getByRole('radiogroup', { name: 'Role' });
    fireEvent.click(within(roles).getByRole('radio', { name: 'Editor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(backend.callsOf('setProfile')).toEqual([{ name: 'Elena Editor', role: 'editor' }]);
    expect(screen.getByText('Elena Editor · Editor')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Switch profile' }));
    expect(screen.getByRole('heading', { name: 'Set up your profile' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Library' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Display name' }), { target: { value: 'Tomás' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Translator' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Tomás · Translator')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Library' })).toBeTruthy();
  });
});

describe('library and settings', () => {
  it('lists documents with languages and sign-off progress, and opens one', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument([{ source: 'One.' }, { source: 'Two.', target: 'Dos.', status: 'signed-off' }], { title: 'A story' });
    renderApp({ backend });
    const open = await screen.findByRole('button', { name: 'A story' });
    const item = open.closest('li')!;
    expect(item.textContent).toContain('English → Spanish');
    expect(item.textContent).toContain('1 of 2 signed off');
    fireEvent.click(open);
    expect(await screen.findByRole('heading', { name: 'A story' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Back to library' }));
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
  });

  it('says so when the library is empty', async () => {
    renderApp({ backend: await backendWithProfile() });
    expect(await screen.findByText('No articles yet. Import one to begin.')).toBeTruthy();
  });

  it('edits and saves the publisher settings, and shows a refusal translated', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const publisher = await screen.findByRole('textbox', { name: 'Publisher' });
    fireEvent.change(publisher, { target: { value: 'Diario Ejemplo' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Contact e-mail' }), { target: { value: 'news@example.org' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Disclosure footer' }), { target: { value: 'when-mt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(await backend.api.getSettings({})).toMatchObject({
      publisher: 'Diario Ejemplo',
      contactEmail: 'news@example.org',
      footerPolicy: 'when-mt',
    });

    // A malformed address is refused by the service, worded by the app, and the saved one stays.
    fireEvent.change(screen.getByRole('textbox', { name: 'Contact e-mail' }), { target: { value: 'news at example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The settings are not valid. Check the contact e-mail address.'),
    );
    expect((await backend.api.getSettings({})).contactEmail).toBe('news@example.org');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
  });
});

describe('interface language', () => {
  it('switching to Deutsch changes the visible text and is remembered', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument([{ source: 'One.' }], { title: 'A story' });
    const { platform, i18n } = renderApp({ backend });
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(await screen.findByText('0 of 1 signed off')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Interface language' }), { target: { value: 'de' } });

    expect(await screen.findByRole('heading', { name: 'Bibliothek' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importieren' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Profil wechseln' })).toBeTruthy();
    expect(screen.getByText('0 von 1 freigegeben')).toBeTruthy();
    expect(screen.getByText('Englisch → Spanisch')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Sprache der Oberfläche' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Library' })).toBeNull();
    expect(platform.uiLanguage).toBe('de');
    expect(i18n.language).toBe('de');
  });
});
