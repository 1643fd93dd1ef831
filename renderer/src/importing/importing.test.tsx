import { describe, expect, it } from 'vitest';
import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { LIMITS } from '../../../shared/limits.js';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';
import { bytesToBase64 } from '../base64.js';

/** A drag event carrying files, as a browser sends it. */
function drop(target: Element, type: 'dragEnter' | 'dragOver' | 'drop', files: File[]): void {
  const event = createEvent[type](target);
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  fireEvent(target, event);
}

const REVISED = 'Heavy rain flooded 350 homes.\n\nUnchanged paragraph.\n\nRoads reopened on Tuesday morning.';

/** "Flood" as Eda (editor) left it: paragraph 1 signed off, 2 and 3 confirmed. */
async function seedFlood(backend: TestBackend) {
  return backend.seedDocument(
    [
      { source: 'Heavy rain flooded 200 homes.', target: 'Lluvias inundaron 200 casas.', status: 'signed-off' },
      { source: 'Unchanged paragraph.', target: 'Párrafo.', status: 'translated' },
      { source: 'Schools closed on Monday after the storm.', target: 'Las escuelas cerraron el lunes.', status: 'translated' },
    ],
    { title: 'Flood' },
  );
}

async function openFlood(backend: TestBackend) {
  const rendered = renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'Flood' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return rendered;
}

const textFile = (text: string) => ({
  kind: 'file' as const,
  fileName: 'flood-v2.txt',
  dataBase64: bytesToBase64(new TextEncoder().encode(text)),
});

describe('drag and drop', () => {
  it('a file dropped onto the window opens the import with that file, which is sent as base64', async () => {
    const { backend, container } = renderApp({ backend: await backendWithProfile() });
    await screen.findByRole('heading', { name: 'Library' });
    const file = new File(['<p>Hello</p>'], 'story.html', { type: 'text/html' });
    const app = container.querySelector('.app')!;
    drop(app, 'dragEnter', [file]);
    expect(screen.getByText('Drop the file to import it')).toBeTruthy();
    drop(app, 'drop', [file]);
    expect(await screen.findByRole('heading', { name: 'Import an article' })).toBeTruthy();
    expect(screen.queryByText('Drop the file to import it')).toBeNull();
    expect(screen.getByText(/The file story\.html will be imported/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(backend.callsOf('importDocument')).toHaveLength(1));
    expect(backend.callsOf('importDocument')[0]).toEqual({
      source: { kind: 'file', fileName: 'story.html', dataBase64: btoa('<p>Hello</p>') },
      sourceLang: 'en',
      targetLang: 'es',
    });
  });

  it('a file dropped onto the import form is chosen; a too large one is refused without upload', async () => {
    const { backend } = renderApp({ backend: await backendWithProfile() });
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const zone = await screen.findByTestId('drop-zone');
    const big = new File(['x'], 'huge.txt');
    Object.defineProperty(big, 'size', { value: 200 * 1024 * 1024 });
    drop(zone, 'drop', [big]);
    expect(screen.getByText(/The file huge\.txt will be imported/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `The article is too large. The limit is ${LIMITS.importFileBytes / 1024 / 1024} MB.`,
    );
    expect(backend.callsOf('importDocument')).toEqual([]);
  });
});

describe('living stories in the editor', () => {
  it('shows the source diff, the previous translation and the withdrawn sign-off of a reopened paragraph', async () => {
    const backend = await backendWithProfile('editor', 'Eda');
    const doc = await seedFlood(backend);
    // The revised source came in earlier (the service's re-import): paragraph 1 changed and was reopened.
    await backend.api.reimportDocument({ documentId: doc.id, source: textFile(REVISED) });
    await openFlood(backend);
    const notes = await screen.findAllByTestId('reopened-source');
    expect(notes).toHaveLength(1);
    const note = notes[0]!;
    expect(note.textContent).toContain('Source changed in a re-import');
    expect(note.querySelector('del')?.textContent).toContain('200');
    expect(note.querySelector('ins')?.textContent).toContain('350');
    expect(within(note).getByText('Lluvias inundaron 200 casas.')).toBeTruthy();
    expect(note.textContent).toContain('Eda had signed this paragraph off; the sign-off was withdrawn.');
  });

  it('re-imports a revised source and shows what changed', async () => {
    const backend = await backendWithProfile('editor', 'Eda');
    const doc = await seedFlood(backend);
    await openFlood(backend);
    fireEvent.click(screen.getByRole('button', { name: 'Re-import source' }));
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: 'Re-import' });
    expect(submit.disabled).toBe(true);
    const file = new File([REVISED], 'flood-v2.txt');
    fireEvent.change(screen.getByLabelText('Revised source file'), { target: { files: [file] } });
    fireEvent.click(submit);
    const summary = await screen.findByText('What changed');
    const text = summary.parentElement!.textContent;
    // The service's own comparison: 1 changed (its sign-off withdrawn), 2 unchanged, 3 replaced.
    expect(text).toContain('1 paragraph unchanged.');
    expect(text).toContain('Changed and reopened: paragraphs 1.');
    expect(text).toContain('New: paragraphs 3.');
    expect(text).toContain('Removed (archived, not exported): former paragraphs 3.');
    expect(text).toContain('1 sign-off was withdrawn because the source changed.');
    expect(backend.callsOf('reimportDocument')).toEqual([{ documentId: doc.id, source: textFile(REVISED) }]);
    // The reopened list is loaded again after the re-import.
    await waitFor(() => expect(backend.callsOf('listReopenedParagraphs').length).toBeGreaterThanOrEqual(2));
  });
});

