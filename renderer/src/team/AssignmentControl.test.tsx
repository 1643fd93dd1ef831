/** The editor header's Assignment (issue 16) over the real backend with the team stand-ins: an editor assigns, a translator only sees it. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';

afterEach(() => cleanup());

/** Connected as `user` (ed: editor, ana: translator), then a document imported: it is in the team. */
async function openDocumentInTeam(user: 'ed' | 'ana'): Promise<{ backend: TestBackend; documentId: string }> {
  const backend = await backendWithProfile(user === 'ed' ? 'editor' : 'translator', user === 'ed' ? 'Ed' : 'Ana', { team: true });
  await backend.api.saveTeamSettings({ host: '127.0.0.1', port: 5999, database: 'team', user, password: 'x', tls: 'none', caPem: null });
  await backend.api.syncTeamNow({});
  backend.team!.cacheMembers([
    { roleName: 'ana', displayName: 'Ana', teamRole: 'translator' },
    { roleName: 'tina', displayName: 'Tina', teamRole: 'translator' },
    { roleName: 'ed', displayName: 'Ed', teamRole: 'editor' },
    { roleName: 'eddie', displayName: 'Eddie', teamRole: 'editor' },
  ]);
  const doc = await backend.seedDocument([{ source: 'One.' }], { title: 'The story' });
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return { backend, documentId: doc.id };
}

describe('document assignment', () => {
  it('an editor chooses a translator and an editor and assigns; the line shows it', async () => {
    const { backend, documentId } = await openDocumentInTeam('ed');
    expect(await screen.findByText('Not assigned yet.')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Assignment' });
    const translator = within(group).getByRole('combobox', { name: 'Translator' });
    const editor = within(group).getByRole('combobox', { name: 'Editor' });
    await waitFor(() => expect(within(translator).getAllByRole('option')).toHaveLength(5));
    // The editor slot lists editors only (and Nobody).
    expect(
      within(editor)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Nobody', 'Ed', 'Eddie']);
    fireEvent.change(translator, { target: { value: 'tina' } });
    fireEvent.change(editor, { target: { value: 'eddie' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Assigned: translator Tina, editor Eddie')).toBeTruthy();
    await waitFor(() => expect(within(group).getByRole('status').textContent).toContain('Assignment saved'));
    expect(await backend.api.getDocumentAssignment({ documentId })).toMatchObject({
      translator: { roleName: 'tina' },
      editor: { roleName: 'eddie' },
    });
  });

  it('a translator sees the assignment but cannot change it', async () => {
    const { backend, documentId } = await openDocumentInTeam('ana');
    backend.team!.assign(documentId, { translator: 'tina', editor: null });
    cleanup();
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    expect(await screen.findByText('Assigned: translator Tina, editor nobody')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Assignment' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Assign' })).toBeNull();
  });
});
