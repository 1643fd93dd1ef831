/**
 * TMX 1.4b: reading (saxes; no entity is ever expanded and no external DTD ever fetched —
 * saxes has no way to —, a DOCTYPE with an internal subset is refused, size and element limits)
 * and writing. Level 2 (issue 14): inline codes are kept as Verso codes (main/memory/tmxInline.ts);
 * language tags are canonicalised (`eN-uS` → `en-US`); every variant of the pair's target
 * language becomes its own unit (fr-CA and fr both kept).
 * A file is read completely before anything is stored: a broken file changes nothing.
 */
import { SaxesParser } from 'saxes';
import { runParser } from '../core/safeXml.js';
import { TMX_MAX_BYTES } from '../../shared/memory/limits.js';
import { primaryLanguage } from '../../shared/memory/pair.js';
import { canonicalLanguageTag, canonicalTagCasing, languageFallbacks } from '../../shared/languages.js';
import {
  closeToken,
  MAX_CODES,
  openToken,
  soloToken,
  stripTokens as withoutTokens,
  tokenInfo,
  TOKEN_PATTERN,
  type InlineCode,
} from '../../shared/inline/inlineCodes.js';
import { renderTmxSeg, TmxSegReader } from './tmxInline.js';
import { codeKind } from '../../shared/memory/formatting.js';
import type { TmMtOrigin, TmUnit } from '../../shared/features/memoryApi.js';
import { isMtName } from '../../shared/import/xliffOrigin.js';
import { ServiceError } from '../core/serviceError.js';
import type { NewTmUnit } from './tmStore.js';
import { escapeXml } from '../../shared/xml/escapeXml.js';

export const TMX_MAX_ELEMENTS = 5_000_000;
export const TMX_MAX_DEPTH = 40;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A tag as stored: canonical BCP 47 when valid, else its conventional casing (never refused: it is only a label). */
export function tmxLanguageTag(tag: string): string {
  return canonicalLanguageTag(tag) ?? canonicalTagCasing(tag) ?? tag.trim();
}

