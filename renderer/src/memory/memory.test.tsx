import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TmMatch } from '../../../shared/features/memoryApi.js';
import type { FakeVersoApi } from '../../test/fakeApi.js';
import { apiWithProfile, renderApp } from '../../test/renderApp.js';
import { setActiveParagraph } from './activeParagraph.js';

// The active paragraph is app-wide state; each test starts with none.
beforeEach(() => setActiveParagraph(null));

function match(unitId: number, score: number, source: string, target: string): TmMatch {
  return {
    unitId,
    score,
    source,
    target,
    sourceLang: 'en',
    targetLang: 'es',
    origin: 'signoff',
    createdBy: 'Elena',
    createdAt: '2026-11-01T10:00:00.000Z',
    documentId: 'd0',
    documentTitle: 'Budget story',
  };
}

async function openEditor(api: FakeVersoApi): Promise<string> {
  const doc = api.seedDocument([{ source: 'The budget for hospitals passed.' }, { source: 'Other.' }], { title: 'The story' });
  api.tmMatches.set(doc.paragraphs[0]!.id, [
    match(11, 80, 'The budget for schools passed.', 'El presupuesto para escuelas se aprobó.'),
    match(12, 60, 'The budget passed.', 'El presupuesto se aprobó.'),
  ]);
  renderApp({ api });
  fireEvent.click(await screen.findByRole('button', { name: 'The story' }));
  await screen.findByRole('table', { name: 'Paragraphs' });
  return doc.paragraphs[0]!.id;
}

const rows = () => within(screen.getByRole('table', { name: 'Paragraphs' })).getAllByRole('row');

describe('translation memory matches in the editor', () => {
  it('shows the matches of the active paragraph with percentage and source differences; Insert match writes it', async () => {
    const api = apiWithProfile('translator');
    const paragraphId = await openEditor(api);
    expect(screen.queryByRole('region', { name: 'Translation memory matches' })).toBeNull();
    const box = within(rows()[0]!).getByRole('textbox', { name: 'Translation' });
    (box as HTMLTextAreaElement).focus();
    const region = await screen.findByRole('region', { name: 'Translation memory matches' });
    await within(region).findByText('80 %');
    expect(within(region).getByLabelText('80 percent match')).toBeTruthy();
    expect(region.querySelector('del')?.textContent).toContain('schools');
    expect(region.querySelector('ins')?.textContent).toContain('hospitals');
    expect(region.textContent).toContain('Signed off by Elena');
    expect(region.textContent).toContain('Budget story');
    fireEvent.click(within(region).getAllByRole('button', { name: 'Insert match' })[1]!);
    await waitFor(() => expect(api.callsOf('applyTmMatch')).toEqual([{ paragraphId, unitId: 12 }]));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('El presupuesto se aprobó.'));
  });

  it('labels a match stored for another variant of the target language (issue 14: "pt-PT match"), not one of the document’s own', async () => {
    const api = apiWithProfile('translator');
    const doc = api.seedDocument([{ source: 'Take the train.' }], { title: 'Regional', targetLang: 'pt-BR' });
    api.tmMatches.set(doc.paragraphs[0]!.id, [
      { ...match(21, 100, 'Take the train.', 'Pegue o trem.'), targetLang: 'pt-BR', variant: 'exact' },
      { ...match(22, 99, 'Take the train.', 'Apanhe o comboio.'), targetLang: 'pt-PT', variant: 'other' },
    ]);
    renderApp({ api });
    fireEvent.click(await screen.findByRole('button', { name: 'Regional' }));
    await screen.findByRole('table', { name: 'Paragraphs' });
    (within(rows()[0]!).getByRole('textbox', { name: 'Translation' }) as HTMLTextAreaElement).focus();
    const region = await screen.findByRole('region', { name: 'Translation memory matches' });
    const items = await within(region).findAllByRole('listitem');
    expect(items[0]!.querySelector('.tm-variant')).toBeNull();
    expect(within(items[1]!).getByText('pt-PT match').getAttribute('title')).toContain('another variant');
    expect(items[1]!.querySelector('.tm-target')?.getAttribute('lang')).toBe('pt-PT');
  });

  it('Ctrl+M inserts the best match and Ctrl+2 the second; another row shows its own (empty) list', async () => {
    const api = apiWithProfile('translator');
    const paragraphId = await openEditor(api);
    const box = within(rows()[0]!).getByRole('textbox', { name: 'Translation' });
    (box as HTMLTextAreaElement).focus();
    await screen.findByText('80 %');
    fireEvent.keyDown(box, { key: 'm', ctrlKey: true });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('El presupuesto para escuelas se aprobó.'));
    fireEvent.keyDown(box, { key: '2', ctrlKey: true });
    await waitFor(() => expect(api.callsOf('applyTmMatch')).toEqual([
      { paragraphId, unitId: 11 },
      { paragraphId, unitId: 12 },
    ]));
    (within(rows()[1]!).getByRole('textbox', { name: 'Translation' }) as HTMLTextAreaElement).focus();
    const other = await within(rows()[1]!).findByRole('region', { name: 'Translation memory matches' });
    await within(other).findByText('No translation memory matches of 50 % or more.');
    expect(within(rows()[0]!).queryByRole('region', { name: 'Translation memory matches' })).toBeNull();
  });

  it('Ctrl+M pressed while the lookup is still running inserts the best match once it arrives', async () => {
    const api = apiWithProfile('translator');
    let answer: () => void = () => undefined;
    api.tmLookupDelay = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const paragraphId = await openEditor(api);
    const box = within(rows()[0]!).getByRole('textbox', { name: 'Translation' });
    (box as HTMLTextAreaElement).focus();
    await screen.findByText('Looking up the translation memory…');
    fireEvent.keyDown(box, { key: 'm', ctrlKey: true });
    expect(api.callsOf('applyTmMatch')).toEqual([]);
    answer();
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('El presupuesto para escuelas se aprobó.'));
    expect(api.callsOf('applyTmMatch')).toEqual([{ paragraphId, unitId: 11 }]);
  });

  it('a paragraph with inline chips gets its matches: shown with its own chips, inserted with Ctrl+M keeping them', async () => {
    const api = apiWithProfile('translator');
    const o = (i: number) => String.fromCharCode(0xe000 + i);
    const c = (i: number) => String.fromCharCode(0xe100 + i);
    const codes = [{ type: 'bold' as const }, { type: 'link' as const, href: 'https://mine.example/r' }];
    const doc = api.seedDocument([{ source: `The ${o(0)}bank${c(0)} opened ${o(1)}a branch${c(1)}.`, codes }], { title: 'Chips' });
    const unitTarget = `El ${o(0)}banco${c(0)} abrió ${o(1)}una sucursal${c(1)}.`;
    api.tmMatches.set(doc.paragraphs[0]!.id, [
      { ...match(21, 100, `The ${o(0)}bank${c(0)} opened ${o(1)}a branch${c(1)}.`, unitTarget), codes: [{ type: 'bold' }, { type: 'link', href: 'https://theirs.example' }] },
      { ...match(22, 99, 'The bank opened a branch.', 'El banco abrió una sucursal.'), origin: 'tmx' },
    ]);
    renderApp({ api });
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
    await waitFor(() => expect(api.callsOf('applyTmMatch')).toEqual([{ paragraphId: doc.paragraphs[0]!.id, unitId: 21 }]));
    await waitFor(() => expect(within(box).getAllByRole('img')).toHaveLength(4));
    expect(box.textContent).toContain('una sucursal');
    expect(within(box).getByRole('img', { name: 'end of link to https://mine.example/r' })).toBeTruthy();
  });
});
