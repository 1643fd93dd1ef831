/**
 * Normalising and validating what a person (or an import) gives for a term, before anything is
 * stored: NFC, trimmed, inner runs of white space made one space, variants de-duplicated.
 */
import type { GlossaryTermInput } from './types.js';
import { cleanImportedText } from '../textHygiene.js';

export const GLOSSARY_LIMITS = {
  termChars: 200,
  noteChars: 1000,
  definitionChars: 2000,
  forbiddenVariants: 20,
  /** Terms per language pair. */
  termsPerPair: 50_000,
  /** Size of an import file. */
  importBytes: 10 * 1024 * 1024,
} as const;

/** Control characters (an imported file's ESC, NUL…) are dropped; tab and line breaks fold into spaces. */
export function cleanTermText(text: string): string {
  return cleanImportedText(text).normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export interface CleanTerm {
  source: string;
  target: string;
  note: string;
  definition: string;
  forbidden: string[];
  caseSensitive: boolean;
}

/** Why a term cannot be stored; `field` names the input that is wrong. */
export type TermProblem =
  | { kind: 'empty'; field: 'source' | 'target' }
  | { kind: 'tooLong'; field: 'source' | 'target' | 'note' | 'definition' | 'forbidden'; limit: number }
  | { kind: 'tooManyVariants'; limit: number }
  | { kind: 'forbiddenIsTarget'; variant: string };

export function cleanTerm(input: GlossaryTermInput): { ok: true; term: CleanTerm } | { ok: false; problem: TermProblem } {
  const source = cleanTermText(input.source);
  const target = cleanTermText(input.target);
  const note = cleanImportedText(input.note ?? '')
    .normalize('NFC')
    .trim();
  const definition = cleanImportedText(input.definition ?? '')
    .normalize('NFC')
    .trim();
  if (source === '') return { ok: false, problem: { kind: 'empty', field: 'source' } };
  if (target === '') return { ok: false, problem: { kind: 'empty', field: 'target' } };
  if (source.length > GLOSSARY_LIMITS.termChars)
    return { ok: false, problem: { kind: 'tooLong', field: 'source', limit: GLOSSARY_LIMITS.termChars } };
  if (target.length > GLOSSARY_LIMITS.termChars)
    return { ok: false, problem: { kind: 'tooLong', field: 'target', limit: GLOSSARY_LIMITS.termChars } };
  if (note.length > GLOSSARY_LIMITS.noteChars)
    return { ok: false, problem: { kind: 'tooLong', field: 'note', limit: GLOSSARY_LIMITS.noteChars } };
  if (definition.length > GLOSSARY_LIMITS.definitionChars) {
    return { ok: false, problem: { kind: 'tooLong', field: 'definition', limit: GLOSSARY_LIMITS.definitionChars } };
  }
  const forbidden: string[] = [];
  for (const raw of input.forbidden ?? []) {
    const v = cleanTermText(raw);
    if (v === '' || forbidden.includes(v)) continue;
    if (v.length > GLOSSARY_LIMITS.termChars)
      return { ok: false, problem: { kind: 'tooLong', field: 'forbidden', limit: GLOSSARY_LIMITS.termChars } };
    if (v.toLowerCase() === target.toLowerCase()) return { ok: false, problem: { kind: 'forbiddenIsTarget', variant: v } };
    forbidden.push(v);
  }
  if (forbidden.length > GLOSSARY_LIMITS.forbiddenVariants) {
    return { ok: false, problem: { kind: 'tooManyVariants', limit: GLOSSARY_LIMITS.forbiddenVariants } };
  }
  return { ok: true, term: { source, target, note, definition, forbidden, caseSensitive: input.caseSensitive ?? false } };
}

/** Splits a "variant | variant" cell (CSV, the screen's field) into variants. */
export function splitVariants(cell: string): string[] {
  return cell
    .split('|')
    .map((v) => cleanTermText(v))
    .filter((v) => v !== '');
}

export function joinVariants(variants: readonly string[]): string {
  return variants.join(' | ');
}
