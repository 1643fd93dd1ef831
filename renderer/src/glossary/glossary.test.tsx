import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';
import { bytesToBase64 } from '../base64.js';

const EU = { source: 'European Union', target: 'Unión Europea', note: 'Never abbreviate.', forbidden: ['UE'] };

/** Adds a term through the service (en → es unless told). */
function addTerm(
  backend: TestBackend,
  term: typeof EU | { source: string; target: string },
  pair = { sourceLang: 'en', targetLang: 'es' },
) {
  return backend.api.addGlossaryTerm({ ...pair, term });
}

const termsOf = (backend: TestBackend) => backend.api.listGlossaryTerms({ sourceLang: 'en', targetLang: 'es' });

/** Clicks a button once it is enabled: the glossary's buttons stay disabled while a change reads the terms again. */
async function clickWhenEnabled(name: string): Promise<void> {
  const button = screen.getByRole<HTMLButtonElement>('button', { name });
  await waitFor(() => expect(button.disabled).toBe(false));
  fireEvent.click(button);
}

async function openGlossary(backend: TestBackend) {
  const app = renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'Glossary' }));
  await screen.findByRole('heading', { name: 'Glossary', level: 1 });
  return app;
}

describe('the glossary screen', () => {
  it('adds, edits and deletes terms, and shows a clear error for a bad one', async () => {
    const backend = await backendWithProfile();
    await openGlossary(backend);
    expect(await screen.findByText('No terms for this language pair yet.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Source term' }), { target: { value: 'European Union' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Target term' }), { target: { value: 'Unión Europea' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Forbidden variants' }), { target: { value: 'UE | Unión' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Definition' }), { target: { value: 'Union of 27 European states.' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Case-sensitive' }));
    await clickWhenEnabled('Add term');
    const table = await screen.findByRole('table', { name: 'Glossary terms' });
    expect(within(table).getByRole('row', { name: /European Union/ }).textContent).toContain('UE | Unión');
    expect(within(table).getByRole('row', { name: /European Union/ }).textContent).toContain('Union of 27 European states.');
    expect(backend.callsOf('addGlossaryTerm')).toEqual([
      {
        sourceLang: 'en',
        targetLang: 'es',
        term: {
          source: 'European Union',
          target: 'Unión Europea',
          note: '',
          definition: 'Union of 27 European states.',
          forbidden: ['UE', 'Unión'],
          caseSensitive: true,
        },
      },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Added “European Union”.');

    // A term without a translation: the error is shown, the typed text stays, nothing is added.
    fireEvent.change(screen.getByRole('textbox', { name: 'Source term' }), { target: { value: 'NATO' } });
    await clickWhenEnabled('Add term');
    expect((await screen.findByRole('alert')).textContent).toBe('Fill in both the source term and the target term.');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Source term' }).value).toBe('NATO');
    expect(await termsOf(backend)).toHaveLength(1);

    const edit = screen.getByRole<HTMLButtonElement>('button', { name: 'Edit European Union' });
    await waitFor(() => expect(edit.disabled).toBe(false));
    fireEvent.click(edit);
    expect(screen.getByRole('heading', { name: 'Edit term' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Forbidden variants' }).value).toBe('UE | Unión');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Definition' }).value).toBe('Union of 27 European states.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Target term' }), { target: { value: 'Unión Europea (UE)' } });
    await clickWhenEnabled('Save term');
    await waitFor(() => expect(screen.getByRole('table', { name: 'Glossary terms' }).textContent).toContain('Unión Europea (UE)'));

    // The row's buttons stay disabled until the save has read the terms again (busy), as a user sees.
    const remove = screen.getByRole<HTMLButtonElement>('button', { name: 'Delete European Union' });
    await waitFor(() => expect(remove.disabled).toBe(false));
    fireEvent.click(remove);
    expect(await screen.findByText('No terms for this language pair yet.')).toBeTruthy();
    expect(await termsOf(backend)).toHaveLength(0);
  });

  it('imports a file with the chosen mode and exports CSV and TBX', async () => {
    const backend = await backendWithProfile();
    await addTerm(backend, EU);
    await addTerm(backend, { source: 'Council', target: 'Consejo' });
    const { platform } = await openGlossary(backend);
    await screen.findByRole('table', { name: 'Glossary terms' });
    await clickWhenEnabled('Import glossary');
    expect(screen.getByRole('status').textContent).toBe('Choose a CSV or TBX file first.');

    const CSV = 'source,target\nNATO,OTAN\nUnited Nations,Naciones Unidas\nEuropean Union,Unión Europea (UE)\n';
    const file = new File([CSV], 'terms.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Glossary file (CSV or TBX)'), { target: { files: [file] } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Import mode' }), { target: { value: 'replace' } });
    await clickWhenEnabled('Import glossary');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        // Replace: NATO and United Nations added, European Union updated, Council removed.
        'Imported: 2 added, 1 updated, 0 unchanged, 1 removed. The pair now has 3 terms.',
      ),
    );
    const call = backend.callsOf('importGlossary')[0] as { fileName: string; dataBase64: string; mode: string };
    expect(call).toMatchObject({ sourceLang: 'en', targetLang: 'es', fileName: 'terms.csv', mode: 'replace' });
    expect(new TextDecoder().decode(Uint8Array.from(atob(call.dataBase64), (ch) => ch.charCodeAt(0)))).toBe(CSV);
    expect((await termsOf(backend)).map((t) => t.source).sort()).toEqual(['European Union', 'NATO', 'United Nations']);

    // TBX-Basic 2008 (v2) is the default; v3 is a choice.
    const version = screen.getByRole<HTMLSelectElement>('combobox', { name: 'TBX version' });
    expect(version.selectedOptions[0]?.textContent).toBe('TBX-Basic 2008 (v2) – for OmegaT, translate-toolkit, most CAT tools');
    await clickWhenEnabled('Export TBX');
    await waitFor(() => expect(platform.savedFiles.map((f) => f.fileName)).toEqual(['glossary.en-es.tbx']));
    fireEvent.change(version, { target: { value: 'v3' } });
    await clickWhenEnabled('Export TBX');
    await waitFor(() => expect(platform.savedFiles).toHaveLength(2));
    await clickWhenEnabled('Export CSV');
    await waitFor(() => expect(platform.savedFiles).toHaveLength(3));
    expect(backend.callsOf('exportGlossary')).toEqual([
      { sourceLang: 'en', targetLang: 'es', format: 'tbx', tbxVersion: 'v2' },
      { sourceLang: 'en', targetLang: 'es', format: 'tbx', tbxVersion: 'v3' },
      { sourceLang: 'en', targetLang: 'es', format: 'csv' },
    ]);
  });
});

