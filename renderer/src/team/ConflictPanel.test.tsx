/** The editor's Conflict view over the real backend (team stand-ins): both texts with authors, Keep mine / Keep theirs / Keep my edit, by keyboard. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';

afterEach(() => cleanup());

const at = '2026-12-03T10:00:00.000Z';

async function editorWithConflict(): Promise<{ backend: TestBackend; paragraphIds: string[] }> {
  const backend = await backendWithProfile('translator', 'Ana', { team: true });
  const doc = await backend.seedDocument(
    [
      { source: 'One.', target: 'Uno.', status: 'edited' },
      { source: 'Two.', target: 'Dos.', status: 'edited' },
    ],
    { title: 'The story' },
  );
  await backend.api.saveTeamSettings({
    host: '127.0.0.1',
    port: 5999,
    database: 'team',
    user: 'ana',
    password: 'x',
    tls: 'none',
    caPem: null,
  });
  await backend.api.syncTeamNow({});
  const [p1] = doc.paragraphs;
  backend.team!.setConflicts([
    {
      paragraphId: p1!.id,
      documentId: doc.id,
      head: { changeId: 'h1', text: 'Uno (de Ed).', author: 'ed', at },
      other: { changeId: 'o1', text: 'Uno (de Ana).', author: 'ana', at },
    },
  ]);
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return { backend, paragraphIds: doc.paragraphs.map((p) => p.id) };
}

describe('paragraph conflict', () => {
  it('shows Conflict and both texts labelled with their authors; only the paragraph in conflict', async () => {
    await editorWithConflict();
    const group = await screen.findByRole('group', { name: 'Two versions of paragraph 1' });
    expect(within(group).getByRole('figure', { name: /^Mine \(ana, / }).textContent).toContain('Uno (de Ana).');
    expect(within(group).getByRole('figure', { name: /^Theirs \(ed, / }).textContent).toContain('Uno (de Ed).');
    expect(screen.getAllByText('Conflict')).toHaveLength(1);
    expect(screen.queryByRole('group', { name: 'Two versions of paragraph 2' })).toBeNull();
  });

  it('Keep mine resolves with my change, and the conflict goes away', async () => {
    const { backend, paragraphIds } = await editorWithConflict();
    const group = await screen.findByRole('group', { name: 'Two versions of paragraph 1' });
    const keepMine = within(group).getByRole('button', { name: 'Keep mine' });
    keepMine.focus();
    expect(document.activeElement).toBe(keepMine);
    fireEvent.click(keepMine);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Two versions of paragraph 1' })).toBeNull());
    expect(backend.team!.resolved).toEqual([{ paragraphId: paragraphIds[0], keep: { changeId: 'o1' } }]);
    expect(screen.queryByText('Conflict')).toBeNull();
  });

  it('Keep theirs keeps the head; Keep my edit resolves with the text in the box', async () => {
    const { backend, paragraphIds } = await editorWithConflict();
    let group = await screen.findByRole('group', { name: 'Two versions of paragraph 1' });
    fireEvent.click(within(group).getByRole('button', { name: 'Keep theirs' }));
    await waitFor(() => expect(backend.team!.resolved).toHaveLength(1));
    expect(backend.team!.resolved[0]).toEqual({ paragraphId: paragraphIds[0], keep: { changeId: 'h1' } });

    cleanup();
    const second = await editorWithConflict();
    group = await screen.findByRole('group', { name: 'Two versions of paragraph 1' });
    const box = within(group.closest<HTMLElement>('[role="row"]')!).getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation' });
    fireEvent.change(box, { target: { value: 'Uno, de los dos.' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Keep my edit' }));
    await waitFor(() =>
      expect(second.backend.team!.resolved).toEqual([{ paragraphId: second.paragraphIds[0], keep: { text: 'Uno, de los dos.' } }]),
    );
  });
});
