/**
 * Apertium's plain-text stream format, done here instead of by apertium-destxt/-retxt (the
 * `apertium` wrapper drops the NUL separators of null-flush mode in txt mode).
 *
 * Deformatting (`deformat`): the stream-reserved characters `\ [ ] { } ^ $ @ / < >` are
 * backslash-escaped; whitespace other than a single space becomes a superblank `[…]` (passed
 * through verbatim); `*`, `#` and `~` also go into superblanks, because the pipeline un-escapes
 * `\*`/`\#` on output (where they would look like unknown-word marks) and post-generation eats
 * `~`; URLs and e-mail addresses go into superblanks so they are never translated; a `.[]`
 * sentence end is appended (and put before a blank-line superblank), as apertium-destxt does.
 *
 * Reformatting (`reformat`): removes the `.[]` sentence markers and empty `[]`, unwraps
 * superblanks, un-escapes `\x`, strips the `*` (unknown word), `#` (generation error) and `@`
 * (untranslated lemma) marks, records the unknown words, and tidies the spaces left by dropped
 * words (pro-drop: "It is ok." → " Es vale.").
 */
import type { MtOutput } from './mtEngine.js';

const MARKS = new Set(['*', '#', '@']);

/** URLs, e-mail addresses and markup tags (`<b>`, `</a>`, `<br/>`), kept out of translation. */
const PROTECTED =
  /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/gu;

function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const c = url.charAt(end - 1);
    if (/[.,;:!?'"’”»]/.test(c)) end--;
    else if (c === ')' && !url.slice(0, end - 1).includes('(')) end--;
    else break;
  }
  return url.slice(0, end);
}

function superblank(content: string): string {
  return '[' + content.replace(/[\\[\]]/g, (c) => '\\' + c) + ']';
}

/**
 * Whitespace runs, stream-reserved characters, and characters that travel as superblanks (`*`,
 * `#`, `~`, and inline-token placeholders of shared/inline), in one pass.
 */
const RUN_PARTS = /([ \t\n\r\f\v\0]+)|([\\[\]{}^$@/<>])|([*#~\uE000-\uE2FF])/g;

function deformatRun(run: string): string {
  return run.replace(RUN_PARTS, (_m, space: string | undefined, reserved: string | undefined, blanked: string | undefined) => {
    if (space !== undefined) {
      const ws = space.replace(/\0/g, ' ');
      if (ws === ' ') return ' ';
      return ((ws.match(/\n/g)?.length ?? 0) >= 2 ? '.[]' : '') + superblank(ws);
    }
    if (reserved !== undefined) return '\\' + reserved;
    return superblank(blanked!);
  });
}

/** One paragraph in Apertium's stream format (without the NUL terminator). */
/** Cheap test for what PROTECTED can match at all (a URL, an address, a tag); most paragraphs have none. */
const MAY_PROTECT = /https?:\/\/|www\.|@|</i;

export function deformat(text: string): string {
  if (!MAY_PROTECT.test(text)) return deformatRun(text) + '.[]';
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PROTECTED)) {
    const span = m[0].startsWith('<') || (m[0].includes('@') && !/^(?:https?:|www\.)/.test(m[0])) ? m[0] : trimUrl(m[0]);
    if (span === '') continue;
    out += deformatRun(text.slice(last, m.index)) + superblank(span);
    last = m.index + span.length;
  }
  out += deformatRun(text.slice(last));
  return out + '.[]';
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_'’-]/u;

interface Piece {
  text: string;
  /** Superblank content: kept exactly. */
  verbatim: boolean;
}

/** One output block of the pipeline back to plain text, with the unknown words it marked. */
export function reformat(block: string): MtOutput {
  const pieces: Piece[] = [];
  const unknown: string[] = [];
  let text = '';
  /** True when `text` ends with a '.' that came from the stream unescaped. */
  let endsWithPlainDot = false;
  const flush = (): void => {
    if (text !== '') pieces.push({ text, verbatim: false });
    text = '';
  };

  let i = 0;
  while (i < block.length) {
    const c = block.charAt(i);
    if (c === '\\' && i + 1 < block.length) {
      text += block.charAt(i + 1);
      endsWithPlainDot = false;
      i += 2;
      continue;
    }
    if (c === '[') {
      let content = '';
      let j = i + 1;
      while (j < block.length && block.charAt(j) !== ']') {
        if (block.charAt(j) === '\\' && j + 1 < block.length) {
          content += block.charAt(j + 1);
          j += 2;
        } else {
          content += block.charAt(j);
          j++;
        }
      }
      if (content === '') {
        // `.[]` is the sentence end added by deformatting; a bare `[]` is dropped.
        if (endsWithPlainDot) text = text.slice(0, -1);
      } else {
        flush();
        pieces.push({ text: content, verbatim: true });
      }
      endsWithPlainDot = false;
      i = j + 1;
      continue;
    }
    if (MARKS.has(c)) {
      let j = i + 1;
      while (j < block.length && WORD_CHAR.test(block.charAt(j))) j++;
      const word = block.slice(i + 1, j).replace(/['’-]+$/u, '');
      if (c === '*' && word !== '' && !unknown.includes(word)) unknown.push(word);
      endsWithPlainDot = false;
      i++; // drop the mark; the word itself is copied as ordinary text
      continue;
    }
    text += c;
    endsWithPlainDot = c === '.';
    i++;
  }
  flush();

  const joined = pieces.map((p) => (p.verbatim ? p.text : p.text.replace(/ {2,}/g, ' '))).join('');
  return { text: joined.trim(), unknownWords: unknown };
}

/**
 * Plain text as apertium-apy returns it (it deformats and reformats itself) without its marks
 * (`*` unknown word, `#` generation error, `@` transfer error), with the unknown words.
 */
export function stripMarks(text: string): MtOutput {
  const unknown: string[] = [];
  const out = text.replace(
    /(^|[^\p{L}\p{M}\p{N}_])([*#@])(?=[\p{L}\p{M}\p{N}_])([\p{L}\p{M}\p{N}_'’-]*)/gu,
    (_m, before: string, mark: string, word: string) => {
      const clean = word.replace(/['’-]+$/u, '');
      if (mark === '*' && clean !== '' && !unknown.includes(clean)) unknown.push(clean);
      return before + word;
    },
  );
  return { text: out.trim(), unknownWords: unknown };
}
