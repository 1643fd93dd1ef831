import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { backendWithProfile, renderApp } from '../../test/renderApp.js';

const CODES: InlineCode[] = [{ type: 'bold' }, { type: 'link', href: 'https://news.example/r' }];
const SOURCE = `The river ${o(0)}burst${c(0)}, see ${o(1)}the report${c(1)}.`;
const MT = `El río ${o(0)}se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.`;
const EDITED = `El río ${o(0)}se desbordó${c(0)} ayer, ver ${o(1)}el informe${c(1)}.`;

/** SOURCE as imported: HTML whose inline markup becomes CODES. */
const SOURCE_HTML = 'The river <b>burst</b>, see <a href="https://news.example/r">the report</a>.';

describe('the history of a paragraph with inline codes', () => {
  it('shows chips as chips and says in words what an undo, redo or restore concerns, never a revision number', async () => {
    // The history made for real by Ana: MT, her edit, undo, redo, then a restore of the MT.
    const backend = await backendWithProfile('translator', 'Ana');
    const doc = await backend.seedDocument([{ source: SOURCE_HTML, target: MT, status: 'machine' }], { title: 'Story', html: true });
    const paragraphId = doc.paragraphs[0]!.id;
    expect(doc.paragraphs[0]).toMatchObject({ source: SOURCE, codes: CODES });
    await backend.api.updateParagraphTarget({ paragraphId, target: EDITED });
    await backend.api.undoParagraph({ paragraphId });
    await backend.api.redoParagraph({ paragraphId });
    const mtRevision = (await backend.api.getParagraphHistory({ paragraphId })).entries.find((e) => e.action === 'mt')!;
    await backend.api.restoreRevision({ paragraphId, revisionId: mtRevision.id });
    const revisionIds = (await backend.api.getParagraphHistory({ paragraphId })).entries.map((e) => e.id);
    renderApp({ backend });
    fireEvent.click(await screen.findByRole('button', { name: 'Story' }));
    const row = within(await screen.findByRole('table', { name: 'Paragraphs' })).getAllByRole('row')[0]!;
    fireEvent.click(within(row).getByRole('button', { name: 'History' }));
    const history = await within(row).findByRole('region', { name: 'History of paragraph 1' });
    await within(history).findAllByText(/Undo of the edit by Ana from/);
    const text = history.textContent ?? '';
    expect(text).toMatch(/Undo of the edit by Ana from .*2026/);
    expect(text).toMatch(/Redo of the edit by Ana from/);
    expect(text).toMatch(/Brings back the version of .* \(the machine translation\)/);
    expect(text).not.toMatch(/revision/i);
    // Real revision ids are small numbers that dates also contain: no "#<id>" nor "revision <id>".
    for (const id of revisionIds) expect(text).not.toMatch(new RegExp(`#${id}\\b|revision ${id}\\b`, 'i'));
    expect(text).not.toMatch(/[\uE000-\uE2FF]|⟨\/?\d⟩/u);
    // Each text shows its chips with their spoken names.
    expect(within(history).getAllByRole('img', { name: 'start of bold' })).toHaveLength(5);
    expect(within(history).getAllByRole('img', { name: 'end of link to https://news.example/r' })).toHaveLength(5);
  });

  it('the diff against the MT shows an added or removed chip as a chip', async () => {
    const backend = await backendWithProfile('translator');
    await backend.seedDocument(
      [{ source: SOURCE_HTML, mt: MT, target: `El río se desbordó, ver ${o(1)}el informe${c(1)}.`, status: 'edited' }],
      { title: 'Story', html: true },
    );
    renderApp({ backend });
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
