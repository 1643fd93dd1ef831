import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { backendWithProfile, renderApp, type TestBackend } from '../../test/renderApp.js';
import { docToText, offsetOf, posOf } from './chipDoc.js';
import { chipEditorViewOf } from './chipEditorView.js';
import { setActiveParagraph } from '../memory/activeParagraph.js';

const CODES: InlineCode[] = [{ type: 'bold' }, { type: 'link', href: 'https://news.example/r' }];
const SOURCE = `The river ${o(0)}burst${c(0)}, see ${o(1)}the report${c(1)}.`;
const TARGET = `El río ${o(0)}se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.`;
/** SOURCE as imported: HTML whose inline markup becomes CODES. */
const SOURCE_HTML = 'The river <b>burst</b>, see <a href="https://news.example/r">the report</a>.';

async function openRow(target = TARGET, status: 'machine' | 'new' = 'machine') {
  const backend = await backendWithProfile('translator');
  const doc = await backend.seedDocument([status === 'machine' ? { source: SOURCE_HTML, target, status } : { source: SOURCE_HTML }], {
    title: 'Story',
    html: true,
  });
  expect(doc.paragraphs[0]).toMatchObject({ source: SOURCE, codes: CODES });
  const app = renderApp({ backend });
  fireEvent.click(await screen.findByRole('button', { name: 'Story' }));
  const row = within(await screen.findByRole('table', { name: 'Paragraphs' })).getAllByRole('row')[0]!;
  const box = within(row).getByRole('textbox', { name: 'Translation' });
  return { backend, app, row, box, view: chipEditorViewOf(box)! };
}

/** Puts the caret at a text offset (as a click would: the box gets focus). */
function caretAt(view: EditorView, offset: number, to = offset): void {
  act(() => {
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(offset), posOf(to))));
  });
}

/** Types text at the caret, as ProseMirror's input handling does. */
function type(view: EditorView, text: string): void {
  act(() => view.dispatch(view.state.tr.insertText(text)));
}

// jsdom lays nothing out; ProseMirror scrolls the caret into view after a change.
const noRects = { getClientRects: () => [] as unknown as DOMRectList, getBoundingClientRect: () => new DOMRect(0, 0, 0, 0) };
beforeAll(() => {
  Object.assign(Range.prototype, noRects);
});

const saves = (backend: TestBackend) => backend.callsOf('updateParagraphTarget') as { target: string }[];

