/**
 * Limits that keep Markdown parsing fast. micromark is linear in most of CommonMark, but its
 * emphasis and link resolution cost grows faster than the length of one block (a run of
 * lines without a blank line), and deeply nested containers on one line are slow too. One pass
 * over the text counts what would be costly; an article past a limit is refused, by name,
 * before it is parsed. A real article is far below every limit.
 */

export const MARKDOWN_LIMITS = {
  /** Characters in one block of lines without a blank line between them. */
  blockChars: 100_000,
  /** Runs of `*` or `_` (emphasis delimiters) in one block. */
  emphasisRuns: 2_000,
  /** `[` (link and image openers) in one block. */
  brackets: 2_000,
  /** Quote markers (`>`) and list markers opening containers at the start of one line. */
  containerDepth: 100,
  /**
   * Runs of `*` or `_` in the whole article. Each costs micromark about 10 µs even when it pairs
   * up, so the total bounds the time a file of ordinary-looking markup can take (a long news
   * article has a few hundred).
   */
  documentEmphasisRuns: 20_000,
  /** `[` in the whole article: each link costs micromark about 50 µs (a long article has a few hundred). */
  documentBrackets: 8_000,
  /** Backtick runs and backslashes (code spans and escapes) in the whole article: about 8 µs each. */
  documentCodeMarks: 20_000,
} as const;

export interface MarkdownExcess {
  what: 'blockChars' | 'emphasisRuns' | 'brackets' | 'containerDepth' | 'documentEmphasisRuns' | 'documentBrackets' | 'documentCodeMarks';
  found: number;
  limit: number;
  /** 1-based line where the block (or the line) starts. */
  line: number;
}

/** Quote and list markers at the start of a line (`> > - 1. text` has four); stops past the limit. */
function containerMarkers(line: string): number {
  let count = 0;
  let i = 0;
  while (count <= MARKDOWN_LIMITS.containerDepth) {
    while (line.charAt(i) === ' ' || line.charAt(i) === '\t') i++;
    const c = line.charAt(i);
    if (c === '>') i++;
    else if ((c === '-' || c === '+' || c === '*') && /[ \t]/.test(line.charAt(i + 1))) i++;
    else {
      const m = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(i, i + 11));
      if (!m) return count;
      i += m[0].length;
    }
    count++;
  }
  return count;
}

interface BlockCount {
  chars: number;
  emphasisRuns: number;
  brackets: number;
  /** Counted for the whole article only. */
  codeMarks: number;
  line: number;
}

function countLine(block: BlockCount, line: string): void {
  block.chars += line.length + 1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === '[') block.brackets++;
    else if ((c === '*' || c === '_') && line.charAt(i - 1) !== c) block.emphasisRuns++;
    else if (c === '\\' || (c === '`' && line.charAt(i - 1) !== c)) block.codeMarks++;
  }
}

function excess(block: BlockCount): MarkdownExcess | null {
  const { line } = block;
  if (block.chars > MARKDOWN_LIMITS.blockChars) return { what: 'blockChars', found: block.chars, limit: MARKDOWN_LIMITS.blockChars, line };
  if (block.emphasisRuns > MARKDOWN_LIMITS.emphasisRuns)
    return { what: 'emphasisRuns', found: block.emphasisRuns, limit: MARKDOWN_LIMITS.emphasisRuns, line };
  if (block.brackets > MARKDOWN_LIMITS.brackets) return { what: 'brackets', found: block.brackets, limit: MARKDOWN_LIMITS.brackets, line };
  return null;
}

function documentExcess(total: BlockCount, line: number): MarkdownExcess | null {
  const { documentEmphasisRuns, documentBrackets, documentCodeMarks } = MARKDOWN_LIMITS;
  if (total.emphasisRuns > documentEmphasisRuns)
    return { what: 'documentEmphasisRuns', found: total.emphasisRuns, limit: documentEmphasisRuns, line };
  if (total.brackets > documentBrackets) return { what: 'documentBrackets', found: total.brackets, limit: documentBrackets, line };
  if (total.codeMarks > documentCodeMarks) return { what: 'documentCodeMarks', found: total.codeMarks, limit: documentCodeMarks, line };
  return null;
}

/** The first limit a Markdown text exceeds (blank lines: spaces and tabs only, as in CommonMark), or null. Linear. */
export function markdownExcess(text: string): MarkdownExcess | null {
  const lines = text.split(/\r\n?|\n/);
  let block: BlockCount = { chars: 0, emphasisRuns: 0, brackets: 0, codeMarks: 0, line: 1 };
  const total: BlockCount = { chars: 0, emphasisRuns: 0, brackets: 0, codeMarks: 0, line: 1 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[ \t]*$/.test(line)) {
      block = { chars: 0, emphasisRuns: 0, brackets: 0, codeMarks: 0, line: i + 2 };
      continue;
    }
    const depth = containerMarkers(line);
    if (depth > MARKDOWN_LIMITS.containerDepth)
      return { what: 'containerDepth', found: depth, limit: MARKDOWN_LIMITS.containerDepth, line: i + 1 };
    const before = { ...block };
    countLine(block, line);
    total.emphasisRuns += block.emphasisRuns - before.emphasisRuns;
    total.brackets += block.brackets - before.brackets;
    total.codeMarks += block.codeMarks - before.codeMarks;
    const over = excess(block) ?? documentExcess(total, i + 1);
    if (over) return over;
  }
  return null;
}
