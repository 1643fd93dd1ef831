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

function rows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row');
}

const ARTICLE: ParagraphSeed[] = [
  { source: 'Storm hits the coast.', target: 'La tormenta azota la costa.', status: 'signed-off' },
  { source: 'Advertisement', target: 'Anuncio', status: 'machine' },
  { source: 'Schools stay open.', target: 'Las escuelas siguen abiertas.', status: 'translated' },
];

describe('Exclude from translation', () => {
  it('a row can be excluded and included again; it shows a badge naming who, and counts as done in the progress', async () => {
    const backend = await backendWithProfile('translator', 'Tomás Translator');
    const documentId = await openEditor(backend, ARTICLE);
    expect(screen.getByText('1 of 3 signed off')).toBeTruthy();
    // A translator cannot take signed-off text out of the publication: no button there.
    expect(within(rows()[0]!).queryByRole('button', { name: 'Exclude from translation' })).toBeNull();

    const advert = rows()[1]!;
    fireEvent.click(within(advert).getByRole('button', { name: 'Exclude from translation' }));
    const include = await within(advert).findByRole('button', { name: 'Include' });
    expect(advert.className).toContain('is-excluded');
    expect(within(advert).getByText('Excluded')).toBeTruthy();
    expect(within(advert).getByText('Excluded by Tomás Translator (translator)')).toBeTruthy();
    expect(screen.getByText(/1 of 2 signed off/).textContent).toBe('1 of 2 signed off · 1 excluded');
    expect(backend.callsOf('setParagraphsExcluded')).toEqual([
      { paragraphIds: [(await backend.api.getDocument({ documentId: documentId })).paragraphs[1]!.id], excluded: true },
    ]);
    // Its QA is not shown (it is done as it is), and the export panel offers what to do with it.
    expect(screen.getByLabelText('Excluded paragraphs')).toBeTruthy();

    fireEvent.click(include);
    await within(advert).findByRole('button', { name: 'Exclude from translation' });
    expect(within(advert).queryByText('Excluded')).toBeNull();
    expect(screen.getByText('1 of 3 signed off')).toBeTruthy();
    expect(screen.queryByLabelText('Excluded paragraphs')).toBeNull();
  });

  it('an editor is asked before excluding a signed-off paragraph, and the sign-off is withdrawn', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    const documentId = await openEditor(backend, ARTICLE);
    const first = rows()[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Exclude from translation' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Withdraw sign-offs?' });
    expect(dialog.textContent).toContain('Paragraph 1 is signed off. Excluding it withdraws its sign-off');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(backend.callsOf('setParagraphsExcluded')).toEqual([]);

    fireEvent.click(within(first).getByRole('button', { name: 'Exclude from translation' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Exclude and withdraw' }));
    await within(first).findByRole('button', { name: 'Include' });
    const id = (await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.id;
    expect(backend.callsOf('setParagraphsExcluded')).toEqual([{ paragraphIds: [id], excluded: true, withdrawSignOffs: true }]);
    expect(within(first).getByText('Confirmed')).toBeTruthy();
    expect(screen.getByText(/0 of 2 signed off/)).toBeTruthy();
    // An excluded row cannot be signed off, and bulk sign-off leaves it out.
    expect(within(first).getByRole<HTMLButtonElement>('button', { name: 'Sign off' }).disabled).toBe(true);
  });

  it('"Exclude shown" and "Include shown" act on what the filter shows; a translator leaves signed-off ones and is told', async () => {
    const backend = await backendWithProfile('translator');
    const documentId = await openEditor(backend, [...ARTICLE, { source: 'Share', target: 'Compartir', status: 'machine' }]);
    const ids = (await backend.api.getDocument({ documentId: documentId })).paragraphs.map((p) => p.id);
    expect(screen.queryByRole('button', { name: 'Exclude shown' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Find'), { target: { value: '^(Advertisement|Share|Storm.*)$' } });
    fireEvent.click(screen.getByLabelText('Regular expression'));
    expect(rows()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Exclude shown' }));
    await screen.findByText(
      '2 paragraphs excluded from translation. 1 signed-off paragraph was left as it is: only an editor can exclude it.',
    );
    expect(backend.callsOf('setParagraphsExcluded')).toEqual([{ paragraphIds: [ids[1], ids[3]], excluded: true }]);

    // The "Excluded from translation" filter shows them; "Include shown" brings them back.
    fireEvent.change(screen.getByLabelText('Find'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'excluded' } });
    expect(rows()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Include shown' }));
    await screen.findByText('2 paragraphs included in the translation again.');
    expect(within(screen.getByRole('table', { name: 'Paragraphs' })).queryAllByRole('row')).toHaveLength(0);
  });

  it('bulk sign-off and MT scopes leave excluded paragraphs out', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    const documentId = await openEditor(backend, [
      { source: 'One.', target: 'Uno.', status: 'translated' },
      { source: 'Tweet', target: 'Tuit', status: 'translated' },
      { source: 'Empty', status: 'new' },
    ]);
    const ids = (await backend.api.getDocument({ documentId: documentId })).paragraphs.map((p) => p.id);
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Exclude from translation' }));
    await within(rows()[1]!).findByRole('button', { name: 'Include' });
    fireEvent.click(within(rows()[2]!).getByRole('button', { name: 'Exclude from translation' }));
    await within(rows()[2]!).findByRole('button', { name: 'Include' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Translate empty only' }).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Sign off all confirmed' }));
    const yes = await screen.findByRole('button', { name: 'Yes, sign off' });
    fireEvent.click(yes);
    await waitFor(() => expect(screen.getByText(/1 of 1 signed off/)).toBeTruthy());
    expect(backend.callsOf('signOffReviewed')).toEqual([{ paragraphIds: [ids[0]], review: expect.any(Array) }]);
  });

  it('the export choice is stored with the document', async () => {
    const backend = await backendWithProfile('editor');
    const documentId = await openEditor(backend, ARTICLE);
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Exclude from translation' }));
    const choice = await screen.findByLabelText<HTMLSelectElement>('Excluded paragraphs');
    await waitFor(() => expect(choice.disabled).toBe(false));
    expect(choice.value).toBe('omit');
    fireEvent.change(choice, { target: { value: 'source' } });
    await waitFor(() => expect(backend.callsOf('setExclusionSettings')).toEqual([{ documentId, excludedExport: 'source' }]));
    expect(choice.value).toBe('source');
  });
});