describe('the chip editor (ProseMirror) in a paragraph row', () => {
  it('shows the tokens of source and translation as chips with spoken names; the box is a textbox named Translation', async () => {
    const { row, box, view } = await openRow();
    expect(within(row).getAllByRole('img', { name: 'start of bold' })).toHaveLength(2);
    expect(within(row).getAllByRole('img', { name: 'end of link to https://news.example/r' })).toHaveLength(2);
    expect(box.getAttribute('contenteditable')).toBe('true');
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(
      within(row)
        .getByText(/The river/)
        .closest('p')!.id,
    );
    expect(box.getAttribute('lang')).toBe('es');
    expect(box.querySelectorAll('[contenteditable="false"]')).toHaveLength(4);
    expect(docToText(view.state.doc)).toBe(TARGET);
    expect(box.textContent).toContain('se desbordó');
  });

  it('saves typed text with the tokens in place; placeholder characters typed are dropped', async () => {
    const { backend, view } = await openRow();
    caretAt(view, 0);
    type(view, `Hoy ${o(1)}`);
    expect(docToText(view.state.doc)).toBe(`Hoy ${TARGET}`);
    await waitFor(() => expect(saves(backend)).toHaveLength(1), { timeout: 10_000 });
    expect(saves(backend)[0]!.target).toBe(`Hoy ${TARGET}`);
  });

  it('reads what the browser changed in the DOM (native typing) back into the text', async () => {
    const { backend, box, view } = await openRow();
    const text = box.querySelector('.token-line')!.firstChild as Text;
    expect(text.nodeValue).toBe('El río ');
    act(() => {
      text.nodeValue = 'El gran río ';
    });
    await waitFor(() => expect(docToText(view.state.doc)).toBe(TARGET.replace('El río', 'El gran río')));
    await waitFor(() => expect(saves(backend).at(-1)?.target).toBe(TARGET.replace('El río', 'El gran río')), { timeout: 10_000 });
  });

  it('a chip element the browser rebuilt while editing around it is still the chip (nothing lost, nothing added)', async () => {
    const { box, view } = await openRow();
    const text = box.querySelector('.token-line')!.firstChild as Text;
    act(() => {
      const chip = box.querySelector('[data-token]')!;
      chip.replaceWith(chip.cloneNode(true));
      text.nodeValue = 'El gran río ';
    });
    await waitFor(() => expect(docToText(view.state.doc)).toBe(TARGET.replace('El río', 'El gran río')));
  });

  it('a save coming back (equal text, new codes array) rebuilds nothing: the caret and the chip elements stay', async () => {
    const { backend, box, view } = await openRow();
    caretAt(view, 7);
    type(view, 'ancho ');
    const chip = box.querySelector('[data-token]');
    await waitFor(() => expect(saves(backend)).toHaveLength(1), { timeout: 10_000 });
    await screen.findByText('Saved');
    expect(offsetOf(view.state.selection.head)).toBe(13);
    expect(box.querySelector('[data-token]')).toBe(chip);
    type(view, 'y ');
    expect(docToText(view.state.doc)).toBe(TARGET.replace('El río ', 'El río ancho y '));
    await waitFor(() => expect(saves(backend).at(-1)!.target).toBe(TARGET.replace('El río ', 'El río ancho y ')), { timeout: 10_000 });
  });

  it('a text changed elsewhere (undo) is applied as the smallest change: the caret keeps its place', async () => {
    const { backend, view, box } = await openRow();
    caretAt(view, TARGET.length);
    type(view, ' Hoy.');
    await waitFor(() => expect(saves(backend)).toHaveLength(1), { timeout: 10_000 });
    caretAt(view, 3);
    act(() => {
      fireEvent.keyDown(box, { key: 'z', ctrlKey: true });
    });
    await waitFor(() => expect(docToText(view.state.doc)).toBe(TARGET));
    expect(offsetOf(view.state.selection.head)).toBe(3);
    // The real undo: the backend's history brings back the translation before the edit.
    expect(backend.callsOf('undoParagraph')).toHaveLength(1);
  });

  it('a chip deleted whole is reported by QA as a missing formatting mark', async () => {
    const { row, view } = await openRow();
    act(() => view.dispatch(view.state.tr.delete(posOf(7), posOf(8))));
    expect(await within(row).findByText(/Formatting marks of the source are missing from the translation \(1\)/)).toBeTruthy();
  });

  it('a missing token is put back at the caret with its button or Alt+Insert, and QA is satisfied again', async () => {
    const { backend, row, box, view } = await openRow();
    // MT put the bold in the wrong place: the translator deletes its start...
    act(() => view.dispatch(view.state.tr.delete(posOf(7), posOf(8))));
    const group = await within(row).findByRole('group', { name: /^Missing formatting/ });
    expect(box.getAttribute('aria-describedby')).toContain(group.id);
    // ...puts the caret before "río" and inserts it there with the button.
    caretAt(view, 3);
    fireEvent.click(within(group).getByRole('button', { name: 'Insert start of bold' }));
    const moved = `El ${o(0)}río se desbordó${c(0)}, ver ${o(1)}el informe${c(1)}.`;
    expect(docToText(view.state.doc)).toBe(moved);
    expect(offsetOf(view.state.selection.head)).toBe(4);
    await waitFor(() => expect(within(row).queryByRole('group', { name: /^Missing formatting/ })).toBeNull());
    expect(within(row).queryByText(/Formatting marks of the source are missing/)).toBeNull();
    await waitFor(() => expect(saves(backend).at(-1)!.target).toBe(moved), { timeout: 10_000 });

    // Alt+Insert puts the first missing token back at the caret.
    const end = moved.indexOf(c(1));
    act(() => view.dispatch(view.state.tr.delete(posOf(end), posOf(end + 1))));
    await within(row).findByRole('group', { name: /^Missing formatting/ });
    caretAt(view, end - 3);
    act(() => {
      fireEvent.keyDown(box, { key: 'Insert', altKey: true });
    });
    expect(docToText(view.state.doc)).toBe(`El ${o(0)}río se desbordó${c(0)}, ver ${o(1)}el info${c(1)}rme.`);
    await waitFor(() => expect(within(row).queryByRole('group', { name: /^Missing formatting/ })).toBeNull());
  });

  it('a paragraph with no translation yet shows no missing formatting; the buttons come with the first words', async () => {
    const { row, view } = await openRow('', 'new');
    expect(within(row).queryByRole('group', { name: /^Missing formatting/ })).toBeNull();
    expect(within(row).queryByText(/Formatting marks of the source are missing/)).toBeNull();
    caretAt(view, 0);
    type(view, 'El río');
    expect(await within(row).findByRole('group', { name: /^Missing formatting/ })).toBeTruthy();
  });

  it('pastes plain text only: pasted HTML chips and placeholder characters never make tokens', async () => {
    const { box, view } = await openRow();
    caretAt(view, 0);
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    const data: Record<string, string> = {
      'text/plain': `Pegado ${o(0)}x${c(1)}\r\n`,
      'text/html': `<span data-token="${o(0)}">⟨B</span>Pegado`,
    };
    Object.defineProperty(paste, 'clipboardData', { value: { getData: (type: string) => data[type] ?? '', types: Object.keys(data) } });
    act(() => {
      box.dispatchEvent(paste);
    });
    expect(paste.defaultPrevented).toBe(true);
    expect(docToText(view.state.doc)).toBe(`Pegado x\n${TARGET}`);
  });

  it('reports nothing while an IME composition is under way, and the composed text when it ends', async () => {
    const { backend, box, view } = await openRow();
    caretAt(view, 0);
    act(() => {
      box.dispatchEvent(new Event('compositionstart', { bubbles: true }));
    });
    expect(view.composing).toBe(true);
    type(view, 'にほ');
    await new Promise((r) => setTimeout(r, 900));
    expect(saves(backend)).toHaveLength(0);
    type(view, 'ん');
    act(() => {
      box.dispatchEvent(new Event('compositionend', { bubbles: true }));
    });
    await waitFor(() => expect(saves(backend).at(-1)?.target).toBe(`にほん${TARGET}`), { timeout: 10_000 });
  });

  it('focusing the box makes its paragraph the active one (its TM matches show)', async () => {
    const { row, box } = await openRow();
    act(() => setActiveParagraph(null));
    expect(within(row).queryByRole('region', { name: 'Translation memory matches' })).toBeNull();
    act(() => box.focus());
    expect(await within(row).findByRole('region', { name: 'Translation memory matches' })).toBeTruthy();
  });

  it('an unmounted row destroys its editor and leaves no document listener behind', async () => {
    const added = new Map<string, number>();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on document, never called detached
    const orig = { add: document.addEventListener, remove: document.removeEventListener };
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.set(type, (added.get(type) ?? 0) + 1);
      return (orig.add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.set(type, (added.get(type) ?? 0) - 1);
      return (orig.remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.removeEventListener;
    try {
      const { app, view, box } = await openRow();
      act(() => box.focus());
      expect(view.isDestroyed).toBe(false);
      app.unmount();
      expect(view.isDestroyed).toBe(true);
      expect(chipEditorViewOf(box)).toBeUndefined();
      expect(added.get('selectionchange') ?? 0).toBe(0);
    } finally {
      document.addEventListener = orig.add;
      document.removeEventListener = orig.remove;
    }
  });
});
