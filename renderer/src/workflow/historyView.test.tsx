import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/features/workflowApi.js';
import { closeToken as c, openToken as o, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { apiWithProfile, renderApp } from '../../test/renderApp.js';

const CODES: InlineCode[] = [{ type: 'bold' }, { type: 'link', href: 'https://news.example/r' }];
const SOURCE = `The river ${o(0)}burst${c(0)}, see ${o(1)}the report${c(1)}.`;
const MT = `El río ${o(0)}se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.`;
const EDITED = `El río ${o(0)}se desbordó${c(0)} ayer, ver ${o(1)}el informe${c(1)}.`;

function entry(id: number, over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id,
    authorName: 'Ana',
    role: 'translator',
    origin: 'human',
    action: 'edit',
    mtEngine: null,
    beforeText: '',
    afterText: '',
    statusBefore: 'new',
    statusAfter: 'edited',
    createdAt: '2026-03-02T14:02:00.000Z',
    updatedAt: '2026-03-02T14:02:00.000Z',
    link: null,
    override: null,
    review: null,
    restorable: true,
    ...over,
  };
}

describe('the history of a paragraph with inline codes', () => {
  it('shows chips as chips and says in words what an undo, redo or restore concerns, never a revision number', async () => {
    const api = apiWithProfile('translator');
    api.seedDocument([{ source: SOURCE, target: MT, status: 'machine', engineId: 'apertium', codes: CODES }], { title: 'Story' });
    api.getParagraphHistory = async ({ paragraphId }) => ({
      paragraphId,
      canUndo: true,
      canRedo: false,
      entries: [
        entry(9936, { origin: 'mt', action: 'mt', mtEngine: 'apertium', afterText: MT, statusAfter: 'machine' }),
        entry(9937, { beforeText: MT, afterText: EDITED }),
        entry(9938, { beforeText: EDITED, afterText: MT, statusAfter: 'machine', link: { kind: 'undo', revisionId: 9937 }, updatedAt: '2026-03-02T14:05:00.000Z' }),
        entry(9939, { beforeText: MT, afterText: EDITED, link: { kind: 'redo', revisionId: 9937 } }),
        entry(9940, { beforeText: EDITED, afterText: MT, link: { kind: 'restore', revisionId: 9936 } }),
      ],
    });
    renderApp({ api });
    fireEvent.click(await screen.findByRole('button', { name: 'Story' }));
    const row = within(await screen.findByRole('table', { name: 'Paragraphs' })).getAllByRole('row')[0]!;
    fireEvent.click(within(row).getByRole('button', { name: 'History' }));
    const history = await within(row).findByRole('region', { name: 'History of paragraph 1' });
    await within(history).findAllByText(/Undo of the edit by Ana from/);
    const text = history.textContent ?? '';
    expect(text).toMatch(/Undo of the edit by Ana from .*2026/);
    expect(text).toMatch(/Redo of the edit by Ana from/);
    expect(text).toMatch(/Brings back the version of .* \(the machine translation\)/);
    expect(text).not.toMatch(/revision|993\d/);
    expect(text).not.toMatch(/[\uE000-\uE2FF]|⟨\/?\d⟩/u);
    // Each text shows its chips with their spoken names.
    expect(within(history).getAllByRole('img', { name: 'start of bold' })).toHaveLength(5);
    expect(within(history).getAllByRole('img', { name: 'end of link to https://news.example/r' })).toHaveLength(5);
  });

  it('the diff against the MT shows an added or removed chip as a chip', async () => {
    const api = apiWithProfile('translator');
    const doc = api.seedDocument([{ source: SOURCE, target: `El río se desbordó, ver ${o(1)}el informe${c(1)}.`, status: 'edited', engineId: 'apertium', codes: CODES }], { title: 'Story' });
    api.docs.get(doc.id)!.paragraphs[0]!.mt!.text = MT;
    renderApp({ api });
    fireEvent.click(await screen.findByRole('button', { name: 'Story' }));
    const row = within(await screen.findByRole('table', { name: 'Paragraphs' })).getAllByRole('row')[0]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Changes since MT' }));
    const figure = (await within(row).findByText('Machine translation → current text')).closest('figure')!;
    expect(figure.textContent).not.toMatch(/[\uE000-\uE2FF]|⟨\/?\d⟩/u);
    const removed = within(figure).getAllByRole('img', { name: 'start of bold' });
    expect(removed).toHaveLength(1);
    expect(removed[0]!.closest('del')).toBeTruthy();
    expect(within(figure).getByRole('img', { name: 'start of link to https://news.example/r' }).closest('del, ins')).toBeNull();
  });
});
