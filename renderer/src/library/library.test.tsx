/** The library screen: items, search, sort, rename, delete with confirmation, the deletion record. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

afterEach(() => cleanup());

function item(title: string): HTMLElement {
  return screen.getByRole('button', { name: title }).closest('li')!;
}

describe('library items', () => {
  it('show languages, paragraphs by status, the import date and the last change', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument(
      [
        { source: 'One.' },
        { source: 'Two.', target: 'Dos.', status: 'machine' },
        { source: 'Three.', target: 'Tres.', status: 'edited' },
        { source: 'Four.', target: 'Cuatro.', status: 'signed-off' },
      ],
      { title: 'Floods' },
    );
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Floods' });
    const li = item('Floods');
    expect(li.textContent).toContain('English → Spanish');
    expect(li.textContent).toContain('1 of 4 signed off');
    // Imported and changed just now (the real clock).
    const today = new Date().toLocaleDateString('en', { month: 'short', day: 'numeric', year: 'numeric' });
    expect(li.textContent).toContain(`Imported ${today}, `);
    expect(li.textContent).toMatch(/Imported .+, \d{1,2}:\d{2}/);
    expect(li.textContent).toContain(`Last change ${today}`);
    const counts = within(li).getByRole('list', { name: 'Paragraphs by status' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((c) => c.textContent),
    ).toEqual(['New 1', 'Machine translation 1', 'Edited 1', 'Confirmed 0', 'Signed off 1']);
  });

  it('count paragraphs excluded from translation apart, and as done in the progress', async () => {
    const backend = await backendWithProfile();
    const doc = await backend.seedDocument([{ source: 'Advertisement' }, { source: 'Two.', target: 'Dos.', status: 'signed-off' }], {
      title: 'Storm',
    });
    await backend.api.setParagraphsExcluded({ paragraphIds: [doc.paragraphs[0]!.id], excluded: true });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Storm' });
    const li = item('Storm');
    expect(li.textContent).toContain('1 of 1 signed off');
    const counts = within(li).getByRole('list', { name: 'Paragraphs by status' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((c) => c.textContent),
    ).toContain('Excluded 1');
  });

  it('searches by title and language as you type, and sorts by title', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument([{ source: 'x' }], { title: 'Zebra crossings', targetLang: 'de' });
    await backend.seedDocument([{ source: 'x' }], { title: 'apple harvest', targetLang: 'fr' });
    await backend.seedDocument([{ source: 'x' }], { title: 'Müller interview' });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Müller interview' });
    const titles = () =>
      within(screen.getByRole('list', { name: 'Articles' }))
        .getAllByRole('button', { name: /./ })
        .filter((b) => b.className === 'document-open')
        .map((b) => b.textContent);
    expect(titles()).toEqual(['Müller interview', 'apple harvest', 'Zebra crossings']);

    const search = screen.getByRole('textbox', { name: 'Search library' });
    expect(search.closest('[role="search"]')).not.toBeNull();
    fireEvent.change(search, { target: { value: 'muller' } });
    await waitFor(() => expect(titles()).toEqual(['Müller interview']));
    expect(screen.getByText('1 article matches “muller”.')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'french' } });
    await waitFor(() => expect(titles()).toEqual(['apple harvest']));
    fireEvent.change(search, { target: { value: 'nothing like it' } });
    expect(await screen.findByText('No article matches “nothing like it”.')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(titles()).toHaveLength(3));

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'title' } });
    await waitFor(() => expect(titles()).toEqual(['apple harvest', 'Müller interview', 'Zebra crossings']));
    expect(backend.callsOf('listLibrary').at(-1)).toEqual({ query: '', sort: 'title', locale: 'en' });
  });
});

describe('rename', () => {
  it('is a button named "Rename" described by the title; a bad title is refused without a call, Escape cancels', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument([{ source: 'x' }], { title: 'Old title' });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Old title' });
    const rename = within(item('Old title')).getByRole('button', { name: 'Rename' });
    expect(rename.getAttribute('aria-describedby')).toBe(screen.getByRole('button', { name: 'Old title' }).id);

    fireEvent.click(rename);
    const box = await screen.findByRole('textbox', { name: 'New title' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save title' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The title is empty. Type a title.');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(backend.callsOf('renameDocument')).toEqual([]);
    fireEvent.change(box, { target: { value: 'Bell\u0007' } });
    fireEvent.submit(box.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('control characters');

    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(within(item('Old title')).getByRole('button', { name: 'Rename' })));
    expect(backend.callsOf('renameDocument')).toEqual([]);
  });

  it('saves a good title, says so, and gives focus back to the Rename button', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument([{ source: 'x' }], { title: 'Old title' });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Old title' });
    fireEvent.click(within(item('Old title')).getByRole('button', { name: 'Rename' }));
    const box = await screen.findByRole('textbox', { name: 'New title' });
    fireEvent.change(box, { target: { value: '  Floods: the  day after ' } });
    fireEvent.submit(box.closest('form')!);
    expect(await screen.findByText('Renamed to “Floods: the day after”.')).toBeTruthy();
    expect(backend.callsOf('renameDocument')).toEqual([{ documentId: expect.any(String), title: 'Floods: the day after' }]);
    await waitFor(() => expect(document.activeElement).toBe(within(item('Floods: the day after')).getByRole('button', { name: 'Rename' })));
  });
});

describe('delete', () => {
  it('asks in an alertdialog (focus on Cancel, Escape cancels, focus back on Delete)', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument([{ source: 'One.' }, { source: 'Two.' }], { title: 'Draft piece' });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Draft piece' });
    const del = within(item('Draft piece')).getByRole('button', { name: 'Delete' });
    fireEvent.click(del);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Draft piece”?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await within(dialog).findByText(/2 paragraphs, 0 signed off/)).toBeTruthy();
    // Tab stays inside.
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Delete' }));
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(del));
    expect(backend.callsOf('deleteDocument')).toEqual([]);
  });

  it('a translator is told a document with sign-offs needs an editor; an editor deletes it and the record shows it', async () => {
    const backend = await backendWithProfile('translator', 'Tess Translator');
    await backend.seedDocument([{ source: 'One.', target: 'Uno.', status: 'signed-off' }], { title: 'Approved story' });
    await backend.seedDocument([{ source: 'x' }], { title: 'Other story' });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Approved story' });
    fireEvent.click(within(item('Approved story')).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(await within(dialog).findByText('This article has 1 sign-off. Only an editor can delete it.')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    // Elena Editor takes over (in another window): the backend now acts as her.
    await backend.seedProfile('editor', 'Elena Editor');
    fireEvent.click(within(item('Approved story')).getByRole('button', { name: 'Delete' }));
    const again = await screen.findByRole('alertdialog');
    fireEvent.click(await within(again).findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted “Approved story”. The deletion is in the deletion record.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approved story' })).toBeNull();
    // Focus goes to the next article.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Other story' })));

    fireEvent.click(screen.getByText('Deletion record'));
    await act(async () => {
      screen.getByText('Deletion record').closest('details')!.open = true;
      screen.getByText('Deletion record').closest('details')!.dispatchEvent(new Event('toggle'));
    });
    const table = await screen.findByRole('table', { name: 'Deleted articles, newest first' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader').textContent).toBe('Approved story');
    expect(row.textContent).toContain('Elena Editor (Editor)');
    expect(row.textContent).toContain('English → Spanish');
  });

  it('a refusal from the service is shown in the dialog and nothing is deleted', async () => {
    const backend = await backendWithProfile('translator', 'Tess Translator');
    const doc = await backend.seedDocument([{ source: 'x', target: 'equis', status: 'translated' }], { title: 'Story' });
    renderApp({ backend });
    await screen.findByRole('button', { name: 'Story' });
    fireEvent.click(within(item('Story')).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog');
    const del = await within(dialog).findByRole('button', { name: 'Delete' });
    // While the dialog is open an editor signs the paragraph off (another window); the translator's delete is refused.
    await backend.seedProfile('editor', 'Elena Editor');
    await backend.api.signOffReviewed({ paragraphIds: [doc.paragraphs[0]!.id] });
    await backend.seedProfile('translator', 'Tess Translator');
    fireEvent.click(del);
    expect((await within(dialog).findByRole('alert')).textContent).toBe('“Story” has sign-offs (1): only an editor can delete it.');
    expect(screen.getByRole('button', { name: 'Story' })).toBeTruthy();
    expect(await backend.api.listDocuments({})).toHaveLength(1);
  });
});