describe('the language pair of the glossary screen', () => {
  it('keeps the drawn terms when the list of pairs arrives with the same pair (no blank redraw, no second load)', async () => {
    const backend = await backendWithProfile();
    await addTerm(backend, EU);
    const pairs = backend.holdNext('listGlossaryPairs');
    await openGlossary(backend);
    const table = await screen.findByRole('table', { name: 'Glossary terms' });
    // From here on, the table must never leave the page nor "Loading…" appear.
    let blanked = false;
    const observer = new MutationObserver(() => {
      if (!table.isConnected || screen.queryByText('Loading…')) blanked = true;
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    pairs.release();
    await waitFor(() => expect(backend.callsOf('listGlossaryPairs')).toHaveLength(1));
    // The pairs' answer is drawn (the same pair), then nothing more is loaded.
    await waitFor(() => expect(screen.getByText('1 term')).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(blanked).toBe(false);
    expect(table.isConnected).toBe(true);
    expect(backend.callsOf('listGlossaryTerms')).toEqual([{ sourceLang: 'en', targetLang: 'es' }]);
  });

  it('opens on the first pair that has terms', async () => {
    const backend = await backendWithProfile();
    await addTerm(backend, EU, { sourceLang: 'de', targetLang: 'fr' });
    await openGlossary(backend);
    const table = await screen.findByRole('table', { name: 'Glossary terms' });
    expect(within(table).getByRole('row', { name: /European Union/ })).toBeTruthy();
    expect(backend.callsOf('listGlossaryTerms').at(-1)).toEqual({ sourceLang: 'de', targetLang: 'fr' });
  });
});

describe('the glossary in the editor', () => {
  async function openEditor(backend: TestBackend, source: string, target: string) {
    await backend.seedDocument([{ source, target, status: 'edited' }], { title: 'The story' });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    return within(await screen.findByRole('table', { name: 'Paragraphs' })).getAllByRole('row')[0]!;
  }

  it('highlights source terms; the target term shows on focus and describes the term', async () => {
    const backend = await backendWithProfile();
    await addTerm(backend, EU);
    const row = await openEditor(backend, 'The European Union and the european union met.', 'La Unión Europea se reunió.');
    const marks = await within(row).findAllByText(/european union/i, { selector: 'mark' });
    expect(marks).toHaveLength(2);
    const first = marks[0]!;
    expect(first.tabIndex).toBe(0);
    expect(first.getAttribute('title')).toBe('Glossary: Unión Europea (Never abbreviate.)');
    const tip = document.getElementById(first.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toBe('Glossary: Unión Europea (Never abbreviate.) Avoid: UE.');
    expect(tip.className).not.toContain('visible');
    fireEvent.focus(first);
    expect(tip.className).toContain('visible');
    fireEvent.keyDown(first, { key: 'Escape' });
    expect(tip.className).not.toContain('visible');
    // The paragraph's text is still exactly the source (the tooltips sit outside it).
    expect(row.querySelector('.source-text')!.textContent).toBe('The European Union and the european union met.');
  });

  it('flags a missing term or forbidden variant live, as a QA error', async () => {
    const backend = await backendWithProfile();
    await addTerm(backend, EU);
    const row = await openEditor(backend, 'The European Union met.', 'La Unión Europea se reunió.');
    await within(row).findAllByText('European Union', { selector: 'mark' });
    expect(within(row).queryByRole('list', { name: 'QA issues of paragraph 1' })).toBeNull();
    fireEvent.change(within(row).getByRole('textbox', { name: 'Translation' }), { target: { value: 'La UE se reunió.' } });
    const items = within(within(row).getByRole('list', { name: 'QA issues of paragraph 1' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Error: Glossary: “European Union” must be translated as “Unión Europea”.',
      'Error: Glossary: “UE” is a forbidden variant; use “Unión Europea” for “European Union”.',
    ]);
  });

  it('marks terms in a paragraph with inline chips, also a term split by a chip, and checks its translation', async () => {
    const backend = await backendWithProfile();
    await addTerm(backend, EU);
    await backend.seedDocument(
      [{ source: 'The European <a href="https://eu.example/">Union</a> met.', target: 'La \uE000UE\uE100 se reunió.', status: 'edited' }],
      { title: 'The story', html: true },
    );
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
    const row = within(await screen.findByRole('table', { name: 'Paragraphs' })).getAllByRole('row')[0]!;
    const [mark] = await within(row).findAllByText(/European/, { selector: 'mark' });
    expect(mark!.textContent).toContain('Union');
    expect(within(mark!).getByRole('img', { name: 'start of link to https://eu.example/' })).toBeTruthy();
    const items = within(within(row).getByRole('list', { name: 'QA issues of paragraph 1' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toContain('Error: Glossary: “UE” is a forbidden variant; use “Unión Europea” for “European Union”.');
  });

  it('shows plain source text when the pair has no glossary', async () => {
    const backend = await backendWithProfile();
    await addTerm(backend, EU, { sourceLang: 'en', targetLang: 'de' });
    const row = await openEditor(backend, 'The European Union met.', 'La Comunidad se reunió.');
    await waitFor(() => expect(backend.callsOf('listDocumentGlossary')).toHaveLength(1));
    expect(row.querySelector('mark')).toBeNull();
  });
});

describe('a large glossary', () => {
  it('draws a bounded number of rows and narrows them with the filter', async () => {
    const backend = await backendWithProfile();
    const csv = ['source,target', ...Array.from({ length: 250 }, (_, i) => `term ${i},término ${i}`)].join('\n');
    await backend.api.importGlossary({
      sourceLang: 'en',
      targetLang: 'es',
      fileName: 'terms.csv',
      dataBase64: bytesToBase64(new TextEncoder().encode(csv)),
      mode: 'merge',
    });
    await addTerm(backend, EU);
    await openGlossary(backend);
    const table = await screen.findByRole('table', { name: 'Glossary terms' });
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    expect(screen.getByText('Showing 200 of 251 terms; narrow the filter to see the others.')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter terms' }), { target: { value: 'unión' } });
    // The table is looked up afresh: the list may have been redrawn since (the terms arrive from the service).
    const terms = () => screen.getByRole('table', { name: 'Glossary terms' });
    await waitFor(() => expect(within(terms()).getAllByRole('row')).toHaveLength(2));
    expect(within(terms()).getByRole('row', { name: /European Union/ })).toBeTruthy();
    expect(screen.queryByText(/^Showing/)).toBeNull();
  });
});
