/** "Switch profile" lists the existing profiles; one with a passphrase-sealed key asks for it first. */
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createTestBackend, renderApp } from '../../test/renderApp.js';

async function setUp() {
  const backend = await createTestBackend();
  // Ana's signing key is sealed with a passphrase she set (unlockSigningKey makes it).
  const editor = await backend.seedProfile('editor', 'Ana García');
  await backend.api.unlockSigningKey({ passphrase: 'correct horse battery' });
  const other = await backend.seedProfile('translator', 'Olga');
  await backend.seedProfile('translator', 'Tomás');
  const rendered = renderApp({ backend });
  return { editor, other, ...rendered };
}

/** The top bar's "name · role". */
const topBar = () => screen.getByRole('banner').querySelector('.profile-current')?.textContent;

async function openSwitch() {
  fireEvent.click(await screen.findByRole('button', { name: 'Switch profile' }));
  return screen.findByRole('list', { name: 'Switch to an existing profile' });
}

describe('Switch profile', () => {
  it('lists every profile with its role, marks the current one, and focuses the first other profile', async () => {
    await setUp();
    const list = await openSwitch();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Ana García · Editor Signing passphrase neededUse profile Ana García',
      'Olga · TranslatorUse profile Olga',
      'Tomás · Translator (current)',
    ]);
    expect(items[2]!.getAttribute('aria-current')).toBe('true');
    expect(within(items[2]!).queryByRole('button')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Use profile Ana García' })));
    // Creating a new profile stays in the same form, with an empty name (the current one's is taken).
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Display name' }).value).toBe('');
  });

  it('switches at once to a profile without a passphrase', async () => {
    const { backend, other } = await setUp();
    await openSwitch();
    fireEvent.click(screen.getByRole('button', { name: 'Use profile Olga' }));
    await waitFor(() => expect(topBar()).toBe('Olga · Translator'));
    expect(screen.getByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(backend.callsOf('switchProfile')).toEqual([{ profileId: other.id }]);
  });

  it('asks for the passphrase of a sealed profile, refuses an empty and a wrong one, then switches', async () => {
    const { backend, editor } = await setUp();
    await openSwitch();
    fireEvent.click(screen.getByRole('button', { name: 'Use profile Ana García' }));
    const field = await screen.findByLabelText('Signing passphrase of Ana García');
    expect(document.activeElement).toBe(field);
    expect(backend.callsOf('switchProfile')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Switch to Ana García' }));
    expect((await screen.findByRole('alert')).textContent).toContain('enter that passphrase to switch to this profile');
    fireEvent.change(field, { target: { value: 'wrong horse battery' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This is not the passphrase'));
    expect(topBar()).toBe('Tomás · Translator');

    fireEvent.change(field, { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch to Ana García' }));
    await waitFor(() => expect(topBar()).toBe('Ana García · Editor'));
    expect(screen.getByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(backend.callsOf('switchProfile')).toEqual([
      { profileId: editor.id, passphrase: '' },
      { profileId: editor.id, passphrase: 'wrong horse battery' },
      { profileId: editor.id, passphrase: 'correct horse battery' },
    ]);
  });

  it('Escape in the passphrase field closes the question only; Escape again cancels the form', async () => {
    await setUp();
    await openSwitch();
    const use = screen.getByRole('button', { name: 'Use profile Ana García' });
    fireEvent.click(use);
    const field = await screen.findByLabelText('Signing passphrase of Ana García');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByLabelText('Signing passphrase of Ana García')).toBeNull();
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(document.activeElement).toBe(use);
    fireEvent.keyDown(use, { key: 'Escape' });
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeTruthy();
    expect(topBar()).toBe('Tomás · Translator');
  });

  it('creating a profile under an existing name is refused with the way to switch instead', async () => {
    const { backend } = await setUp();
    await openSwitch();
    fireEvent.change(screen.getByRole('textbox', { name: 'Display name' }), { target: { value: ' ana  garcía ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Editor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('A profile named Ana García already exists: switch to it above (Use profile Ana García)');
    expect((await backend.api.getProfile({}))?.name).toBe('Tomás');
    expect(topBar()).toBe('Tomás · Translator');
  });
});