describe('imported text never runs', () => {
  it('shows markup in a source as text: no elements, handlers or javascript: links are created', async () => {
    const backend = await backendWithProfile();
    await backend.seedDocument(
      [
        { source: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' },
        { source: '<a href="javascript:alert(1)">click</a> <b onclick="x()">bold</b>' },
      ],
      { title: 'Hostile' },
    );
    const { container } = renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Hostile' }));
    await screen.findByRole('table', { name: 'Paragraphs' });
    const table = container.querySelector('.paragraphs')!;
    expect(table.querySelectorAll('img, script, a, b, iframe, object, embed')).toHaveLength(0);
    for (const el of table.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), attr).toBe(false);
    }
    expect(table.textContent).toContain('<script>window.__pwned=2</script>');
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('bilingual pair', () => {
  it('aligns two files, lets the user merge and split rows, then creates the document', async () => {
    const backend = await backendWithProfile();
    // The translation splits paragraph 2 in two: the service's aligner proposes them merged, marked for a check.
    const SOURCE_MD = '# Flood\n\nRain burst the banks. 200 homes flooded.\n\nSchools closed.';
    const TRANSLATION = 'Inundación\n\nLluvias.\n\n200 casas.\n\nEscuelas cerradas.';
    const utf8Base64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /Bilingual pair/ }));
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: 'Import' });
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Choose file'), { target: { files: [new File([SOURCE_MD], 'flood.md')] } });
    fireEvent.change(screen.getByLabelText('Translation file'), { target: { files: [new File([TRANSLATION], 'flood.es.txt')] } });
    fireEvent.click(submit);

    expect(await screen.findByRole('heading', { name: 'Check the alignment' })).toBeTruthy();
    expect(backend.callsOf('alignBilingual')).toEqual([
      {
        source: { kind: 'file', fileName: 'flood.md', dataBase64: utf8Base64(SOURCE_MD) },
        translation: { kind: 'file', fileName: 'flood.es.txt', dataBase64: utf8Base64(TRANSLATION) },
      },
    ]);
    expect(screen.getByText('3 source paragraphs, each with one translation. Ready to create the document.')).toBeTruthy();
    expect(screen.getAllByText('check')).toHaveLength(1);

    // Split row 2 at the cursor: counts no longer match and Create is disabled; merging back fixes it.
    const row2 = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation of paragraph 2' });
    row2.setSelectionRange(8, 8);
    fireEvent.select(row2);
    fireEvent.click(screen.getByRole('button', { name: 'Split 2 at cursor' }));
    expect(screen.getByText('3 source paragraphs but 4 translations: merge or split rows until they match.')).toBeTruthy();
    const create = screen.getByRole<HTMLButtonElement>('button', { name: 'Create document' });
    expect(create.disabled).toBe(true);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation of paragraph 3' }).value).toBe('200 casas.');
    fireEvent.click(screen.getByRole('button', { name: 'Merge 2 with next' }));
    expect(create.disabled).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: 'Translation of paragraph 3' }), { target: { value: 'Escuelas cerradas hoy.' } });
    fireEvent.click(create);

    expect(await screen.findByRole('table', { name: 'Paragraphs' })).toBeTruthy();
    expect(backend.callsOf('importBilingual')).toEqual([
      {
        source: { kind: 'file', fileName: 'flood.md', dataBase64: utf8Base64(SOURCE_MD) },
        targets: ['Inundación', 'Lluvias. 200 casas.', 'Escuelas cerradas hoy.'],
        sourceLang: 'en',
        targetLang: 'es',
      },
    ]);
  });
});

describe('import errors', () => {
  it('names the real kind of a misnamed file, translated', async () => {
    const backend = await backendWithProfile();
    const { i18n } = renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    fireEvent.change(await screen.findByLabelText('Choose file'), { target: { files: [new File(['%PDF-1.4'], 'story.txt')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file is named .txt but is really a PDF document, not a text article. Choose the article itself.',
    );
    await i18n.changeLanguage('de');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Diese Datei heißt .txt, ist aber kein Textartikel, sondern: PDF-Dokument. Wählen Sie den Artikel selbst.',
      ),
    );
  });
});
