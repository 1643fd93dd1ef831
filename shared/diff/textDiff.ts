/**
 * Word-level diff of two texts (jsdiff over Intl.Segmenter words, so every script splits into real
 * words); languages written without spaces (Chinese, Japanese, Thai…) are compared per character.
 */
import { diffArrays } from 'diff';
import { isCjk } from '../qa/text.js';
import { segments } from '../text/words.js';

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Words, spaces and punctuation as separate tokens; joined they give back the text exactly. */
export function tokenize(text: string, lang: string): string[] {
  if (isCjk(lang)) return [...text];
  return segments(text, lang);
}

export function diffTexts(before: string, after: string, lang: string): DiffPart[] {
  const changes = diffArrays(tokenize(before, lang), tokenize(after, lang));
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const kind: DiffKind = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const text = c.value.join('');
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else if (text !== '') parts.push({ kind, text });
  }
  return parts;
}
