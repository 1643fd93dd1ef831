import type { ParagraphSeed } from '../../../shared/testing/testBackend.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, confirmFastSignOff, renderApp, type RenderedApp, type TestBackend } from '../../test/renderApp.js';
import { LIMITS } from '../../../shared/limits.js';
import { AUTOSAVE_DELAY_MS } from './ParagraphRow.js';
import { JOURNAL_KEY } from './draftJournal.js';
import { unsavedDrafts } from './rowPresence.js';

afterEach(() => {
  vi.useRealTimers();
});

async function openEditor(
  backend: TestBackend,
  paragraphs: ParagraphSeed[],
  options: { title?: string; sourceLang?: string; targetLang?: string } = {},
): Promise<RenderedApp & { documentId: string }> {
  const doc = await backend.seedDocument(paragraphs, { title: 'The story', ...options });
  const rendered = renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: options.title ?? 'The story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return { ...rendered, documentId: doc.id };
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row');
}

function translation(index: number): HTMLTextAreaElement {
  return within(rows()[index]!).getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation' });
}

const machine = (source: string, target: string): ParagraphSeed => ({ source, target, status: 'machine' });

describe('editor rows', () => {
  it('renders one row per paragraph with cells, a "Translation" textbox in the target language and the status', async () => {
    const backend = await backendWithProfile('translator');
    await openEditor(backend, [
      { source: 'The house is red.' },
      machine('The dog is small.', 'El perro es pequeño.'),
      { source: 'Done.', target: 'Hecho.', status: 'translated' },
    ]);
    expect(screen.getByRole('heading', { name: 'The story' })).toBeTruthy();
    expect(screen.getByText('English → Spanish')).toBeTruthy();
    expect(screen.getByText('0 of 3 signed off')).toBeTruthy();
    expect(rows()).toHaveLength(3);

    const [first, second, third] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    const cells = within(first).getAllByRole('cell');
    expect(cells[0]!.textContent).toBe('1');
    const source = within(first).getByText('The house is red.');
    expect(source.getAttribute('lang')).toBe('en');
    const box = translation(0);
    expect(box.value).toBe('');
    expect(box.getAttribute('lang')).toBe('es');
    expect(box.getAttribute('dir')).toBe('ltr');
    expect(within(first).getByText('New')).toBeTruthy();
    expect(within(first).getByRole<HTMLButtonElement>('button', { name: 'Confirm' }).disabled).toBe(true);

    expect(translation(1).value).toBe('El perro es pequeño.');
    expect(within(second).getByText('Machine translation')).toBeTruthy();
    expect(await within(second).findByText('MT: Apertium')).toBeTruthy();
    expect(within(second).getByRole<HTMLButtonElement>('button', { name: 'Confirm' }).disabled).toBe(false);

    expect(within(third).getByText('Confirmed')).toBeTruthy();
    expect(within(third).getByRole<HTMLButtonElement>('button', { name: 'Confirm' }).disabled).toBe(true);

    // Translators never see sign-off controls.
    expect(screen.queryByRole('button', { name: 'Sign off' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign off all confirmed' })).toBeNull();
  });

  it('uses the direction of a right-to-left target language', async () => {
    const backend = await backendWithProfile('editor');
    await openEditor(backend, [{ source: 'Hello.' }], { targetLang: 'ar' });
    expect(translation(0).getAttribute('dir')).toBe('rtl');
    expect(translation(0).getAttribute('lang')).toBe('ar');
    expect(within(rows()[0]!).getByRole('button', { name: 'Sign off' })).toBeTruthy();
  });
});

describe('autosave', () => {
  it('saves once, ~600 ms after the last keystroke, and shows Saving…/Saved', async () => {
    const backend = await backendWithProfile();
    const { documentId } = await openEditor(backend, [machine('The house is red.', 'La casa es rojo.'), { source: 'Two.' }]);
    const paragraphId = (await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.id;
    const box = translation(0);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Typing with pauses shorter than the delay never saves in between.
    fireEvent.change(box, { target: { value: 'La casa es r' } });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 200));
    fireEvent.change(box, { target: { value: 'La casa es roj' } });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 200));
    expect(backend.callsOf('updateParagraphTarget')).toEqual([]);
    fireEvent.change(box, { target: { value: 'La casa es roja.' } });
    expect(box.value).toBe('La casa es roja.');
    expect(rows()[0]!.textContent).toContain('Saving…');
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1));
    expect(backend.callsOf('updateParagraphTarget')).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(1));
    vi.useRealTimers();

    await waitFor(() => expect(rows()[0]!.textContent).toContain('Saved'));
    expect(backend.callsOf('updateParagraphTarget')).toEqual([{ paragraphId, target: 'La casa es roja.' }]);
    expect(within(rows()[0]!).getByText('Edited')).toBeTruthy();
    expect(box.value).toBe('La casa es roja.');
    // The other row was not touched.
    expect(rows()[1]!.textContent).not.toContain('Sav');
  });

  it('saves at once on blur', async () => {
    const backend = await backendWithProfile();
    await openEditor(backend, [machine('One.', 'Uno')]);
    fireEvent.change(translation(0), { target: { value: 'Uno.' } });
    fireEvent.blur(translation(0));
    await waitFor(() => expect(backend.callsOf('updateParagraphTarget')).toHaveLength(1));
    await waitFor(() => expect(rows()[0]!.textContent).toContain('Saved'));
  });

  it('keeps the text and shows the error when a save fails, then saves it on the next try', async () => {
    const backend = await backendWithProfile();
    const { documentId } = await openEditor(backend, [machine('One.', 'Uno')]);
    backend.failNext('updateParagraphTarget', { code: 'INTERNAL', message: 'disk full' });
    fireEvent.change(translation(0), { target: { value: 'Uno, dos.' } });
    fireEvent.blur(translation(0));
    const alert = await within(rows()[0]!).findByRole('alert');
    expect(alert.textContent).toBe('Not saved, your text is kept here. Something went wrong inside Verso. disk full');
    expect(translation(0).value).toBe('Uno, dos.');
    expect((await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.target).toBe('Uno');

    fireEvent.blur(translation(0));
    await waitFor(() => expect(within(rows()[0]!).queryByRole('alert')).toBeNull());
    expect((await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.target).toBe('Uno, dos.');
    expect(translation(0).value).toBe('Uno, dos.');
  });

  it('text not stored when the page went away comes back in the next page and is saved; stored text leaves no trace', async () => {
    const backend = await backendWithProfile();
    const { documentId, unmount } = await openEditor(backend, [machine('One.', 'Uno'), machine('Two.', 'Dos')]);
    // Stored: nothing is kept in the journal.
    fireEvent.change(translation(1), { target: { value: 'Dos.' } });
    fireEvent.blur(translation(1));
    await waitFor(() => expect(rows()[1]!.textContent).toContain('Saved'));
    expect(window.localStorage.getItem(JOURNAL_KEY)).toBeNull();
    // Not stored (the save fails), then the page goes away.
    backend.failNext('updateParagraphTarget', { code: 'INTERNAL', message: 'disk full' });
    fireEvent.change(translation(0), { target: { value: 'Uno, dos.' } });
    fireEvent.blur(translation(0));
    await within(rows()[0]!).findByRole('alert');
    backend.failNext('updateParagraphTarget', { code: 'INTERNAL', message: 'disk full' });
    unmount();
    expect((await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.target).toBe('Uno');
    const paragraphId = (await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.id;
    expect(JSON.parse(window.localStorage.getItem(JOURNAL_KEY)!)).toMatchObject({ [paragraphId]: { text: 'Uno, dos.' } });
    // A new page starts without this page's memory (only the journal is left).
    await waitFor(() => expect(backend.callsOf('updateParagraphTarget').length).toBeGreaterThanOrEqual(3));
    unsavedDrafts.take(paragraphId);

    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    await screen.findByRole('table', { name: 'Paragraphs' });
    expect(translation(0).value).toBe('Uno, dos.');
    await waitFor(async () => expect((await backend.api.getDocument({ documentId: documentId })).paragraphs[0]!.target).toBe('Uno, dos.'));
    await waitFor(() => expect(window.localStorage.getItem(JOURNAL_KEY)).toBeNull());
    expect(translation(1).value).toBe('Dos.');
  });
});

describe('keyboard flow', () => {
  it('Ctrl+Enter flushes the pending edit, confirms and moves focus to the next translation', async () => {
    const backend = await backendWithProfile();
    const { documentId } = await openEditor(backend, [machine('One.', 'Uno.'), machine('Two.', 'Dos.'), machine('Three.', 'Tres.')]);
    const ids = (await backend.api.getDocument({ documentId: documentId })).paragraphs.map((p) => p.id);

    translation(0).focus();
    fireEvent.change(translation(0), { target: { value: 'Uno, corregido.' } });
    fireEvent.keyDown(translation(0), { key: 'Enter', ctrlKey: true });
    expect(document.activeElement).toBe(translation(1));
    await waitFor(() => expect(within(rows()[0]!).getByText('Confirmed')).toBeTruthy());
    // The edit was saved before the confirmation, exactly once.
    expect(backend.calls.filter((c) => c.method === 'updateParagraphTarget' || c.method === 'confirmParagraphs')).toEqual([
      { method: 'updateParagraphTarget', input: { paragraphId: ids[0], target: 'Uno, corregido.' } },
      { method: 'confirmParagraphs', input: { paragraphIds: [ids[0]] } },
    ]);

    // Cmd+Enter works too (macOS).
    fireEvent.keyDown(translation(1), { key: 'Enter', metaKey: true });
    expect(document.activeElement).toBe(translation(2));
    await waitFor(() => expect(within(rows()[1]!).getByText('Confirmed')).toBeTruthy());

    // Plain Enter is a line break, not a confirmation.
    fireEvent.keyDown(translation(2), { key: 'Enter' });
    expect(document.activeElement).toBe(translation(2));
    expect(backend.callsOf('confirmParagraphs')).toHaveLength(2);
    expect(backend.callsOf('updateParagraphTarget')).toHaveLength(1);
  });

  it('does not confirm or move from an empty translation', async () => {
    const backend = await backendWithProfile();
    await openEditor(backend, [{ source: 'One.' }, { source: 'Two.' }]);
    translation(0).focus();
    fireEvent.keyDown(translation(0), { key: 'Enter', ctrlKey: true });
    expect(document.activeElement).toBe(translation(0));
    expect(backend.callsOf('confirmParagraphs')).toEqual([]);
  });
});

describe('sign-off', () => {
  it('editing a signed-off paragraph shows the withdrawal notice and lowers the progress', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await openEditor(backend, [
      { source: 'One.', target: 'Uno.', status: 'signed-off' },
      { source: 'Two.', target: 'Dos.', status: 'signed-off' },
    ]);
    expect(screen.getByText('2 of 2 signed off')).toBeTruthy();
    fireEvent.change(translation(1), { target: { value: 'Dos y tres.' } });
    fireEvent.blur(translation(1));
    const notice = await screen.findByText('Sign-off withdrawn: paragraph 2 was changed after it was signed off.');
    expect(notice.getAttribute('role')).toBe('status');
    expect(screen.getByText('1 of 2 signed off')).toBeTruthy();
    expect(within(rows()[1]!).getByText('Edited')).toBeTruthy();
    expect(screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Sign-off progress' }).value).toBe(1);
  });

  it('editors sign off one row, or all confirmed rows at once', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    const { documentId } = await openEditor(backend, [
      { source: 'One.', target: 'Uno.', status: 'translated' },
      { source: 'Two.', target: 'Dos.', status: 'translated' },
      machine('Three.', 'Tres.'),
    ]);
    const ids = (await backend.api.getDocument({ documentId: documentId })).paragraphs.map((p) => p.id);
    fireEvent.click(within(rows()[2]!).getByRole('button', { name: 'Sign off' }));
    await confirmFastSignOff();
    await waitFor(() => expect(screen.getByText('1 of 3 signed off')).toBeTruthy());
    expect(within(rows()[2]!).getByText('by Elena Editor')).toBeTruthy();
    expect(within(rows()[2]!).getByRole<HTMLButtonElement>('button', { name: 'Sign off' }).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Sign off all confirmed' }));
    await confirmFastSignOff();
    await waitFor(() => expect(screen.getByText('3 of 3 signed off')).toBeTruthy());
    expect(backend.callsOf('signOffReviewed').map((c) => (c as { paragraphIds: string[] }).paragraphIds)).toEqual([
      [ids[2]],
      [ids[0], ids[1]],
    ]);
    expect(screen.getByText('2 paragraphs signed off.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign off all confirmed' }).disabled).toBe(true);
  });

  it('asks before a sign-off faster than reading speed; "Keep reviewing" sends nothing', async () => {
    const backend = await backendWithProfile('editor', 'Elena Editor');
    await openEditor(backend, [
      { source: 'One two three four.', target: 'Uno dos tres cuatro.', status: 'translated' },
      { source: 'Five.', target: 'Cinco.', status: 'translated' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Sign off all confirmed' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign off faster than reading speed?' });
    expect(dialog.textContent).toContain('Paragraphs 1, 2 were on screen for less time than it takes to read them');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Yes, sign off' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep reviewing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(backend.callsOf('signOffReviewed')).toEqual([]);

    // As a person would: the row's button is clicked once it is enabled again (under load the bulk attempt may still be finishing).
    await waitFor(() => expect(within(rows()[1]!).getByRole<HTMLButtonElement>('button', { name: 'Sign off' }).disabled).toBe(false));
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Sign off' }));
    const single = await screen.findByRole('alertdialog', { name: 'Sign off faster than reading speed?' });
    expect(single.textContent).toContain('Paragraph 2 was on screen for less time than it takes to read');
    fireEvent.keyDown(single, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(backend.callsOf('signOffReviewed')).toEqual([]);
    // The row's buttons come back once the first attempt has finished (a click before is ignored).
    await waitFor(() => expect(within(rows()[1]!).getByRole<HTMLButtonElement>('button', { name: 'Sign off' }).disabled).toBe(false));
    await confirmAfter(() => fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Sign off' })));
    await waitFor(() => expect(screen.getByText('1 of 2 signed off')).toBeTruthy());
    expect(backend.callsOf('signOffReviewed')).toHaveLength(1);
  });
});

async function confirmAfter(action: () => void): Promise<void> {
  action();
  await confirmFastSignOff();
}

describe('machine translation', () => {
  it('disables Translate all and says why when no engine supports the pair', async () => {
    const backend = await backendWithProfile();
    // Apertium (the scripted engine) has English → Spanish only.
    await openEditor(backend, [{ source: 'The house is red.' }], { targetLang: 'de' });
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Translate all' });
    await screen.findByText(/^No translation engine supports English → German/);
    expect(button.disabled).toBe(true);
    expect(screen.getByText('Apertium: The translation engine does not support this language pair.')).toBeTruthy();
    expect(backend.callsOf('listEngines')).toEqual([{ sourceLang: 'en', targetLang: 'de' }]);
  });

  it('runs a job with progress from events, can cancel, and reloads the document when it ends', async () => {
    const backend = await backendWithProfile();
    const { documentId } = await openEditor(backend, [{ source: 'One.' }, { source: 'Two.' }]);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Translate all' });
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(screen.getByText('Engine: Apertium')).toBeTruthy();
    // The engine translates one paragraph per step.
    const mt = backend.holdMt();
    fireEvent.click(button);

    const bar = await screen.findByRole<HTMLProgressElement>('progressbar', { name: 'Translation progress' });
    expect(backend.callsOf('translateParagraphs')).toEqual([{ documentId, engineId: 'apertium' }]);
    expect(screen.getByText('0 / 2')).toBeTruthy();
    expect(button.disabled).toBe(true);

    mt.step();
    await screen.findByText('1 / 2');
    expect(bar.value).toBe(1);

    // Cancel: the job ends "cancelled"; the paragraph already translated stays, the other is left as it was.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(backend.callsOf('cancelJob')).toEqual([{ jobId: expect.any(String) }]));
    const { jobId } = backend.callsOf('cancelJob')[0] as { jobId: string };
    expect(await backend.jobEnded(jobId)).toBe('cancelled');
    await waitFor(() => expect(translation(0).value).toBe('[es] One.'));
    expect(translation(1).value).toBe('');
    expect(screen.queryByRole('progressbar', { name: 'Translation progress' })).toBeNull();
    expect(within(rows()[0]!).getByText('Machine translation')).toBeTruthy();
    expect(screen.getByText('Machine translation cancelled.')).toBeTruthy();

    // Run again: it ends "done" and the document is read back.
    mt.release();
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(translation(1).value).toBe('[es] Two.'));
    expect(await screen.findByText('Machine translation finished.')).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Translation progress' })).toBeNull();
  });

  it('after a job reads the paragraphs back page by page, not the whole document, and shows every MT', async () => {
    // More paragraphs than one page of the service holds (LIMITS.paragraphPageDefault).
    const count = LIMITS.paragraphPageDefault * 2 + 5;
    const backend = await backendWithProfile();
    const { documentId } = await openEditor(
      backend,
      Array.from({ length: count }, (_, i): ParagraphSeed =>
        i === 2 ? { source: 'Three.', target: 'Tres, a mano.', status: 'translated' } : { source: `Sentence ${i + 1}.` },
      ),
    );
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Translate all' });
    await waitFor(() => expect(button.disabled).toBe(false));
    const mt = backend.holdMt();
    fireEvent.click(button);
    await screen.findByRole('progressbar', { name: 'Translation progress' });
    const wholeReads = backend.callsOf('getDocument').length;
    const pageReads = backend.callsOf('getParagraphPage').length;
    mt.release();
    await waitFor(() => expect(translation(1).value).toBe('[es] Sentence 2.'), { timeout: 20_000 });
    await screen.findByText('Machine translation finished.');
    expect(backend.callsOf('getParagraphPage').slice(pageReads)).toEqual([
      { documentId, from: 0 },
      { documentId, from: LIMITS.paragraphPageDefault },
      { documentId, from: 2 * LIMITS.paragraphPageDefault },
    ]);
    expect(backend.callsOf('getDocument')).toHaveLength(wholeReads);
    expect([0, 1, 2, 3].map((i) => translation(i).value)).toEqual([
      '[es] Sentence 1.',
      '[es] Sentence 2.',
      'Tres, a mano.',
      '[es] Sentence 4.',
    ]);
    expect(
      rows()
        .slice(0, 4)
        .filter((r) => within(r).queryByText('Machine translation')),
    ).toHaveLength(3);
  }, 60_000);

  it('reads the document whole when its pages do not add up (it changed meanwhile), and after a cancelled job too', async () => {
    const count = LIMITS.paragraphPageDefault + 5;
    const sources = Array.from({ length: count }, (_, i) => `Sentence ${i + 1}.`);
    const backend = await backendWithProfile();
    const { documentId } = await openEditor(
      backend,
      sources.map((source) => ({ source })),
    );
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Translate all' });
    await waitFor(() => expect(button.disabled).toBe(false));
    const mt = backend.holdMt();
    fireEvent.click(button);
    await screen.findByRole('progressbar', { name: 'Translation progress' });
    mt.step();
    mt.step();
    await screen.findByText(`2 / ${count}`);
    const wholeReads = backend.callsOf('getDocument').length;
    const pageReads = backend.callsOf('getParagraphPage').length;
    // After the cancelled job the app reads the pages back; the second waits while a re-import adds a paragraph.
    const secondPage = backend.holdNext('getParagraphPage', { skip: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(backend.callsOf('getParagraphPage').length).toBe(pageReads + 2));
    const revised = [...sources, 'One more sentence.'].join('\n\n');
    await backend.api.reimportDocument({ documentId, source: { kind: 'text', text: revised, format: 'txt' } });
    secondPage.release();
    await waitFor(() => expect(backend.callsOf('getDocument')).toHaveLength(wholeReads + 1));
    expect(await screen.findByText(`0 of ${count + 1} signed off`)).toBeTruthy();
    expect(translation(0).value).toBe('[es] Sentence 1.');
    expect(translation(1).value).toBe('[es] Sentence 2.');
    expect(translation(2).value).toBe('');
    expect(screen.getByText('Machine translation cancelled.')).toBeTruthy();
    mt.release();
  }, 60_000);

  it('shows a failed job translated and keeps the rows usable', async () => {
    const backend = await backendWithProfile();
    await openEditor(backend, [{ source: 'One.' }]);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Translate all' });
    await waitFor(() => expect(button.disabled).toBe(false));
    // The engine crashes on the job's batch.
    backend.failMtNext('ENGINE_FAILED', 'apertium exited with 1');
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe('The translation engine failed. Try again, or translate by hand.');
    expect(screen.queryByRole('progressbar', { name: 'Translation progress' })).toBeNull();
    expect(translation(0).value).toBe('');
    fireEvent.change(translation(0), { target: { value: 'Uno.' } });
    await waitFor(() => expect(backend.callsOf('updateParagraphTarget')).toHaveLength(1));
  });
});

describe('export', () => {
  it('a refused publish-ready export lists the paragraphs; a draft downloads and says so', async () => {
    const backend = await backendWithProfile();
    const { platform } = await openEditor(backend, [
      machine('One.', 'Uno.'),
      { source: 'Two.', target: 'Dos.', status: 'signed-off' },
      machine('Three.', 'Tres.'),
    ]);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Export format' }).value).toBe('txt');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Export mode' }).value).toBe('publish');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '2 paragraphs are not signed off: 1 and 3. Export a draft, or have an editor sign them off.',
    );
    expect(platform.savedFiles).toEqual([]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Export format' }), { target: { value: 'md' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Export mode' }), { target: { value: 'draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const done = await screen.findByText(
      'Exported the-story.es.draft.md: your browser saved it in its downloads folder (or asked you where to put it).',
    );
    expect(done.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(platform.savedFiles).toEqual([
      // The service's draft notice, in the target language, then the text.
      {
        fileName: 'the-story.es.draft.md',
        mimeType: 'text/markdown;charset=utf-8',
        content: 'BORRADOR — no aprobado para su publicación (párrafos aprobados: 1 de 3)\n\nUno.\n\nDos.\n\nTres.\n',
      },
    ]);
    expect(backend.callsOf('exportFile').at(-1)).toMatchObject({ format: 'md', mode: 'draft' });
  });

  it('the refusal for a single paragraph uses the singular, in German too', async () => {
    const backend = await backendWithProfile();
    const { i18n } = await openEditor(backend, [{ source: 'One.', target: 'Uno.', status: 'signed-off' }, machine('Two.', 'Dos.')]);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '1 paragraph is not signed off: 2. Export a draft, or have an editor sign it off.',
    );
    await act(() => i18n.changeLanguage('de'));
    expect(screen.getByRole('alert').textContent).toMatch(/^1 Absatz ist nicht freigegeben: 2\./);
    expect(screen.getByRole('button', { name: 'Exportieren' })).toBeTruthy();
    const germanRows = within(screen.getByRole('table', { name: 'Absätze' })).getAllByRole('row');
    expect(within(germanRows[0]!).getByRole('textbox', { name: 'Übersetzung' })).toBeTruthy();
    expect(within(germanRows[1]!).getByText('Maschinelle Übersetzung')).toBeTruthy();
    expect(screen.getByText('1 von 2 freigegeben')).toBeTruthy();
  });
});
