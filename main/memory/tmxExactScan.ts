/**
 * What the fast path of "pre-fill from a TMX file" (issue 17; docs/translation-memory.md) knows of
 * a <seg>'s text without the real reader (tmxReader.ts): its exact text (`segKey`, or null when not
 * sure) and a hash of that text (`textHash`; tmxByteUnits.ts hashes a plain ASCII segment straight
 * from its bytes). The byte-level index of a file's source segments (tmxSourceIndex.ts) is
 * built with them; the real reader stays the judge of what a unit gives.
 */

/** Thrown when the fast path cannot go on safely: read the whole file with the real reader. */
export class TmxScanFallback extends Error {
  constructor(readonly reason: string) {
    super(`TMX fast scan gave up: ${reason}`);
  }
}

export const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** A 32-bit hash (FNV-1a) of an exact text (which has no whitespace). */
export function textHash(exact: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < exact.length; i++) h = Math.imul(h ^ exact.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The most bytes held for one unit (the real reader's cap is 2,000,000 characters of text). */
export const SCAN_MAX_UNIT_BYTES = 8_000_000;
/** The most bytes before <body> (XML declaration, DOCTYPE, root and header), and after </body>. */
export const SCAN_MAX_PROLOG_BYTES = 8_000_000;

const CODE_ELEMENTS = /^(bpt|ept|ph|it|ut)$/;
/** A start, end or empty tag, its attributes quoted (a '>' may be inside a value). */
const TAG = /^<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[^\s=<>"'/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Whether XML 1.0 allows a character (a reference to any other breaks the file). */
const xmlChar = (c: number): boolean =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** The text of entity and character references, or null when one is not a valid XML reference. */
export function decodeReferences(text: string): string | null {
  if (!text.includes('&')) return text;
  let bad = false;
  const out = text.replace(/&([^;&<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) bad = true;
    else if (name in PREDEFINED) return PREDEFINED[name]!;
    else {
      const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
      const code = m ? parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10) : NaN;
      if (Number.isFinite(code) && xmlChar(code)) return String.fromCodePoint(code);
      bad = true;
    }
    return '';
  });
  return bad ? null : out;
}

/**
 * What shared/memory/matchScore.ts `exactText` gives for a segment's plain text: the reader drops
 * private-use characters from text (they are Verso's code tokens), then NFC, no whitespace.
 */
function exactOf(text: string): string {
  const plain = text.replace(/[\uE000-\uE2FF]/gu, '');
  return (/^[\x00-\x7f]*$/.test(plain) ? plain : plain.normalize('NFC')).replace(/\s+/gu, '');
}

/**
 * The exact text (`exactText`) of the segment the real reader makes of a <seg>'s content, or null
 * when the scanner cannot be sure of it (comments, CDATA, a <sub>, unknown references, odd markup).
 * Inline codes (<bpt>, <ept>, <ph>, <it>, <ut>) are left out with their native content, <hi> and
 * other tags are dropped and their text kept, as tmxInline.ts does.
 */
export function segKey(content: string): string | null {
  if (!content.includes('<')) {
    const text = decodeReferences(content);
    return text === null ? null : exactOf(text);
  }
  if (content.includes('<!') || content.includes('<?') || content.includes('<sub')) return null;
  let text = '';
  let at = 0;
  for (;;) {
    const lt = content.indexOf('<', at);
    const piece = decodeReferences(content.slice(at, lt < 0 ? content.length : lt));
    if (piece === null) return null;
    // Text right after a tag must start with ASCII: a code's token (a space to exactText) would
    // keep NFC from composing a combining mark with the character before it.
    if (at > 0 && piece !== '' && !/^[\x00-\x7f]/.test(piece)) return null;
    text += piece;
    if (lt < 0) break;
    const tag = TAG.exec(content.slice(lt, lt + 4096));
    if (!tag) return null;
    const [whole, closing, name, empty] = tag as unknown as [string, string, string, string];
    at = lt + whole.length;
    if (!CODE_ELEMENTS.test(name) || empty === '/') continue;
    if (closing === '/') return null;
    // A code's native content, up to its end tag (none of the same name inside; <sub> is refused above).
    const end = content.indexOf(`</${name}`, at);
    if (end < 0 || content.slice(at, end).includes(`<${name}`)) return null;
    const close = new RegExp(`^</${name}\\s*>`).exec(content.slice(end, end + 256));
    if (!close) return null;
    at = end + close[0].length;
  }
  return exactOf(text);
}
