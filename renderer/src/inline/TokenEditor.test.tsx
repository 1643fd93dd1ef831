import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { apiWithProfile, renderApp } from '../../test/renderApp.js';
import { readTokens } from './chips.js';

const CODES: InlineCode[] = [{ type: 'bold' }, { type: 'link', href: 'https://news.example/r' }];
const SOURCE = `The river ${o(0)}burst${c(0)}, see ${o(1)}the report${c(1)}.`;
const TARGET = `El río ${o(0)}se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.`;

async function openRow() {
  const api = apiWithProfile('translator');
  api.seedDocument([{ source: SOURCE, target: TARGET, status: 'machine', engineId: 'apertium', codes: CODES }], { title: 'Story' });
  renderApp({ api });
  fireEvent.click(await screen.findByRole('button', { name: 'Story' }));
  const row = within(await screen.findByRole('table', { name: 'Paragraphs' })).getAllByRole('row')[0]!;
  return { api, row, box: within(row).getByRole('textbox', { name: 'Translation' }) };
}

describe('inline tokens in the editor', () => {
  it('shows the tokens of source and translation as chips with spoken names; the translation box is a chip editor', async () => {
    const { row, box } = await openRow();
    expect(within(row).getAllByRole('img', { name: 'start of bold' })).toHaveLength(2);
    expect(within(row).getAllByRole('img', { name: 'end of link to https://news.example/r' })).toHaveLength(2);
    expect(box.getAttribute('contenteditable')).toBe('plaintext-only');
    expect(box.querySelectorAll('[contenteditable="false"]')).toHaveLength(4);
    expect(readTokens(box)).toBe(TARGET);
    expect(box.textContent).toContain('se desbordó');
  });

  it('typed text is saved with the tokens in place; placeholder characters typed or pasted are dropped', async () => {
    const { api, box } = await openRow();
    const first = box.firstChild as Text;
    act(() => {
      first.nodeValue = `Hoy el río \uE001`;
      fireEvent.input(box);
    });
    await waitFor(() => expect(api.callsOf('updateParagraphTarget')).toHaveLength(1), { timeout: 3000 });
    expect(api.callsOf('updateParagraphTarget')[0]).toMatchObject({ target: `Hoy el río ${o(0)}se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.` });
  });

  it('a chip deleted whole is reported by QA as a missing formatting mark', async () => {
    const { row, box } = await openRow();
    act(() => {
      box.querySelector('[data-token]')!.remove();
      fireEvent.input(box);
    });
    expect(await within(row).findByText(/Formatting marks of the source are missing from the translation \(1\)/)).toBeTruthy();
  });

  it('a missing token is put back at the cursor with its button or Alt+Insert, and QA is satisfied again', async () => {
    const { api, row, box } = await openRow();
    // MT put the bold in the wrong place: the translator deletes its start...
    act(() => {
      box.querySelector('[data-token]')!.remove();
      fireEvent.input(box);
    });
    const group = await within(row).findByRole('group', { name: /^Missing formatting/ });
    // ...places the cursor before "río" and inserts it there with the button.
    const text = box.firstChild as Text;
    expect(text.nodeValue).toBe('El río ');
    const range = document.createRange();
    range.setStart(text, 3);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    fireEvent.keyUp(box, { key: 'ArrowLeft' });
    fireEvent.click(within(group).getByRole('button', { name: 'Insert start of bold' }));
    expect(readTokens(box)).toBe(`El ${o(0)}río se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.`);
    await waitFor(() => expect(within(row).queryByRole('group', { name: /^Missing formatting/ })).toBeNull());
    expect(within(row).queryByText(/Formatting marks of the source are missing/)).toBeNull();
    await waitFor(() => expect(api.callsOf('updateParagraphTarget').at(-1)).toMatchObject({ target: `El ${o(0)}río se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.` }), { timeout: 3000 });

    // Alt+Insert puts the first missing token back at the caret without leaving the box.
    act(() => {
      box.querySelectorAll('[data-token]')[3]!.remove();
      fireEvent.input(box);
    });
    await within(row).findByRole('group', { name: /^Missing formatting/ });
    fireEvent.keyDown(box, { key: 'Insert', altKey: true });
    expect(readTokens(box).match(/[\uE000-\uE2FF]/gu)).toHaveLength(4);
    await waitFor(() => expect(within(row).queryByRole('group', { name: /^Missing formatting/ })).toBeNull());
  });
});
