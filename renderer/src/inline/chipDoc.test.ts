import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, soloToken as s } from '../../../shared/inline/inlineCodes.js';
import {
  chipSchema,
  cleanInput,
  docToText,
  insertChipTr,
  offsetOf,
  posOf,
  replaceTextTr,
  stripPlaceholders,
  textChange,
  textLength,
  textToDoc,
} from './chipDoc.js';
import { mulberry32 as rng } from '../../../shared/testing/seededRandom.js';

const PIECES = ['a', 'é', ' ', 'ñ', '中', '文', 'ا', 'ש', '😀', '\n', o(0), c(0), o(1), c(1), s(2), 'x'];

function randomText(next: () => number, max = 24): string {
  let out = '';
  const n = Math.floor(next() * max);
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

function stateOf(text: string, caret?: number): EditorState {
  const state = EditorState.create({ doc: textToDoc(text) });
  return caret === undefined ? state : state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(caret))));
}

describe('chip document ⇄ token text', () => {
  it('maps a text with tokens to text runs and one chip per token, and back exactly', () => {
    const text = `El ${o(0)}río${c(0)} crece${s(1)}\nhoy 😀`;
    const doc = textToDoc(text);
    const line = doc.firstChild!;
    expect(line.childCount).toBe(7);
    expect(line.child(1).type.name).toBe('chip');
    expect(line.child(1).attrs['token']).toBe(o(0));
    expect(docToText(doc)).toBe(text);
    expect(textLength(doc)).toBe(text.length);
    expect(docToText(textToDoc(''))).toBe('');
  });

  it('round-trips hundreds of random texts, and text offset i is document position i + 1', () => {
    const next = rng(20260311);
    for (let run = 0; run < 500; run++) {
      const text = randomText(next);
      const doc = textToDoc(text);
      expect(docToText(doc)).toBe(text);
      for (let i = 0; i <= text.length; i++) {
        const $pos = doc.resolve(posOf(i));
        expect(offsetOf($pos.pos)).toBe(i);
        // The node after the position is the chip or the text the text has there.
        const ch = text[i];
        if (ch !== undefined && /[\uE000-\uE2FF]/.test(ch)) expect($pos.nodeAfter?.attrs['token']).toBe(ch);
      }
    }
  });

  it('finds the smallest change between two texts, never cutting a surrogate pair', () => {
    expect(textChange('abc', 'abc')).toBeNull();
    expect(textChange('abcdef', 'abXYdef')).toEqual({ start: 2, end: 3, text: 'XY' });
    expect(textChange('aaa', 'aaaa')).toEqual({ start: 3, end: 3, text: 'a' });
    // 😀 = D83D DE00, 😃 = D83D DE03: the shared high surrogate is not kept apart from its pair.
    expect(textChange('a😀b', 'a😃b')).toEqual({ start: 1, end: 3, text: '😃' });
    const next = rng(7);
    for (let run = 0; run < 500; run++) {
      const a = randomText(next);
      const b = randomText(next);
      const change = textChange(a, b);
      if (a === b) continue;
      expect(a.slice(0, change!.start) + change!.text + a.slice(change!.end)).toBe(b);
    }
  });

  it('applies a text from outside as the smallest replacement: the caret keeps its place in the text around it', () => {
    const text = `En 1997 el ${o(0)}banco${c(0)} abrió.`;
    // Caret after "En 1997" (offset 7); the change is at the end.
    let state = stateOf(text, 7);
    state = state.apply(replaceTextTr(state, `${text} Hoy.`)!);
    expect(docToText(state.doc)).toBe(`${text} Hoy.`);
    expect(offsetOf(state.selection.head)).toBe(7);
    // A change before the caret moves it with the text it was next to.
    state = state.apply(replaceTextTr(state, `Ya en 1997 el ${o(0)}banco${c(0)} abrió. Hoy.`)!);
    expect(offsetOf(state.selection.head)).toBe(10);
    expect(replaceTextTr(state, docToText(state.doc))).toBeNull();
    // Random texts and carets: the result is always exactly the wanted text.
    const next = rng(99);
    for (let run = 0; run < 300; run++) {
      const a = randomText(next);
      const b = randomText(next);
      const st = stateOf(a, Math.floor(next() * (a.length + 1)));
      const tr = replaceTextTr(st, b);
      expect(docToText(tr ? st.apply(tr).doc : st.doc)).toBe(b);
    }
  });

  it('inserts a chip over the selection and puts the caret after it', () => {
    const state = stateOf(`El río${c(0)} crece.`, 3);
    const after = state.apply(insertChipTr(state, o(0)));
    expect(docToText(after.doc)).toBe(`El ${o(0)}río${c(0)} crece.`);
    expect(offsetOf(after.selection.head)).toBe(4);
    const end = state.apply(insertChipTr(state, o(0), { from: posOf(14), to: posOf(14) }));
    expect(docToText(end.doc)).toBe(`El río${c(0)} crece.${o(0)}`);
  });

  it('removes placeholder characters that reach a text node; typed or pasted text never makes a token', () => {
    const state = stateOf(`ab${o(0)}c${c(0)}`, 2);
    const typed = state.apply(state.tr.insertText(`x${o(1)}y${c(0)}`, posOf(2)));
    const cleaned = typed.apply(stripPlaceholders(typed)!);
    expect(docToText(cleaned.doc)).toBe(`abxy${o(0)}c${c(0)}`);
    expect(stripPlaceholders(cleaned)).toBeNull();
    expect(cleanInput(`a\r\nb\rc${s(3)}d`)).toBe('a\nb\ncd');
  });

  it('has one line of plain text: no marks, chips are atoms that cannot be selected on their own', () => {
    expect(chipSchema.nodes['line'].spec.code).toBe(true);
    expect(chipSchema.nodes['chip'].isAtom).toBe(true);
    expect(chipSchema.nodes['chip'].spec.selectable).toBe(false);
    expect(Object.keys(chipSchema.marks)).toEqual([]);
  });
});
