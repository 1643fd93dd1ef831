import { describe, expect, it } from 'vitest';
import { deriveTitle, isFencedCode, looksBinary, normalizeText } from './segment.js';
import { segmentText } from './segmentText.js';
import { closeToken as c, openToken as o, soloToken as s } from './inline/inlineCodes.js';
import type { Segment } from './types.js';

const p = (text: string): Segment => ({ kind: 'paragraph', marker: null, text });
const h = (level: number, text: string): Segment => ({ kind: 'heading', marker: String(level), text });
const li = (text: string, marker: string | null = null): Segment => ({ kind: 'list-item', marker, text });
const q = (text: string): Segment => ({ kind: 'quote', marker: null, text });

/** The body of the reference article (shared/reference/published-article-example.txt), shortened. */
const ARTICLE = [
  'Image: Alibaba',
  '',
  'The Chinese e-commerce giant Alibaba denied a Financial Times (FT) report to the AFP news agency on Saturday. The article accuses the company of supporting the Beijing military’s operations against the United States.',
  '',
  'Alibaba “provides technical support to the Chinese military’s ‘operations’ against American targets,” said the British newspaper’s report published Saturday morning, citing a statement from the White House.',
  '',
  'According to the FT, the document states that Alibaba passes on user data to the Chinese armed forces and authorities. This particularly included IP addresses and purchase histories.',
  '',
  '“The claims and insinuations in the article are completely false,” a spokesperson for Alibaba Group told AFP.',
  '',
  'Chinese Foreign Ministry spokesman Lin Jian said Friday he was “unfamiliar” with the case. He added that Beijing is constantly cracking down on cyber piracy.',
  '',
].join('\n');

