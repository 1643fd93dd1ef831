/**
 * TMX 1.4b: reading (saxes; no entity is ever expanded, a DOCTYPE with an internal subset or
 * entity declarations is refused, size and element limits) and writing.
 * A file is read completely before anything is stored: a broken file changes nothing.
 */
import { renderPlainText } from '../../shared/inline/renderInline.js';
import { SaxesParser } from 'saxes';
import { runParser } from '../import/formats/safeXml.js';
import { TMX_MAX_BYTES } from '../../shared/memory/limits.js';
import { primaryLanguage } from '../../shared/memory/pair.js';
import type { TmMtOrigin, TmUnit } from '../../shared/features/memoryApi.js';
import { isMtName } from '../import/formats/xliffOrigin.js';
import { ServiceError } from '../services/serviceError.js';
import type { NewTmUnit } from './tmStore.js';
import { escapeXml } from '../../shared/xml/escapeXml.js';

export const TMX_MAX_ELEMENTS = 5_000_000;
export const TMX_MAX_DEPTH = 40;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Inline elements whose content is native code, not text. */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut', 'sub']);

export interface ParsedTmx {
  units: NewTmUnit[];
  /** Translation units without text in both languages of the pair. */
  skipped: number;
  /** Languages the file has (for the error when none matches the pair). */
  languages: string[];
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
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
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
    return { kind: 'mt', engineId: props['engine'] || tuvTool || 'unknown', engineName: props['engine-name'] ?? tuvTool, engineVersion: props['engine-version'] ?? null, createdAt: props['mt-created'] ?? null };
  }
  if (props['origin']) return null;
  const tool = isMtName(tuvTool) ? tuvTool : isMtName(headerTool) ? headerTool : null;
  return tool ? { kind: 'mt', engineId: tool, engineName: tool, engineVersion: null, createdAt: null } : null;
}

export function parseTmx(text: string, pair: { sourceLang: string; targetLang: string }, now: string): ParsedTmx {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const src = primaryLanguage(pair.sourceLang);
  const tgt = primaryLanguage(pair.targetLang);
  const units: NewTmUnit[] = [];
  const languages = new Set<string>();
  let skipped = 0;
  let depth = 0;
  let elements = 0;
  let root: string | null = null;
  let inBody = false;
  let tu: { by: string; at: string | null; tool: string | null; segs: Map<string, { lang: string; text: string; tool: string | null }>; props: Record<string, string> } | null = null;
  /** The header's creationtool, and the tool that made the <tuv> being read (issue 12: MT origin). */
  let headerTool: string | null = null;
  let tuvTool: string | null = null;
  let prop: { type: string; text: string[] } | null = null;
  let tuvLang: string | null = null;
  let seg: string[] | null = null;
  let codeDepth = 0;

  parser.on('doctype', (doctype) => {
    // A plain <!DOCTYPE tmx SYSTEM "tmx14.dtd"> (as OmegaT writes) is harmless: saxes never loads it.
    if (/[[<]/.test(doctype) || !/^\s*tmx\s+SYSTEM\s+("[^"]*"|'[^']*')\s*$/i.test(doctype)) {
      throw new ServiceError('TMX_DOCTYPE', 'The TMX file declares a DTD or entities; Verso does not read such files (they can hide attacks).', {
        line: parser.line,
      });
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
    if (name === 'body' && depth === 2) inBody = true;
    else if (name === 'tu' && inBody && depth === 3) {
      tu = {
        by: tag.attributes['changeid']?.value ?? tag.attributes['creationid']?.value ?? '',
        at: tmxDate(tag.attributes['changedate']?.value) ?? tmxDate(tag.attributes['creationdate']?.value),
        tool: tag.attributes['creationtool']?.value ?? null,
        segs: new Map(),
        props: {},
      };
    } else if (name === 'tuv' && tu && depth === 4) {
      const lang = Object.values(tag.attributes).find((a) => (a.uri === XML_NS && a.local === 'lang') || a.name === 'lang')?.value;
      if (!lang) throw invalid(parser, '<tuv> without xml:lang');
      tuvLang = lang;
      tuvTool = tag.attributes['creationtool']?.value ?? null;
    } else if (name === 'seg' && tuvLang !== null && depth === 5) seg = [];
    else if (seg !== null && CODE_ELEMENTS.has(name)) codeDepth++;
  });
  parser.on('closetag', (tag) => {
    const name = tag.local;
    if (seg !== null && CODE_ELEMENTS.has(name) && codeDepth > 0) codeDepth--;
    else if (name === 'seg' && seg !== null && depth === 5) {
      const textOf = seg.join('').normalize('NFC').trim();
      const key = primaryLanguage(tuvLang!);
      languages.add(tuvLang!);
      if (textOf !== '' && !tu!.segs.has(key)) tu!.segs.set(key, { lang: tuvLang!, text: textOf, tool: tuvTool });
      seg = null;
    } else if (name === 'tuv' && depth === 4) tuvLang = null;
    else if (name === 'prop' && prop && depth === 4) {
      if (prop.type.startsWith('x-verso-')) tu!.props[prop.type.slice('x-verso-'.length)] = prop.text.join('').trim().slice(0, 200);
      prop = null;
    } else if (name === 'tu' && tu && depth === 3) {
      const s = tu.segs.get(src);
      const t = tu.segs.get(tgt);
      if (s && t) {
        const mtOrigin = tmxMtOrigin(tu.props, t.tool ?? tu.tool, headerTool);
        units.push({ sourceLang: s.lang, targetLang: t.lang, source: s.text, target: t.text, origin: 'tmx', createdBy: tu.by, createdAt: tu.at ?? now, ...(mtOrigin ? { mtOrigin } : {}) });
      } else skipped++;
      tu = null;
    } else if (name === 'body' && depth === 2) inBody = false;
    depth--;
  });
  const onText = (t: string) => {
    if (seg !== null && codeDepth === 0) seg.push(t);
    else if (prop !== null) prop.text.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  runParser(parser, text, (reason) => invalid(parser, reason));
  if (root === null) throw new ServiceError('TMX_INVALID', 'The file has no XML content.', { line: 1, column: 1, reason: 'empty' });
  return { units, skipped, languages: [...languages].sort() };
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
    // Text only, as the document's TMX export: inline codes become their plain text (renderPlainText).
    lines.push(`      <tuv xml:lang="${escapeXml(u.sourceLang)}"><seg>${escapeXml(renderPlainText(u.source, u.codes ?? []))}</seg></tuv>`);
    lines.push(`      <tuv xml:lang="${escapeXml(u.targetLang)}"${origin.tuvAttrs}><seg>${escapeXml(renderPlainText(u.target, u.codes ?? []))}</seg></tuv>`);
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}
