/**
 * TMX 1.4b: what reading (tmxReader.ts: saxes, streamed, no entity expanded, no DTD fetched) and
 * writing share. Level 2 (issue 14): inline codes are kept as Verso codes (main/memory/tmxInline.ts);
 * language tags are canonicalised (`eN-uS` → `en-US`); every variant of the pair's target
 * language becomes its own unit (fr-CA and fr both kept).
 * Reading is streamed (tmxReader.ts); nothing is stored before the whole file is read (tmxStaging.ts).
 */
import { primaryLanguage as primaryOf } from '../../shared/memory/pair.js';
import { canonicalLanguageTag, canonicalTagCasing, languageFallbacks as fallbacksOf } from '../../shared/languages.js';
import { closeToken, MAX_CODES, openToken, soloToken, tokenInfo, TOKEN_PATTERN, type InlineCode } from '../../shared/inline/inlineCodes.js';
import { renderTmxSeg } from './tmxInline.js';
import { codeKind } from '../../shared/memory/formatting.js';
import type { TmMtOrigin, TmUnit } from '../../shared/features/memoryApi.js';
import { isMtName } from '../../shared/import/xliffOrigin.js';
import type { NewTmUnit } from './tmStore.js';
import { escapeXml } from '../../shared/xml/escapeXml.js';

/**
 * A pure function of a string, remembered: a TMX file repeats a handful of language tags and
 * dates a million times (issue 17), and Intl's tag canonicalisation is costly.
 */
function remembered<T>(fn: (key: string) => T, size = 4096): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    const hit = seen.get(key);
    if (hit !== undefined || seen.has(key)) return hit as T;
    if (seen.size >= size) seen.clear();
    const value = fn(key);
    seen.set(key, value);
    return value;
  };
}

/** A tag's primary language (remembered). */
export const primaryLanguage = remembered(primaryOf);
const languageFallbacks = remembered(fallbacksOf);

/** A tag as stored: canonical BCP 47 when valid, else its conventional casing (never refused: it is only a label). */
export const tmxLanguageTag = remembered((tag: string): string => canonicalLanguageTag(tag) ?? canonicalTagCasing(tag) ?? tag.trim());

export interface TuvSeg {
  lang: string;
  text: string;
  codes: InlineCode[];
  tool: string | null;
}

/**
 * The (source, target) variants of one <tu> for a pair. Targets: every variant of the target
 * language (each its own unit). Source: the pair's exact tag, else its less specific form
 * (`en` for en-US), else the first variant of the language. When both sides share a language
 * (en-US → en-GB), the target is the exact tag and the source the exact tag or a less specific
 * form, never the same <tuv>.
 */
export function pairVariants(segs: readonly TuvSeg[], sourceLang: string, targetLang: string): { source: TuvSeg; target: TuvSeg }[] {
  const src = tmxLanguageTag(sourceLang);
  const tgt = tmxLanguageTag(targetLang);
  const rank = (tag: string, wanted: string) => {
    const i = languageFallbacks(wanted).findIndex((f) => f.toLowerCase() === tag.toLowerCase());
    return i < 0 ? Infinity : i;
  };
  const bestOf = (candidates: readonly TuvSeg[], wanted: string) =>
    [...candidates].sort((a, b) => rank(a.lang, wanted) - rank(b.lang, wanted))[0];
  if (primaryLanguage(src) === primaryLanguage(tgt)) {
    const source = bestOf(
      segs.filter((s) => rank(s.lang, src) < Infinity && s.lang.toLowerCase() !== tgt.toLowerCase()),
      src,
    );
    // The target variant exactly (an `en` <tuv> could be either side of en-US → en-GB).
    const target = segs.find((s) => s.lang.toLowerCase() === tgt.toLowerCase() && s !== source);
    return source && target ? [{ source, target }] : [];
  }
  const source = bestOf(
    segs.filter((s) => primaryLanguage(s.lang) === primaryLanguage(src)),
    src,
  );
  if (!source) return [];
  return segs.filter((s) => primaryLanguage(s.lang) === primaryLanguage(tgt)).map((target) => ({ source, target }));
}

export interface ParsedTmx {
  units: NewTmUnit[];
  /** Translation units without text in both languages of the pair. */
  skipped: number;
  /** Languages the file has (for the error when none matches the pair). */
  languages: string[];
  /**
   * What the TM has no place for and was left out (issue 14: said, never silent): notes and
   * properties of units, and a unit's other variants of the source language (one is the source).
   */
  notKept: { notes: number; properties: number; sourceVariants: number };
}

/** "20261129T081500Z" → ISO 8601; null when absent or malformed. */
export function tmxDate(value: string | undefined): string | null {
  return value === undefined ? null : tmxDateOf(value);
}

const tmxDateOf = remembered((value: string): string | null => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
});

export function toTmxDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Whether a TMX unit's translation started as MT (issue 12): Verso's props (`x-verso-origin`,
 * `x-verso-engine`…), else the target <tuv>'s (or its <tu>'s) or the header's creationtool naming an MT engine.
 */
