/**
 * Where the words an engine did not know (Apertium marks them; `mt.unknownWords`) stand in a text,
 * so the source column can highlight them. Whole words only, as the engine reported them.
 */
import { escapeRegExp } from '../../../shared/escapeRegExp.js';

export interface UnknownPiece {
  text: string;
  unknown: boolean;
}

export function splitUnknownWords(text: string, words: readonly string[]): UnknownPiece[] {
  const list = [...new Set(words.filter((w) => w.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return [{ text, unknown: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${list.map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}\\p{N}_])`, 'gu');
  const pieces: UnknownPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), unknown: false });
    pieces.push({ text: m[0], unknown: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), unknown: false });
  return pieces;
}
