import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TmMatch } from '../../../shared/features/memoryApi.js';
import { createTestBackend, renderApp, type TestBackend } from '../../test/renderApp.js';
import { bytesToBase64 } from '../base64.js';
import { setActiveParagraph } from './activeParagraph.js';

// The active paragraph is app-wide state; each test starts with none.
beforeEach(() => setActiveParagraph(null));

const SCHOOLS = 'El presupuesto para escuelas se aprobó.';
const PASSED = 'El presupuesto se aprobó.';

/** The translation memory of real work: "Budget story", signed off by Elena. Then the translator is current. */
async function translatorWithMemory(): Promise<TestBackend> {
  const backend = await createTestBackend();
  await backend.seedProfile('editor', 'Elena');
  await backend.seedDocument(
    [
      { source: 'The budget for schools passed.', target: SCHOOLS, status: 'signed-off' },
      { source: 'The budget passed.', target: PASSED, status: 'signed-off' },
    ],
    { title: 'Budget story' },
  );
  await backend.seedProfile('translator', 'Tess Translator');
  return backend;
}

/** Opens a new story whose paragraph 1 has the two matches (best first); returns them as the service scores them. */
async function openEditor(backend: TestBackend): Promise<{ paragraphId: string; matches: TmMatch[] }> {
  const doc = await backend.seedDocument([{ source: 'The budget for hospitals passed.' }, { source: 'Other.' }], { title: 'The story' });
  const paragraphId = doc.paragraphs[0]!.id;
  const matches = await backend.api.lookupTm({ paragraphId });
  expect(matches.map((m) => m.target)).toEqual([SCHOOLS, PASSED]);
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return { paragraphId, matches };
}

const BANK_TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="paragraph" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="en"><seg>The bank opened a branch.</seg></tuv><tuv xml:lang="es"><seg>El banco abrió una sucursal.</seg></tuv></tu>
  </body>
