import type { ParagraphSeed } from '../../../shared/testing/testBackend.js';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';

async function openEditor(backend: TestBackend, paragraphs: ParagraphSeed[]): Promise<string> {
  const doc = await backend.seedDocument(paragraphs, { title: 'The story' });
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return doc.id;
}

const translations = () =>
  within(screen.getByRole('table', { name: 'Paragraphs' }))
    .getAllByRole('textbox', { name: 'Translation' })
    .map((t) => (t as HTMLTextAreaElement).value);

const ARTICLE: ParagraphSeed[] = [
  { source: 'Officials said so.', target: 'Oficiales dijeron que sí.', status: 'machine' },
  { source: 'The officials left; officials stayed.', target: 'Los oficiales se fueron; los oficiales se quedaron.', status: 'edited' },
  { source: 'OFFICIALS', target: 'OFICIALES', status: 'machine' },
  { source: 'Nothing.', target: 'Nada.', status: 'machine' },
];

function find(query: string, replacement: string): void {
  fireEvent.change(screen.getByLabelText('Find'), { target: { value: query } });
  fireEvent.change(screen.getByLabelText('Replace with'), { target: { value: replacement } });
}

describe('Replace all', () => {
  it('replaces every match in the shown translations, keeps case, reports the count, and undoes in one step', async () => {
    const backend = await backendWithProfile('translator');
    const documentId = await openEditor(backend, ARTICLE);
    find('oficiales', 'funcionarios');
    fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    await screen.findByText('Replaced 4 occurrences in 3 paragraphs.');
    // No translation matches the search any more: clear it to see every row.
    fireEvent.change(screen.getByLabelText('Find'), { target: { value: '' } });
    expect(translations()).toEqual([
      'Funcionarios dijeron que sí.',
      'Los funcionarios se fueron; los funcionarios se quedaron.',
      'FUNCIONARIOS',
      'Nada.',
    ]);
    const calls = backend.callsOf('replaceAllInTargets') as { documentId: string; changes: { occurrences: number }[] }[];
    expect(calls).toHaveLength(1);
    expect(calls[0]!.documentId).toBe(documentId);
    expect(calls[0]!.changes.map((c) => c.occurrences)).toEqual([1, 2, 1]);
    // The stored texts were read page by page, not as one whole-document reply.
    expect(backend.callsOf('getParagraphPage').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Undo replace all' }));
    await screen.findByText('Undid the replacement in 3 paragraphs.');
    expect(translations()).toEqual(ARTICLE.map((p) => p.target));
    expect(backend.callsOf('undoReplaceAll')).toHaveLength(1);
    // Focus does not fall to the page: Replace all is gone with the search, so the search box gets it.
    expect(document.activeElement).toBe(screen.getByLabelText('Find'));
    expect(screen.queryByRole('button', { name: 'Undo replace all' })).toBeNull();
  });

  it('only touches the shown paragraphs; "Match case" replaces literally', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, ARTICLE);
    find('oficiales', 'funcionarios');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'edited' } });
    fireEvent.click(screen.getByLabelText('Match case'));
    fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    await screen.findByText('Replaced 2 occurrences in 1 paragraph.');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Find'), { target: { value: '' } });
    expect(translations()).toEqual([ARTICLE[0]!.target, 'Los funcionarios se fueron; los funcionarios se quedaron.', 'OFICIALES', 'Nada.']);
  });

  it('asks first when it would withdraw sign-offs, and says how many', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await openEditor(backend, [
      { source: 'Officials.', target: 'Oficiales.', status: 'signed-off' },
      { source: 'The officials.', target: 'Los oficiales.', status: 'machine' },
    ]);
    find('oficiales', 'funcionarios');
    fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Withdraw sign-offs?' });
    expect(dialog.textContent).toContain('This replaces 2 occurrences in 2 paragraphs. Paragraph 1 is signed off');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(backend.callsOf('replaceAllInTargets')).toEqual([]);

    // (jsdom does not focus what is clicked; a browser does.)
    screen.getByRole('button', { name: 'Replace all' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace and withdraw' }));
    await screen.findByText('Replaced 2 occurrences in 2 paragraphs. The sign-off of paragraph 1 was withdrawn.');
    // The question gave the focus back to Replace all.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Replace all' }));
    expect((backend.callsOf('replaceAllInTargets')[0] as { withdrawSignOffs?: boolean }).withdrawSignOffs).toBe(true);
  });

  it('says so when nothing matches in the translations', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, ARTICLE);
    find('Officials', 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    await screen.findByText('No matches in the shown translations.');
    expect(backend.callsOf('replaceAllInTargets')).toEqual([]);
  });
});