export function tmxMtOrigin(props: Record<string, string>, tuvTool: string | null, headerTool: string | null): TmMtOrigin | null {
  if (props['origin'] === 'unknown') return { kind: 'unknown' };
  if (props['origin'] === 'mt') {
    return {
      kind: 'mt',
      engineId: props['engine'] || tuvTool || 'unknown',
      engineName: props['engine-name'] ?? tuvTool,
      engineVersion: props['engine-version'] ?? null,
      createdAt: props['mt-created'] ?? null,
    };
  }
  if (props['origin']) return null;
  const tool = isMtName(tuvTool) ? tuvTool : isMtName(headerTool) ? headerTool : null;
  return tool ? { kind: 'mt', engineId: tool, engineName: tool, engineVersion: null, createdAt: null } : null;
}

const kindOf = codeKind;

/**
 * One code list for a unit's two sides (a TM unit shares its codes, as a paragraph does): a
 * target code is the source code with the same `x` (TMX's link between variants), else the next
 * unused source code of its kind; a target code with no counterpart is added.
 */
export function sharedCodes(
  s: { text: string; codes: readonly InlineCode[] },
  t: { text: string; codes: readonly InlineCode[] },
): { text: string; target: string; codes: InlineCode[] } {
  const codes = [...s.codes];
  const used = new Set<number>();
  const xOf = (c: InlineCode | undefined) => (c?.type === 'xliff' ? c.attrs['x'] : undefined);
  const mapping = t.codes.map((code) => {
    let j =
      xOf(code) === undefined
        ? -1
        : codes.findIndex((c, k) => !used.has(k) && k < s.codes.length && xOf(c) === xOf(code) && kindOf(c) === kindOf(code));
    if (j < 0) j = codes.findIndex((c, k) => !used.has(k) && k < s.codes.length && kindOf(c) === kindOf(code));
    if (j < 0 && codes.length < MAX_CODES) {
      codes.push(code);
      j = codes.length - 1;
    }
    if (j < 0) return undefined;
    used.add(j);
    return j;
  });
  const target = t.text.replace(TOKEN_PATTERN, (ch) => {
    const info = tokenInfo(ch)!;
    const j = mapping[info.index];
    if (j === undefined) return '';
    return info.role === 'open' ? openToken(j) : info.role === 'close' ? closeToken(j) : soloToken(j);
  });
  return { text: s.text, target, codes };
}

/**
 * Issue 12: a unit whose translation started as MT says so in `x-verso-*` props (read back by
 * `tmxMtOrigin`) and, for other tools, in its target <tuv>'s creationtool / creationtoolversion.
 */
export function tmxOriginMarkup(origin: TmMtOrigin | null): { props: string[]; tuvAttrs: string } {
  if (origin === null) return { props: [], tuvAttrs: '' };
  if (origin.kind === 'unknown') return { props: ['<prop type="x-verso-origin">unknown</prop>'], tuvAttrs: '' };
  const props: [string, string | null][] = [
    ['origin', 'mt'],
    ['engine', origin.engineId],
    ['engine-name', origin.engineName],
    ['engine-version', origin.engineVersion],
    ['mt-created', origin.createdAt],
  ];
  const tool = origin.engineName ?? origin.engineId;
  return {
    props: props.filter((p): p is [string, string] => p[1] !== null).map(([k, v]) => `<prop type="x-verso-${k}">${escapeXml(v)}</prop>`),
    tuvAttrs: ` creationtool="${escapeXml(tool)}"${origin.engineVersion ? ` creationtoolversion="${escapeXml(origin.engineVersion)}"` : ''}`,
  };
}

/** A TMX 1.4b document of the units (one <tu> each, with who and when). */
export function writeTmx(units: readonly TmUnit[], pair: { sourceLang: string; targetLang: string }, toolVersion: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Verso" creationtoolversion="${escapeXml(toolVersion)}" segtype="paragraph" o-tmf="Verso" adminlang="en" srclang="${escapeXml(pair.sourceLang)}" datatype="plaintext"/>`,
    '  <body>',
  ];
  for (const u of units) {
    const date = toTmxDate(u.createdAt);
    const attrs = `${date ? ` creationdate="${date}"` : ''}${u.createdBy ? ` creationid="${escapeXml(u.createdBy)}"` : ''}`;
    lines.push(`    <tu${attrs}>`);
    if (u.documentTitle) lines.push(`      <prop type="x-document">${escapeXml(u.documentTitle)}</prop>`);
    const origin = tmxOriginMarkup(u.mtOrigin ?? null);
    lines.push(...origin.props.map((p) => `      ${p}`));
    // Inline codes as TMX codes (<bpt>/<ept>/<ph>/<it>/<hi>), valid against tmx14.dtd.
    lines.push(
      `      <tuv xml:lang="${escapeXml(tmxLanguageTag(u.sourceLang))}"><seg>${renderTmxSeg(u.source, u.codes ?? [])}</seg></tuv>`,
    );
    lines.push(
      `      <tuv xml:lang="${escapeXml(tmxLanguageTag(u.targetLang))}"${origin.tuvAttrs}><seg>${renderTmxSeg(u.target, u.codes ?? [])}</seg></tuv>`,
    );
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}