describe('normalizeText', () => {
  it('strips a leading BOM only', () => {
    expect(normalizeText('\uFEFFHallo')).toBe('Hallo');
    expect(normalizeText('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
  });

  it('composes to NFC', () => {
    const decomposed = 'Cafe\u0301 Zu\u0308rich';
    const out = normalizeText(decomposed);
    expect(out).toBe('Café Zürich');
    expect(out).toBe(out.normalize('NFC'));
    expect(out.length).toBe(11);
  });

  it('trims trailing whitespace on every line but keeps leading indentation', () => {
    expect(normalizeText('one  \n  two\t\nthree\u00A0')).toBe('one\n  two\nthree');
  });
});

describe('segmentText txt', () => {
  it('splits the reference article into its paragraphs, text unchanged', () => {
    const segs = segmentText(ARTICLE, 'txt');
    expect(segs).toHaveLength(6);
    expect(segs.every((s) => s.kind === 'paragraph' && s.marker === null)).toBe(true);
    expect(segs[0]!.text).toBe('Image: Alibaba');
    expect(segs[2]!.text).toContain('“provides technical support to the Chinese military’s ‘operations’');
    expect(segs.map((s) => s.text).join('\n\n') + '\n').toBe(ARTICLE);
  });

  it('treats several and whitespace-only blank lines as one separator', () => {
    expect(segmentText('one\n\n\n\ntwo\n \t \nthree', 'txt')).toEqual([p('one'), p('two'), p('three')]);
  });

  it('keeps single newlines inside a paragraph and trims each paragraph', () => {
    expect(segmentText('  first line\nsecond line  \n\n  next', 'txt')).toEqual([p('first line\nsecond line'), p('next')]);
  });

  it('handles CRLF, CR and a BOM', () => {
    expect(segmentText('\uFEFFone\r\ntwo\r\n\r\nthree\r\rfour', 'txt')).toEqual([p('one\ntwo'), p('three'), p('four')]);
  });

  it('composes to NFC', () => {
    const [seg] = segmentText('Ame\u0301lie', 'txt');
    expect(seg!.text).toBe('Amélie');
  });

  it('does not interpret Markdown in txt', () => {
    expect(segmentText('# Not a heading\n- not a list\n> not a quote', 'txt')).toEqual([p('# Not a heading\n- not a list\n> not a quote')]);
  });

  it('produces no segments for empty or blank input', () => {
    expect(segmentText('', 'txt')).toEqual([]);
    expect(segmentText('\n \n\t\n', 'txt')).toEqual([]);
    expect(segmentText('\uFEFF', 'txt')).toEqual([]);
  });
});

describe('segmentText md', () => {
  it('segments the reference article like txt when it has no markup', () => {
    expect(segmentText(ARTICLE, 'md')).toEqual(segmentText(ARTICLE, 'txt'));
  });

  it('recognizes ATX headings of every level, without blank lines around them', () => {
    const md = '# One\n## Two ##\n### Three\ntext under\n#### Four\n##### Five\n###### Six';
    expect(segmentText(md, 'md')).toEqual([
      h(1, 'One'),
      h(2, 'Two'),
      h(3, 'Three'),
      p('text under'),
      h(4, 'Four'),
      h(5, 'Five'),
      h(6, 'Six'),
    ]);
  });

  it('keeps # inside heading text and rejects non-headings', () => {
    expect(segmentText('# C# and F#', 'md')).toEqual([h(1, 'C# and F#')]);
    expect(segmentText('## Title #\n## Title#\n### \t Spaced \t###', 'md')).toEqual([h(2, 'Title'), h(2, 'Title#'), h(3, 'Spaced')]);
    expect(segmentText('#hashtag', 'md')).toEqual([p('#hashtag')]);
    expect(segmentText('####### seven', 'md')).toEqual([p('####### seven')]);
    expect(segmentText('#\n\nbody', 'md')).toEqual([p('body')]);
  });

  it('recognizes setext headings', () => {
    expect(segmentText('Title\n=====\nSub title\n---\nBody', 'md')).toEqual([h(1, 'Title'), h(2, 'Sub title'), p('Body')]);
  });

  it('drops thematic breaks', () => {
    expect(segmentText('one\n\n---\n\ntwo\n\n* * *\n\nthree\n___', 'md')).toEqual([p('one'), p('two'), p('three')]);
    expect(segmentText('***', 'md')).toEqual([]);
  });

  it('makes each list item its own segment, with ordinal markers for ordered ones', () => {
    const md = 'Intro:\n- apples\n* pears\n+ plums\n\n1. first\n2) second\n10. tenth';
    expect(segmentText(md, 'md')).toEqual([
      p('Intro:'),
      li('apples'),
      li('pears'),
      li('plums'),
      li('first', '1.'),
      li('second', '2)'),
      li('tenth', '10.'),
    ]);
  });

  it('joins indented and lazy continuation lines to their list item', () => {
    const md = '- a long item\n  that wraps\ncontinued lazily\n- next\n\nAfter the list.';
    expect(segmentText(md, 'md')).toEqual([li('a long item\nthat wraps\ncontinued lazily'), li('next'), p('After the list.')]);
  });

  it('flattens nested list items into their own segments', () => {
    expect(segmentText('- outer\n    - inner\n        1. deepest', 'md')).toEqual([li('outer'), li('inner'), li('deepest', '1.')]);
  });

  it('keeps loose list items (blank lines between) apart', () => {
    expect(segmentText('1. one\n\n2. two', 'md')).toEqual([li('one', '1.'), li('two', '2.')]);
  });

  it('does not take a wrapped line starting with a number for an ordered item', () => {
    expect(segmentText('It happened in the year\n1984. It was cold.', 'md')).toEqual([p('It happened in the year\n1984. It was cold.')]);
    // but an ordered list starting at 1 may interrupt text
    expect(segmentText('Steps:\n1. go', 'md')).toEqual([p('Steps:'), li('go', '1.')]);
  });

  it('does not take hyphenated or numeric text for list items', () => {
    expect(segmentText('-5 degrees\n1.5 million', 'md')).toEqual([p('-5 degrees\n1.5 million')]);
  });

  it('joins a run of quote lines into one quote segment', () => {
    expect(segmentText('> first line\n> second line\n\nafter', 'md')).toEqual([q('first line\nsecond line'), p('after')]);
  });

  it('splits a quote at an empty > line', () => {
    expect(segmentText('> one\n>\n> two\n> three\n> \n>four', 'md')).toEqual([q('one'), q('two\nthree'), q('four')]);
  });

  it('lets a quote interrupt a paragraph and takes lazy continuation lines into it', () => {
    expect(segmentText('Said:\n> quoted\nlazy line\n\nnext', 'md')).toEqual([p('Said:'), q('quoted\nlazy line'), p('next')]);
  });

  it('keeps a fenced code block verbatim as one paragraph, blank lines and markup included', () => {
    const code = '```js\nconst a = 1;\n\n# not a heading\n- not an item\n```';
    expect(segmentText(`Before\n${code}\nAfter`, 'md')).toEqual([p('Before'), p(code), p('After')]);
    const tilde = '~~~\n```\nstill code\n~~~';
    expect(segmentText(tilde, 'md')).toEqual([p(tilde)]);
  });

  it('needs a closing fence at least as long as the opening one', () => {
    const code = '````\n```\ninside\n````';
    expect(segmentText(code + '\n\ntext', 'md')).toEqual([p(code), p('text')]);
  });

  it('runs an unclosed fence to the end of the document', () => {
    expect(segmentText('text\n\n```\ncode\n\nmore', 'md')).toEqual([p('text'), p('```\ncode\n\nmore')]);
  });

  it('reads inline markup into tokens and codes', () => {
    const md = 'Some **bold** and [a link](https://example.org/a_b) and `code`.';
    expect(segmentText(md, 'md')).toEqual([
      {
        ...p(`Some ${o(0)}bold${c(0)} and ${o(1)}a link${c(1)} and ${s(2)}.`),
        codes: [{ type: 'bold' }, { type: 'link', href: 'https://example.org/a_b' }, { type: 'code', text: 'code' }],
      },
    ]);
    expect(segmentText('- **Bold** item', 'md')).toEqual([{ ...li(`${o(0)}Bold${c(0)} item`), codes: [{ type: 'bold' }] }]);
  });

  it('follows CommonMark where the old hand-written reader differed', () => {
    // Indented code (four spaces after a blank line) is code: its text, not parsed.
    expect(segmentText('Text.\n\n    **not** parsed', 'md')).toEqual([p('Text.'), p('**not** parsed')]);
    // A quote may hold a list or a heading; link definitions are no paragraphs.
    expect(segmentText('> # Said\n> - one\n\n[r]: https://r.example/', 'md')).toEqual([h(1, 'Said'), li('one')]);
    // A second paragraph of a list item is a paragraph; items in quotes stay items.
    expect(segmentText('- one\n\n  more\n- two', 'md')).toEqual([li('one'), p('more'), li('two')]);
  });

  it('reads a list of 40,000 items (no argument-spreading limits)', () => {
    const segs = segmentText('- item\n'.repeat(40_000), 'md');
    expect(segs).toHaveLength(40_000);
    expect(segs[39_999]).toEqual(li('item'));
  });

  it('keeps fenced code inside a list or quote verbatim without its container prefixes', () => {
    expect(segmentText('> ```js\n> a *b*\n> ```', 'md')).toEqual([p('```js\na *b*\n```')]);
  });

  it('handles a mixed article with CRLF and a BOM', () => {
    const md = [
      '\uFEFF# Alibaba denies FT report',
      '',
      'The Chinese e-commerce giant Alibaba denied a report.',
      'It was published on Saturday.',
      '## Reactions',
      '> “The claims are completely false,”',
      '> a spokesperson said.',
      '',
      '- Washington and Beijing compete',
      '- AI is the main field',
      '',
      '***',
      'End.',
    ].join('\r\n');
    expect(segmentText(md, 'md')).toEqual([
      h(1, 'Alibaba denies FT report'),
      p('The Chinese e-commerce giant Alibaba denied a report.\nIt was published on Saturday.'),
      h(2, 'Reactions'),
      q('“The claims are completely false,”\na spokesperson said.'),
      li('Washington and Beijing compete'),
      li('AI is the main field'),
      p('End.'),
    ]);
  });

  it('never produces empty segments', () => {
    const md = '#\n\n-\n\n>\n\n1.\n\n   \n\n> \n>\n\n## ##\n\n---';
    const segs = segmentText(md, 'md');
    expect(segs.every((s) => s.text.trim() !== '')).toBe(true);
    expect(segs).toEqual([]);
  });

  it('segments text with no trailing newline and indented paragraphs', () => {
    expect(segmentText('   indented text\nline two', 'md')).toEqual([p('indented text\nline two')]);
  });
});

describe('isFencedCode', () => {
  it('tells fenced code blocks from text', () => {
    expect(isFencedCode('```\nx\n```')).toBe(true);
    expect(isFencedCode('~~~py\nx')).toBe(true);
    expect(isFencedCode('`inline` code')).toBe(false);
  });
});

describe('deriveTitle', () => {
  it('takes the first heading, even after other text', () => {
    expect(deriveTitle([p('Image: Alibaba'), h(2, 'Second'), h(1, 'Main')])).toBe('Second');
  });

  it('falls back to the first segment that is not a photo credit', () => {
    expect(deriveTitle(segmentText(ARTICLE, 'txt'))).toBe(
      'The Chinese e-commerce giant Alibaba denied a Financial Times (FT) report to the AFP news agency on Saturday. The…',
    );
    expect(deriveTitle([p('Foto: dpa'), p('Der Rhein steigt')])).toBe('Der Rhein steigt');
    // "Source: …" names a data source, not a picture; and a credit alone is still better than nothing.
    expect(deriveTitle([p('Source: the ministry said on Monday'), p('Rain')])).toBe('Source: the ministry said on Monday');
    expect(deriveTitle([p('Image: Alibaba')])).toBe('Image: Alibaba');
  });

  it('prefers text over a leading code block', () => {
    expect(deriveTitle([p('```\ncode\n```'), p('Real text')])).toBe('Real text');
    expect(deriveTitle([p('```\ncode\n```')])).toBe('``` code ```');
  });

  it('is empty without segments', () => {
    expect(deriveTitle([])).toBe('');
  });

  it('collapses line breaks into spaces', () => {
    expect(deriveTitle([p('one\ntwo\n  three')])).toBe('one two three');
  });

  it('keeps a title of exactly 120 characters', () => {
    const t = 'a'.repeat(120);
    expect(deriveTitle([p(t)])).toBe(t);
  });

  it('cuts a long title at a word boundary with an ellipsis', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const title = deriveTitle([p(words)]);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    const kept = title.slice(0, -1);
    expect(words.startsWith(kept + ' ')).toBe(true); // ends on a whole word
    expect(kept.length).toBeGreaterThan(100);
  });

  it('cuts the reference paragraph without a trailing comma or space', () => {
    const text = segmentText(ARTICLE, 'txt')[2]!.text;
    const title = deriveTitle([p(text)]);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title).toMatch(/[^\s,]…$/);
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('hard-cuts text without spaces, never splitting a surrogate pair', () => {
    const cjk = '阿里巴巴'.repeat(50);
    const t1 = deriveTitle([p(cjk)]);
    expect(t1.length).toBe(120);
    expect(t1.endsWith('…')).toBe(true);
    const emoji = 'x' + '😀'.repeat(100);
    const t2 = deriveTitle([p(emoji)]);
    expect(t2.length).toBeLessThanOrEqual(120);
    expect(t2).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('looksBinary', () => {
  it('accepts ordinary text with tabs, newlines, CR and form feeds', () => {
    expect(looksBinary(ARTICLE)).toBe(false);
    expect(looksBinary('a\tb\r\nc\fd')).toBe(false);
    expect(looksBinary('')).toBe(false);
    expect(looksBinary('Zürich, 北京, العربية')).toBe(false);
  });

  it('rejects any NUL', () => {
    expect(looksBinary(ARTICLE + '\u0000')).toBe(true);
  });

  it('rejects more than 8 control characters even in a long text', () => {
    const long = 'x'.repeat(100_000);
    expect(looksBinary(long + '\u0001'.repeat(8))).toBe(false);
    expect(looksBinary(long + '\u0001'.repeat(9))).toBe(true);
  });

  it('rejects more than 1 % control characters in a short text', () => {
    expect(looksBinary('x'.repeat(199) + '\u001B')).toBe(false); // 0.5 %
    expect(looksBinary('x'.repeat(50) + '\u001B')).toBe(true); // ~2 %
  });

  it('counts U+FFFD replacement characters from a failed decode', () => {
    expect(looksBinary('Gr\uFFFD\uFFFDe aus M\uFFFDnchen')).toBe(true);
    expect(looksBinary('x'.repeat(100_000) + '\uFFFD'.repeat(9))).toBe(true);
    expect(looksBinary('x'.repeat(1000) + '\uFFFD')).toBe(false);
  });

  it('takes a PNG header decoded as text for binary', () => {
    const png = '\u0089PNG\r\n\u001A\n\u0000\u0000\u0000\rIHDR';
    expect(looksBinary(png)).toBe(true);
  });
});