interface TuvSeg {
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

/** Decodes a TMX file's bytes (UTF-8, or UTF-16 with a byte-order mark). */
export function decodeTmx(bytes: Uint8Array): string {
  if (bytes.byteLength > TMX_MAX_BYTES) {
    throw new ServiceError('TMX_TOO_LARGE', `The TMX file is larger than ${TMX_MAX_BYTES / 1048576} MB.`, {
      limitMb: TMX_MAX_BYTES / 1048576,
    });
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('TMX_INVALID', 'The TMX file is not valid UTF-8 or UTF-16 text.', { line: 1, column: 1, reason: 'encoding' });
  }
}

/** "20261129T081500Z" → ISO 8601; null when absent or malformed. */
export function tmxDate(value: string | undefined): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function toTmxDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function invalid(parser: SaxesParser, reason: string): ServiceError {
  return new ServiceError('TMX_INVALID', `The TMX file is broken at line ${parser.line}, column ${parser.column + 1}: ${reason}`, {
    line: parser.line,
    column: parser.column + 1,
    reason,
  });
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

export function parseTmx(text: string, pair: { sourceLang: string; targetLang: string }, now: string): ParsedTmx {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const units: NewTmUnit[] = [];
  const languages = new Set<string>();
  let skipped = 0;
  const notKept = { notes: 0, properties: 0, sourceVariants: 0 };
  let depth = 0;
  let elements = 0;
  let root: string | null = null;
  let inBody = false;
  let tu: { by: string; at: string | null; tool: string | null; segs: TuvSeg[]; props: Record<string, string> } | null = null;
  /** The header's creationtool, and the tool that made the <tuv> being read (issue 12: MT origin). */
  let headerTool: string | null = null;
  let tuvTool: string | null = null;
  let prop: { type: string; text: string[] } | null = null;
  let tuvLang: string | null = null;
  let seg: TmxSegReader | null = null;

  parser.on('doctype', (doctype) => {
    // <!DOCTYPE tmx SYSTEM "tmx14.dtd"> (OmegaT) and the LISA <!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD
    // for Translation Memory eXchange//EN" "tmx14.dtd"> are harmless: saxes never loads an external DTD
    // and expands no entity but the five predefined ones. An internal subset (entity declarations) is refused.
    const literal = `("[^"]*"|'[^']*')`;
    if (
      /[[<]/.test(doctype) ||
      !new RegExp(`^\\s*tmx\\s+(SYSTEM\\s+${literal}|PUBLIC\\s+${literal}\\s+${literal})\\s*$`, 'i').test(doctype)
    ) {
      throw new ServiceError(
        'TMX_DOCTYPE',
        'The TMX file declares a DTD or entities; Verso does not read such files (they can hide attacks).',
        {
          line: parser.line,
        },
      );
    }
  });
  parser.on('opentag', (tag) => {
    depth++;
    elements++;
    if (depth > TMX_MAX_DEPTH || elements > TMX_MAX_ELEMENTS) {
      throw new ServiceError('TMX_INVALID', 'The TMX file is too complex (too deep or too many elements).', {
        line: parser.line,
        column: parser.column + 1,
        reason: 'limits',
      });
    }
    const name = tag.local;
    if (root === null) {
      root = name;
      if (name !== 'tmx') throw invalid(parser, `the root element is <${tag.name}>, not <tmx>`);
      const version = tag.attributes['version']?.value ?? '';
      if (!/^1\.[1-4]b?$/.test(version)) throw invalid(parser, `TMX version "${version}" is not supported (1.1 to 1.4b)`);
      return;
    }
    if (name === 'header' && depth === 2) headerTool = tag.attributes['creationtool']?.value ?? null;
    if (name === 'prop' && tu && depth === 4) prop = { type: String(tag.attributes['type']?.value ?? ''), text: [] };
    // A unit's or variant's notes and properties other than Verso's own: the TM keeps text, codes, who and when.
    if (tu && seg === null && (depth === 4 || depth === 5)) {
      const type = String(tag.attributes['type']?.value ?? '');
      if (name === 'note') notKept.notes++;
      else if (name === 'prop' && !type.startsWith('x-verso-') && type !== 'x-document') notKept.properties++;
    }
    if (name === 'body' && depth === 2) inBody = true;
    else if (name === 'tu' && inBody && depth === 3) {
      tu = {
        by: tag.attributes['changeid']?.value ?? tag.attributes['creationid']?.value ?? '',
        at: tmxDate(tag.attributes['changedate']?.value) ?? tmxDate(tag.attributes['creationdate']?.value),
        tool: tag.attributes['creationtool']?.value ?? null,
        segs: [],
        props: {},
      };
    } else if (name === 'tuv' && tu && depth === 4) {
      const lang = Object.values(tag.attributes).find((a) => (a.uri === XML_NS && a.local === 'lang') || a.name === 'lang')?.value;
      if (!lang) throw invalid(parser, '<tuv> without xml:lang');
      tuvLang = tmxLanguageTag(lang);
      tuvTool = tag.attributes['creationtool']?.value ?? null;
    } else if (name === 'seg' && tuvLang !== null && depth === 5) seg = new TmxSegReader();
    else if (seg !== null && depth > 5) seg.open(name, Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])));
  });
  parser.on('closetag', (tag) => {
    const name = tag.local;
    if (seg !== null && depth > 5) seg.close(name);
    else if (name === 'seg' && seg !== null && depth === 5) {
      const { text: raw, codes } = seg.build();
      const textOf = raw.normalize('NFC').trim();
      languages.add(tuvLang!);
      // Every variant is kept (a second <tuv> of the very same tag adds nothing).
      if (withoutTokens(textOf) !== '' && !tu!.segs.some((s) => s.lang === tuvLang))
        tu!.segs.push({ lang: tuvLang!, text: textOf, codes, tool: tuvTool });
      seg = null;
    } else if (name === 'tuv' && depth === 4) tuvLang = null;
    else if (name === 'prop' && prop && depth === 4) {
      if (prop.type.startsWith('x-verso-')) tu!.props[prop.type.slice('x-verso-'.length)] = prop.text.join('').trim().slice(0, 200);
      prop = null;
    } else if (name === 'tu' && tu && depth === 3) {
      const found = pairVariants(tu.segs, pair.sourceLang, pair.targetLang);
      for (const { source: s, target: t } of found) {
        const mtOrigin = tmxMtOrigin(tu.props, t.tool ?? tu.tool, headerTool);
        const { text: source, target, codes } = sharedCodes(s, t);
        units.push({
          sourceLang: s.lang,
          targetLang: t.lang,
          source,
          target,
          origin: 'tmx',
          createdBy: tu.by,
          createdAt: tu.at ?? now,
          ...(codes.length > 0 ? { codes } : {}),
          ...(mtOrigin ? { mtOrigin } : {}),
        });
      }
      if (found.length === 0) skipped++;
      else {
        const used = new Set(found.flatMap((f) => [f.source, f.target]));
        notKept.sourceVariants += tu.segs.filter(
          (g) => !used.has(g) && primaryLanguage(g.lang) === primaryLanguage(pair.sourceLang),
        ).length;
      }
      tu = null;
    } else if (name === 'body' && depth === 2) inBody = false;
    depth--;
  });
  const onText = (t: string) => {
    if (seg !== null) seg.text(t);
    else if (prop !== null) prop.text.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  runParser(parser, text, (reason) => invalid(parser, reason));
  if (root === null) throw new ServiceError('TMX_INVALID', 'The file has no XML content.', { line: 1, column: 1, reason: 'empty' });
  return { units, skipped, languages: [...languages].sort(), notKept };
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