</tmx>`;

const rows = () => within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row');

describe('translation memory matches in the editor', () => {
  it('shows the matches of the active paragraph with percentage and source differences; Insert match writes it', async () => {
    const backend = await translatorWithMemory();
    const { paragraphId, matches } = await openEditor(backend);
    const [best, second] = matches as [TmMatch, TmMatch];
    expect(screen.queryByRole('region', { name: 'Translation memory matches' })).toBeNull();
    const box = within(rows()[0]!).getByRole('textbox', { name: 'Translation' });
    (box as HTMLTextAreaElement).focus();
    const region = await screen.findByRole('region', { name: 'Translation memory matches' });
    await within(region).findByText(`${best.score} %`);
    expect(within(region).getByLabelText(`${best.score} percent match`)).toBeTruthy();
    expect(region.querySelector('del')?.textContent).toContain('schools');
    expect(region.querySelector('ins')?.textContent).toContain('hospitals');
    expect(region.textContent).toContain('Signed off by Elena');
    expect(region.textContent).toContain('Budget story');
    fireEvent.click(within(region).getAllByRole('button', { name: 'Insert match' })[1]!);
    await waitFor(() => expect(backend.callsOf('applyTmMatch')).toEqual([{ paragraphId, unitId: second.unitId }]));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(PASSED));
  });

  it('labels a match stored for another variant of the target language (issue 14: "pt-PT match"), not one of the document’s own', async () => {
    // Elena signed off the same sentence in a pt-BR and a pt-PT story.
    const backend = await createTestBackend();
    await backend.seedProfile('editor', 'Elena');
    await backend.seedDocument([{ source: 'Take the train.', target: 'Pegue o trem.', status: 'signed-off' }], {
      title: 'Brazil',
      targetLang: 'pt-BR',
    });
    await backend.seedDocument([{ source: 'Take the train.', target: 'Apanhe o comboio.', status: 'signed-off' }], {
      title: 'Portugal',
      targetLang: 'pt-PT',
    });
    await backend.seedProfile('translator', 'Tess Translator');
    await backend.seedDocument([{ source: 'Take the train.' }], { title: 'Regional', targetLang: 'pt-BR' });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Regional' }));
    await screen.findByRole('table', { name: 'Paragraphs' });
    within(rows()[0]!).getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation' }).focus();
    const region = await screen.findByRole('region', { name: 'Translation memory matches' });
    const items = await within(region).findAllByRole('listitem');
    expect(items[0]!.querySelector('.tm-variant')).toBeNull();
    expect(within(items[1]!).getByText('pt-PT match').getAttribute('title')).toContain('another variant');
    expect(items[1]!.querySelector('.tm-target')?.getAttribute('lang')).toBe('pt-PT');
  });

  it('Ctrl+M inserts the best match and Ctrl+2 the second; another row shows its own (empty) list', async () => {
    const backend = await translatorWithMemory();
    const { paragraphId, matches } = await openEditor(backend);
    const box = within(rows()[0]!).getByRole('textbox', { name: 'Translation' });
    (box as HTMLTextAreaElement).focus();
    await screen.findByText(`${matches[0]!.score} %`);
    fireEvent.keyDown(box, { key: 'm', ctrlKey: true });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(SCHOOLS));
    fireEvent.keyDown(box, { key: '2', ctrlKey: true });
    await waitFor(() =>
      expect(backend.callsOf('applyTmMatch')).toEqual([
        { paragraphId, unitId: matches[0]!.unitId },
        { paragraphId, unitId: matches[1]!.unitId },
      ]),
    );
    within(rows()[1]!).getByRole<HTMLTextAreaElement>('textbox', { name: 'Translation' }).focus();
    const other = await within(rows()[1]!).findByRole('region', { name: 'Translation memory matches' });
    await within(other).findByText('No translation memory matches of 50 % or more.');
    expect(within(rows()[0]!).queryByRole('region', { name: 'Translation memory matches' })).toBeNull();
  });

  it('Ctrl+M pressed while the lookup is still running inserts the best match once it arrives', async () => {
    const backend = await translatorWithMemory();
    // The app's lookup answers only when released.
    const lookup = backend.holdNext('lookupTmSentences');
    const { paragraphId, matches } = await openEditor(backend);
    const box = within(rows()[0]!).getByRole('textbox', { name: 'Translation' });
    (box as HTMLTextAreaElement).focus();
    await screen.findByText('Looking up the translation memory…');
    fireEvent.keyDown(box, { key: 'm', ctrlKey: true });
    expect(backend.callsOf('applyTmMatch')).toEqual([]);
    lookup.release();
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(SCHOOLS));
    expect(backend.callsOf('applyTmMatch')).toEqual([{ paragraphId, unitId: matches[0]!.unitId }]);
  });

  it('a paragraph with inline chips gets its matches: shown with its own chips, inserted with Ctrl+M keeping them', async () => {
    const o = (i: number) => String.fromCharCode(0xe000 + i);
    const c = (i: number) => String.fromCharCode(0xe100 + i);
    const unitTarget = `El ${o(0)}banco${c(0)} abrió ${o(1)}una sucursal${c(1)}.`;
    // In the memory: the sentence signed off in another story (its own link), and a plain unit from a TMX file.
    const backend = await createTestBackend();
    await backend.seedProfile('editor', 'Elena');
    await backend.seedDocument(
      [{ source: 'The <b>bank</b> opened <a href="https://theirs.example/">a branch</a>.', target: unitTarget, status: 'signed-off' }],
      { title: 'Other bank story', html: true },
    );
    await backend.api.importTmx({
      sourceLang: 'en',
      targetLang: 'es',
      fileName: 'bank.tmx',
      dataBase64: bytesToBase64(new TextEncoder().encode(BANK_TMX)),
      mode: 'merge',
    });
    await backend.seedProfile('translator', 'Tess Translator');
    const doc = await backend.seedDocument([{ source: 'The <b>bank</b> opened <a href="https://mine.example/r">a branch</a>.' }], {
      title: 'Chips',
      html: true,
    });
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Chips' }));
    await screen.findByRole('table', { name: 'Paragraphs' });
    const box = within(rows()[0]!).getByRole('textbox', { name: 'Translation' });
    box.focus();
    const region = await screen.findByRole('region', { name: 'Translation memory matches' });
    await within(region).findByText('100 %');
    const [best, plain] = within(region).getAllByRole('listitem');
    // The match shows with this paragraph's chips (its own link), the source diff without placeholders.
    expect(within(best!).getByRole('img', { name: 'start of link to https://mine.example/r' })).toBeTruthy();
    expect(region.textContent).not.toMatch(/[\uE000-\uE2FF]/u);
    expect(best!.textContent).not.toContain('formatting differs');
    expect(plain!.textContent).toContain('The formatting differs from this paragraph’s');
    fireEvent.keyDown(box, { key: 'm', ctrlKey: true });
    const [bestUnit] = await backend.api.lookupTm({ paragraphId: doc.paragraphs[0]!.id });
    expect(bestUnit!.target).toBe(unitTarget);
    await waitFor(() =>
      expect(backend.callsOf('applyTmMatch')).toEqual([{ paragraphId: doc.paragraphs[0]!.id, unitId: bestUnit!.unitId }]),
    );
    await waitFor(() => expect(within(box).getAllByRole('img')).toHaveLength(4));
    expect(box.textContent).toContain('una sucursal');
    expect(within(box).getByRole('img', { name: 'end of link to https://mine.example/r' })).toBeTruthy();
  });
});

/** Settings open as an editor, bank.tmx chosen, "Replace earlier TMX imports" selected. */
async function replaceChosen(): Promise<TestBackend> {
  const backend = await createTestBackend();
  await backend.seedProfile('editor', 'Elena');
  renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  const file = new File([BANK_TMX], 'bank.tmx', { type: 'application/x-tmx+xml' });
  fireEvent.change(await screen.findByLabelText('TMX file to import'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('radio', { name: 'Replace earlier TMX imports' }));
  return backend;
}

describe('TMX import in Settings', () => {
  it('Replace asks first, naming how many units go and that the team loses them too; Cancel imports nothing', async () => {
    const backend = await replaceChosen();
    // What a library in a team with 1,200 imported units would be told (the service's own answer is tested in main/).
    backend.replyNext('checkTmxReplace', { tmxUnits: 1200, team: true });
    fireEvent.click(screen.getByRole('button', { name: 'Import TMX' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the TMX imports of English → Spanish?' });
    expect(dialog.textContent).toContain(
      'Importing “bank.tmx” removes the 1,200 units imported earlier from TMX files for English → Spanish.',
    );
    expect(dialog.textContent).toContain('This library is in a team: they are removed from every member’s library too.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Nothing was imported; the translation memory is unchanged.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.callsOf('importTmx')).toEqual([]);
    expect(backend.callsOf('startTmxImport')).toEqual([]);
  });

  it('Replace with no earlier TMX units imports at once: nothing would be removed', async () => {
    const backend = await replaceChosen();
    fireEvent.click(screen.getByRole('button', { name: 'Import TMX' }));
    expect(await screen.findByText('Imported 1 units; 0 skipped; 0 earlier imported units removed.', { exact: false })).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.callsOf('checkTmxReplace')).toEqual([{ sourceLang: 'en', targetLang: 'es' }]);
  });
});
