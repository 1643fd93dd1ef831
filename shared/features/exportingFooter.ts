/**
 * Footer templates as the publication uses them: the vetted ones merged with saved overrides,
 * validation of an edited template, and recognising footer-like text already in a document.
 * Pure: used by main (export) and the renderer (live preview).
 */
import { FOOTER_TEMPLATES, FOOTER_VARIABLES, renderFooter, type FooterTemplate, type FooterVariables } from '../footer.js';
import { languageFallbacks } from '../languages.js';
import { escapeRegExp } from '../escapeRegExp.js';

/** Languages that must always have a vetted template (a test renders each). */
export const REQUIRED_FOOTER_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'zh-Hans', 'ja', 'ar'] as const;

/** Most paragraphs and characters a footer template may have. */
export const FOOTER_LIMITS = { lines: 10, lineChars: 1000 } as const;

export type FooterOverrides = Readonly<Record<string, readonly string[]>>;

/** The template for a language: a saved override first, then the vetted one, per fallback tag ('pt-BR' → 'pt'). Never another language. */
export function effectiveFooterTemplate(lang: string, overrides: FooterOverrides): FooterTemplate | null {
  for (const tag of languageFallbacks(lang)) {
    const own = overrides[tag];
    if (own && own.length > 0) return { lang: tag, lines: [...own] };
    const vetted = FOOTER_TEMPLATES[tag];
    if (vetted) return vetted;
  }
  return null;
}

/** Sample values for previews and validation. */
export const SAMPLE_FOOTER_VARIABLES: Required<FooterVariables> = {
  publisher: 'Example Daily',
  contactEmail: 'newsroom@example.org',
  engines: 'Apertium',
  editor: 'Elena Editor',
  date: '2026-01-31',
};

export type FooterProblemCode = 'empty' | 'emptyLine' | 'tooManyLines' | 'lineTooLong' | 'placeholder';

/** Why a template cannot be used (null when it can): empty, too long, or a placeholder/brace error (`detail`: the faulty line). */
export function footerTemplateProblem(lines: readonly string[]): { code: FooterProblemCode; message: string; detail: string } | null {
  const kept = lines.map((l) => l.trim());
  if (kept.length === 0 || kept.every((l) => l === '')) return { code: 'empty', message: 'The footer has no text.', detail: '' };
  if (kept.some((l) => l === '')) return { code: 'emptyLine', message: 'A footer paragraph is empty.', detail: '' };
  if (kept.length > FOOTER_LIMITS.lines) {
    return {
      code: 'tooManyLines',
      message: `A footer has at most ${FOOTER_LIMITS.lines} paragraphs.`,
      detail: String(FOOTER_LIMITS.lines),
    };
  }
  const long = kept.find((l) => l.length > FOOTER_LIMITS.lineChars);
  if (long !== undefined) {
    return {
      code: 'lineTooLong',
      message: `A footer paragraph has at most ${FOOTER_LIMITS.lineChars} characters.`,
      detail: String(FOOTER_LIMITS.lineChars),
    };
  }
  for (const line of kept) {
    try {
      renderFooter({ lang: 'und', lines: [line] }, SAMPLE_FOOTER_VARIABLES);
    } catch {
      return {
        code: 'placeholder',
        message: `Only the variables {${FOOTER_VARIABLES.join('}, {')}} may appear in braces, and every brace must close: ${line}`,
        detail: line,
      };
    }
  }
  return null;
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A matcher per template line: the fixed words exactly, each `{variable}` as any text. */
function linePattern(line: string): RegExp | null {
  const parts = normalise(line).split(/\{[^{}]*\}/);
  const fixed = parts.join('').replace(/[\s\p{P}]/gu, '');
  if ([...fixed].length < 12) return null; // too short to recognise reliably
  return new RegExp('^' + parts.map(escapeRegExp).join('.{1,300}?') + '$', 'u');
}

const PATTERNS_CACHE = new WeakMap<FooterOverrides, RegExp[]>();
const NO_OVERRIDES: FooterOverrides = Object.freeze({});

/** True when `text` reads like a paragraph of any language's disclosure footer (vetted or saved). */
export function isFooterLike(text: string, overrides: FooterOverrides = NO_OVERRIDES): boolean {
  let patterns = PATTERNS_CACHE.get(overrides);
  if (!patterns) {
    const lines = [...Object.values(FOOTER_TEMPLATES).flatMap((t) => t.lines), ...Object.values(overrides).flat()];
    patterns = lines.map(linePattern).filter((p): p is RegExp => p !== null);
    PATTERNS_CACHE.set(overrides, patterns);
  }
  const t = normalise(text);
  if (t === '' || t.length > 2000) return false;
  return patterns.some((p) => p.test(t));
}
