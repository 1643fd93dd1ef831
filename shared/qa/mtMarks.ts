/**
 * Raw MT marks left in a translation: Apertium writes `@word` for a word its transfer could not
 * translate and `#word` for a form its generator could not produce. Verso's own Apertium engines
 * strip them, but text from other tools (an imported XLIFF, a paste) can carry them ("mid-@1990s").
 *
 * A token `@x` / `#x` that starts a word (not after a letter or digit, so e-mail addresses, `C#`
 * and `&#…;` never count; URLs and addresses are removed first) and is not in the source (so
 * hashtags and handles the article itself uses are fine) is reported: as an error when its word
 * is a word of the source (an untranslated source word: certainly a mark), else as a warning (a
 * generation mark such as `#ser`, or a hashtag the translator localised).
 */
import { extractEmails, extractUrls } from './links.js';
import type { QaCheck, QaIssue } from './types.js';

const MARK_RE = /(?<![\p{L}\p{N}\p{M}_&@#])[@#][\p{L}\p{N}][\p{L}\p{N}\p{M}_'’-]*/gu;
const WORD_RE = /[\p{L}\p{N}\p{M}_'’]+/gu;

function withoutAddresses(text: string): string {
  let out = text;
  for (const found of [...extractUrls(text), ...extractEmails(text)]) out = out.split(found).join(' ');
  return out;
}

/** The marked tokens of a text, each once, in order. */
export function markedTokens(text: string): string[] {
  return [...new Set([...withoutAddresses(text).matchAll(MARK_RE)].map((m) => m[0].replace(/[-'’]+$/u, '')))];
}

export const mtMarksCheck: QaCheck = {
  id: 'mtMarks',
  run({ source, target }) {
    if (target.trim() === '') return [];
    const inSource = new Set(markedTokens(source));
    const sourceWords = new Set([...source.matchAll(WORD_RE)].map((m) => m[0].toLowerCase()));
    const out: QaIssue[] = [];
    for (const token of markedTokens(target)) {
      if (inSource.has(token)) continue;
      const severity = sourceWords.has(token.slice(1).toLowerCase()) ? 'error' : 'warning';
      out.push({ checkId: 'mtMarks', severity, code: 'mtMark', params: { value: token } });
    }
    return out;
  },
};
