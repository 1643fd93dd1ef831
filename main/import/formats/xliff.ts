/**
 * XLIFF 1.2 (also 1.0/1.1) and 2.x: each translation unit becomes a paragraph; an existing target
 * comes along as machine translation (with the tool that made it) or as confirmed text, by its
 * state. Inline codes become protected tokens (shared/inline) that export restores (xliffInline.ts:
 * 1.2 g x bx ex bpt/ept ph it with their native code, 2.0 pc ph sc ec with their originalData);
 * the text inside <mrk> is kept. Verso's own paragraph structure (xliffStructure.ts) is read back.
 * A unit marked translate="no" (on itself, or inherited from its <group> / 2.0 <file>) becomes a
 * paragraph excluded from translation, never one to translate.
 */
import type { SaxesTagNS } from 'saxes';
import type { ImportedSegment, ImportedTarget, ImportedTargetState, ParsedImport } from '../../../shared/import/importedDocument.js';
import { ServiceError } from '../../core/serviceError.js';
import { attr, parseXml } from '../../core/safeXml.js';
import { closeToken } from '../../../shared/inline/inlineCodes.js';
import { CODES_1, CODES_2, PAIRED_ELEMENTS, UnitInline, type ContentSink } from './xliffInline.js';
import { blockOfStructure } from './xliffStructure.js';
import {
  emptyEvidence,
  isMtName,
  readOriginNote,
  unitOrigin,
  type MtCandidate,
  type OriginEvidence,
} from '../../../shared/import/xliffOrigin.js';
import { ANNOTATIONS, isVersoRecord, noteAuthor, skippedInUnit } from './xliffReport.js';
import { ImportReportBuilder, type ImportReportItem } from '../../../shared/import/importReport.js';
import type { ImportedComment } from '../../../shared/import/paragraphPlace.js';

const NS_1 = 'urn:oasis:names:tc:xliff:document:1.2';
const NS_2 = 'urn:oasis:names:tc:xliff:document:2.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NS_MTC = 'urn:oasis:names:tc:xliff:matches:2.0';
const NS_MDA = 'urn:oasis:names:tc:xliff:metadata:2.0';

/** XLIFF 1.x elements whose content is native code, not text (outside a code: skipped). */
const CODE_CONTENT_1 = new Set(['ph', 'bpt', 'ept', 'it', 'sub']);
/** 1.2 target states that mean the translation was finished. */
const DONE_STATES_1 = new Set(['translated', 'signed-off', 'final']);
/** 1.2 target states whose target is a placeholder when it only repeats the source. */
const PLACEHOLDER_STATES_1 = new Set(['new', 'needs-translation']);
const DONE_STATES_2 = new Set(['translated', 'reviewed', 'final']);

function versionError(version: string | null): ServiceError {
  return new ServiceError('IMPORT_XLIFF_VERSION', `XLIFF version ${version ?? '(none)'} is not supported; Verso reads XLIFF 1.2 and 2.0.`, {
    version: version ?? '?',
  });
}

function invalid(reason: string): ServiceError {
  return new ServiceError('IMPORT_XLIFF_INVALID', `The XLIFF file is not valid: ${reason}.`, { reason });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The engine id in a candidate's `verso:` subType (percent-encoded by the writer). */
function engineOfSubType(subType: string | null): string | null {
  if (!subType?.startsWith('verso:')) return null;
  try {
    return decodeURIComponent(subType.slice('verso:'.length));
  } catch {
    return subType.slice('verso:'.length);
  }
}

interface UnitDraft {
  source: string;
  target: string;
  /** Its inline codes (xliffInline.ts). */
  inline: UnitInline;
  /** Paragraph structure from Verso's own restype/type (xliffStructure.ts), null for a paragraph. */
  structure: ReturnType<typeof blockOfStructure>;
  /** Open paired codes of the current field: the code index, or null when dropped. */
  openPairs: { depth: number; index: number | null }[];
  hasTarget: boolean;
  /** Every segment's state (2.x) or the target's (1.x). */
  states: string[];
  mtQualifier: boolean;
  preserve: boolean;
  /** translate="no" (its own, or inherited). */
  excluded: boolean;
  /** What the unit says about where its target came from (xliffOrigin.ts). */
  evidence: OriginEvidence;
  /** 1.x approved="yes": the translation is finished, whatever its state. */
  approved: boolean;
  /** The unit's notes, to become comments on its paragraph. */
  notes: ImportedComment[];
  /** What the unit held that is not kept (listed in the import report). */
  lost: ImportReportItem[];
}

/** The tool a 2.0 <mda:meta> names (type tool, tool-name, tool-version). */
const TOOL_META = new Set(['tool', 'tool-name', 'toolName', 'tool-version', 'toolVersion']);

/** Text read outside the unit's own source/target: a candidate's target, a metadata value, a note. */
interface Aside {
  depth: number;
  text: string;
  done: (text: string) => void;
}

/**
 * XLIFF 1.0/1.1 files often carry the specification's own DOCTYPE (public id "-//XLIFF//DTD XLIFF//EN",
 * no internal subset). It declares nothing Verso needs and is never fetched: it is blanked (same
 * length, so error positions stay true) before the safe reader, which refuses any other DOCTYPE.
 */
const XLIFF_1_DOCTYPE =
  /^(\uFEFF?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--(?:(?!-->)[^]){0,2000}-->\s*)*)(<!DOCTYPE\s+xliff\s+PUBLIC\s+(?:"-\/\/XLIFF\/\/DTD XLIFF\/\/EN"|'-\/\/XLIFF\/\/DTD XLIFF\/\/EN')(?:\s+(?:"[^"<>[\]]{0,300}"|'[^'<>[\]]{0,300}'))?\s*>)/;

export function withoutXliffDoctype(text: string): string {
  const m = XLIFF_1_DOCTYPE.exec(text);
  return m ? m[1]! + ' '.repeat(m[2]!.length) + text.slice(m[0].length) : text;
}

/** Reads a unit's note into its comments (the text as written, trimmed; an empty note is none). */
function noteAside(unit: UnitDraft, tag: SaxesTagNS, depth: number): Aside {
  const author = noteAuthor(tag);
  return {
    depth,
    text: '',
    done: (t) => {
      const text = t.trim();
      if (text !== '' && !isVersoRecord(tag, text)) unit.notes.push({ author, at: null, text });
    },
  };
}

export function parseXliff(input: string): ParsedImport {
  const reader = new XliffReader();
  parseXml(withoutXliffDoctype(input), {
    open: (tag, depth) => reader.open(tag, depth),
    close: (tag, depth) => reader.close(tag, depth),
    text: (t) => reader.text(t),
  });
  return reader.result();
}

function newUnit(version: 1 | 2, tag: SaxesTagNS, excluded: boolean): UnitDraft {
  return {
    source: '',
    target: '',
    inline: new UnitInline(version),
    structure: blockOfStructure(attr(tag, version === 1 ? 'restype' : 'type')),
    openPairs: [],
    hasTarget: false,
    states: [],
    mtQualifier: false,
    preserve: attr(tag, 'space', XML_NS) === 'preserve',
    excluded,
    evidence: emptyEvidence(),
    approved: version === 1 && attr(tag, 'approved') === 'yes',
    notes: [],
    lost: [],
  };
}

/** A 2.0 <cp hex="…"> in text: the character, when it may stand in text (no controls, no surrogates). */
function codePointText(hex: string | null): string {
  const code = hex && /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
  const allowed = code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && !(code >= 0x7f && code <= 0x9f);
  return allowed ? String.fromCodePoint(code) : '';
}

/** The reading state of one XLIFF file (one SAX pass). */
class XliffReader {
  private version: 1 | 2 | null = null;
  private sourceLang: string | null = null;
  private targetLang: string | null = null;
  private fileTool: string | null = null;
  private readonly toolNames = new Map<string, string>();
  /** The tools a 1.x header declares (id → name and version), and what 2.0 metadata says. */
  private readonly tools = new Map<string, { name: string; version: string | null }>();
  private readonly toolMeta: { name: string | null; version: string | null } = { name: null, version: null };
  private toolIdRef: string | null = null;
  private readonly segments: ImportedSegment[] = [];
  private readonly report = new ImportReportBuilder();

  private unit: UnitDraft | null = null;
  /** 'source' | 'target' while inside one (at the unit's level, not inside alt-trans or matches). */
  private field: 'source' | 'target' | null = null;
  private fieldDepth = 0;
  /** Depth of an element whose content is skipped (native code, alt-trans, notes…). */
  private skipDepth = 0;
  private unitDepth = 0;
  /** Where the native content of the inline code being read goes. */
  private capture: ContentSink | null = null;
  /** A 2.0 <data> of the unit's <originalData> being read. */
  private dataCapture: { id: string; text: string } | null = null;
  private dataDepth = 0;
  /** A 1.2 <alt-trans> / 2.0 <mtc:match> being read, and the depth of its element. */
  private candidate: { c: MtCandidate; depth: number } | null = null;
  private aside: Aside | null = null;
  /** Depth of a 2.0 <mda:metaGroup category="verso:provenance">. */
  private provenanceGroup = 0;
  /** translate="no"/"yes" of the enclosing <file>/<group> elements that set it, innermost last. */
  private readonly translateScopes: { depth: number; no: boolean }[] = [];

  open(tag: SaxesTagNS, depth: number): void {
    if (depth === 1) {
      this.openRoot(tag);
      return;
    }
    if (this.skipDepth > 0) return;
    const name = tag.local;
    if ((name === 'group' || name === 'file') && !this.unit && attr(tag, 'translate') !== null) {
      this.translateScopes.push({ depth, no: attr(tag, 'translate') === 'no' });
    }
    if (this.version === 1) this.open1(name, tag, depth);
    else this.open2(name, tag, depth);
  }

  close(tag: SaxesTagNS, depth: number): void {
    if (this.translateScopes.at(-1)?.depth === depth) this.translateScopes.pop();
    if (this.skipDepth === 0 && this.aside && depth === this.aside.depth) {
      this.aside.done(this.aside.text);
      this.aside = null;
    } else if (this.skipDepth === 0 && this.candidate && depth === this.candidate.depth) {
      if (this.unit) this.unit.evidence.candidates.push(this.candidate.c);
      this.candidate = null;
    } else {
      if (this.provenanceGroup === depth) this.provenanceGroup = 0;
      if (this.skipDepth > 0) {
        if (depth === this.skipDepth) {
          this.skipDepth = 0;
          this.capture = null;
        }
      } else this.closeInContent(tag, depth);
    }
  }

  text(t: string): void {
    const { aside, dataCapture, capture, unit, field, skipDepth } = this;
    if (aside && skipDepth === 0) aside.text += t.replace(/[\uE000-\uE2FF]/g, '');
    else if (dataCapture) dataCapture.text += t;
    else if (capture && skipDepth > 0) capture.add(t);
    else if (unit && field && skipDepth === 0) unit[field] += t.replace(/[\uE000-\uE2FF]/g, '');
  }

  result(): ParsedImport {
    if (this.version === null) throw invalid('there is no <xliff> element');
    const { tools, toolIdRef, toolMeta, fileTool } = this;
    const declared =
      (toolIdRef !== null ? tools.get(toolIdRef) : undefined) ??
      [...tools.values()][0] ??
      (toolMeta.name ? { name: toolMeta.name, version: toolMeta.version } : null);
    const tool = declared ?? (fileTool ? { name: fileTool.trim().slice(0, 100), version: null } : null);
    const { segments, sourceLang, targetLang, report } = this;
    return {
      format: 'xliff',
      segments,
      encoding: null,
      sourceLang,
      targetLang,
      title: null,
      tool,
      ...(report.empty ? {} : { report: report.build('xliff') }),
    };
  }

  private openRoot(tag: SaxesTagNS): void {
    if (tag.local !== 'xliff') throw invalid(`the root element is <${tag.name}>, not <xliff>`);
    const v = attr(tag, 'version');
    if (v !== null && /^1\.[012]$/.test(v) && (tag.uri === NS_1 || tag.uri === '' || v !== '1.2')) this.version = 1;
    // XLIFF 1.x made the version attribute required only in 1.1; without one, anything but the 2.0 namespace is read as 1.x.
    else if (v === null && tag.uri !== NS_2) this.version = 1;
    else if (v !== null && /^2\.[0-2]$/.test(v) && tag.uri === NS_2) this.version = 2;
    else throw versionError(v);
    if (this.version === 2) {
      this.sourceLang = attr(tag, 'srcLang');
      this.targetLang = attr(tag, 'trgLang');
    }
  }

  private unitExcluded(tag: SaxesTagNS): boolean {
    const own = attr(tag, 'translate');
    return own !== null ? own === 'no' : (this.translateScopes.at(-1)?.no ?? false);
  }

  private startUnit(tag: SaxesTagNS, depth: number, version: 1 | 2): void {
    if (this.unit) throw invalid(version === 1 ? 'a trans-unit is nested inside another' : 'a unit is nested inside another');
    this.unit = newUnit(version, tag, this.unitExcluded(tag));
    this.unitDepth = depth;
  }

  private startField(unit: UnitDraft, name: 'source' | 'target', depth: number): void {
    this.field = name;
    this.fieldDepth = depth;
    unit.inline.startField();
    if (name === 'target') unit.hasTarget = true;
  }

  /** An inline code in a source or target: its token, its native content read into the code. */
  private inlineCode(u: UnitDraft, f: 'source' | 'target', tag: SaxesTagNS, depth: number): void {
    const r = u.inline.open(f, tag);
    u[f] += r.token;
    if (r.pair) u.openPairs.push({ depth, index: r.pair.index });
    if (r.nativeContent !== false) {
      this.skipDepth = depth;
      this.capture = r.nativeContent;
    }
  }

  /** Reads the text of a candidate's <target> into the candidate. */
  private candidateTarget(c: MtCandidate, depth: number): void {
    this.aside = { depth, text: '', done: (t) => (c.text = collapse(t)) };
  }

  /** An element of the unit the file keeps and Verso does not: listed, skipped. */
  private skipInUnit(unit: UnitDraft, tag: SaxesTagNS, depth: number, version: 1 | 2): void {
    const lost = skippedInUnit(tag, version);
    if (lost) unit.lost.push(lost);
    this.skipDepth = depth;
  }

  private open1(name: string, tag: SaxesTagNS, depth: number): void {
    const unit = this.unit;
    if (name === 'file') {
      this.sourceLang ??= attr(tag, 'source-language');
      this.targetLang ??= attr(tag, 'target-language');
      this.toolIdRef = attr(tag, 'tool-id');
      this.fileTool = attr(tag, 'tool');
    } else if (name === 'tool') this.declareTool1(tag);
    else if (!unit && (name === 'note' || name === 'bin-unit')) {
      if (name === 'bin-unit' || !isVersoRecord(tag, null)) this.report.add(name === 'note' ? 'fileNote' : 'binary', null);
      this.skipDepth = depth;
    } else if (name === 'trans-unit') this.startUnit(tag, depth, 1);
    else if (unit) this.open1InUnit(unit, name, tag, depth);
  }

  private declareTool1(tag: SaxesTagNS): void {
    const id = attr(tag, 'tool-id');
    const toolName = attr(tag, 'tool-name');
    if (id && toolName) this.toolNames.set(id, [toolName, attr(tag, 'tool-version')].filter(Boolean).join(' '));
    if (toolName)
      this.tools.set(id ?? '', { name: toolName.trim().slice(0, 100), version: attr(tag, 'tool-version')?.trim().slice(0, 50) || null });
  }

  private open1InUnit(unit: UnitDraft, name: string, tag: SaxesTagNS, depth: number): void {
    const { field, candidate, aside } = this;
    if (field === null && (name === 'source' || name === 'target') && depth === this.unitDepth + 1) {
      this.startField(unit, name, depth);
      if (name === 'target') this.readTargetState1(unit, tag);
    } else if (field === null && !candidate && name === 'alt-trans') this.startAltTrans(tag, depth);
    else if (candidate && !aside && name === 'target' && depth === candidate.depth + 1) this.candidateTarget(candidate.c, depth);
    else if (!aside && name === 'note' && (attr(tag, 'from') === 'verso:origin' || (candidate && attr(tag, 'from') === 'verso'))) {
      this.aside = originNoteAside(unit, candidate?.c ?? null, depth);
    } else if (field === null && !candidate && !aside && name === 'note') this.aside = noteAside(unit, tag, depth);
    else if (candidate || aside) {
      // inside an alt-trans or a note: only its target / note text is read
    } else if (field === null)
      this.skipInUnit(unit, tag, depth, 1); // seg-source, context…
    else if (ANNOTATIONS.has(name))
      unit.lost.push('annotation'); // its text is read
    else if (CODES_1.has(name)) this.inlineCode(unit, field, tag, depth);
    else if (CODE_CONTENT_1.has(name)) this.skipDepth = depth;
  }

  private readTargetState1(unit: UnitDraft, tag: SaxesTagNS): void {
    const state = attr(tag, 'state');
    if (state) unit.states.push(state);
    const qualifier = attr(tag, 'state-qualifier');
    if (qualifier === 'mt-suggestion' || qualifier === 'leveraged-mt') unit.mtQualifier = true;
    if (qualifier) unit.evidence.qualifiers.push(qualifier);
  }

  private startAltTrans(tag: SaxesTagNS, depth: number): void {
    const matchType = Object.values(tag.attributes).find((a) => a.local === 'matchType' && a.uri !== '')?.value ?? null;
    const toolRef = attr(tag, 'tool-id');
    const origin = attr(tag, 'origin') ?? (toolRef ? (this.toolNames.get(toolRef) ?? toolRef) : null);
    this.candidate = { c: { origin, engineId: null, declaredMt: matchType !== null && /^mt$/i.test(matchType), text: '' }, depth };
  }

  private open2(name: string, tag: SaxesTagNS, depth: number): void {
    const unit = this.unit;
    if (name === 'unit') this.startUnit(tag, depth, 2);
    else if (!unit && name === 'note') {
      if (!isVersoRecord(tag, null)) this.report.add('fileNote', null);
      this.skipDepth = depth;
    } else if (!unit && tag.uri === NS_MDA && name === 'meta' && TOOL_META.has(attr(tag, 'type') ?? '')) {
      const which = /version/i.test(attr(tag, 'type')!) ? 'version' : 'name';
      const toolMeta = this.toolMeta;
      this.aside = { depth, text: '', done: (t) => (toolMeta[which] ??= t.trim().slice(0, which === 'name' ? 100 : 50) || null) };
    } else if (unit && this.field === null) this.open2UnitLevel(unit, name, tag, depth);
    else if (unit && this.field) this.open2InField(unit, this.field, name, tag, depth);
  }

  /** A 2.0 element inside a unit, outside its source and target. */
  private open2UnitLevel(unit: UnitDraft, name: string, tag: SaxesTagNS, depth: number): void {
    const { candidate, aside } = this;
    if (name === 'segment') readSegmentState2(unit, tag);
    else if (!candidate && tag.uri === NS_MTC && name === 'matches') {
      // the candidates follow
    } else if (!candidate && tag.uri === NS_MTC && name === 'match') {
      const engineId = engineOfSubType(attr(tag, 'subType'));
      this.candidate = { c: { origin: attr(tag, 'origin'), engineId, declaredMt: attr(tag, 'type') === 'mt', text: '' }, depth };
    } else if (candidate && !aside && name === 'target' && depth === candidate.depth + 1) this.candidateTarget(candidate.c, depth);
    else if (!candidate && tag.uri === NS_MDA && (name === 'metadata' || name === 'metaGroup' || name === 'meta'))
      this.openMetadata2(unit, name, tag, depth);
    else if (!candidate && !aside && name === 'notes') {
      // its notes follow
    } else if (!candidate && !aside && name === 'note') this.aside = noteAside(unit, tag, depth);
    else if (candidate || aside) {
      // inside a candidate: only its target is read
    } else if (name === 'ignorable') {
      // Whitespace or markup between segments: its source joins the text, never a state.
    } else if (name === 'source' || name === 'target') this.startField(unit, name, depth);
    else if (name === 'originalData') this.dataDepth = depth;
    else if (this.dataDepth > 0 && name === 'data' && depth === this.dataDepth + 1)
      this.dataCapture = { id: attr(tag, 'id') ?? '', text: '' };
    else if (this.dataCapture && name === 'cp') this.readDataCodePoint(this.dataCapture, attr(tag, 'hex'));
    else this.skipInUnit(unit, tag, depth, 2); // glossary, other modules…
  }

  private readDataCodePoint(data: { text: string }, hex: string | null): void {
    if (hex && /^[0-9A-Fa-f]{1,6}$/.test(hex) && parseInt(hex, 16) <= 0x10ffff) data.text += String.fromCodePoint(parseInt(hex, 16));
  }

  private openMetadata2(unit: UnitDraft, name: string, tag: SaxesTagNS, depth: number): void {
    if (name === 'metaGroup' && attr(tag, 'category') === 'verso:provenance') this.provenanceGroup = depth;
    else if (name === 'metaGroup' && this.provenanceGroup === 0) unit.lost.push('metadata');
    const type = attr(tag, 'type');
    if (name === 'meta' && this.provenanceGroup > 0 && type) {
      const meta = unit.evidence.meta;
      this.aside = { depth, text: '', done: (t) => (meta[type] = t.trim().slice(0, 200)) };
    }
  }

  /** A 2.0 element inside a source or target. */
  private open2InField(unit: UnitDraft, field: 'source' | 'target', name: string, tag: SaxesTagNS, depth: number): void {
    if (this.candidate || this.aside) {
      // inside a candidate: only its target is read
    } else if (this.dataDepth > 0 && name === 'data' && depth === this.dataDepth + 1)
      this.dataCapture = { id: attr(tag, 'id') ?? '', text: '' };
    else if (this.dataCapture && name === 'cp') this.readDataCodePoint(this.dataCapture, attr(tag, 'hex'));
    else if (ANNOTATIONS.has(name))
      unit.lost.push('annotation'); // its text is read
    else if (CODES_2.has(name)) this.inlineCode(unit, field, tag, depth);
    else if (name === 'cp') unit[field] += codePointText(attr(tag, 'hex'));
  }

  /** Closing an element outside skipped content, asides and candidates. */
  private closeInContent(tag: SaxesTagNS, depth: number): void {
    const { unit, field } = this;
    if (this.dataCapture && tag.local === 'data') {
      unit?.inline.data.set(this.dataCapture.id, this.dataCapture.text);
      this.dataCapture = null;
    } else if (this.dataDepth === depth) this.dataDepth = 0;
    else if (unit && field && PAIRED_ELEMENTS.has(tag.local) && unit.openPairs[unit.openPairs.length - 1]?.depth === depth) {
      const open = unit.openPairs.pop()!;
      if (open.index !== null) unit[field] += closeToken(open.index);
    } else if (field && depth === this.fieldDepth) {
      this.field = null;
      if (unit) unit.openPairs = [];
    } else if (unit && depth === this.unitDepth && (tag.local === 'trans-unit' || tag.local === 'unit')) this.finishUnit(unit);
  }

  private finishUnit(unit: UnitDraft): void {
    const tidy = (t: string): string => (unit.preserve ? t.trim() : collapse(t));
    // The target's tokens follow the source's renumbering; a code the source lost goes from the target too.
    const { source, target: targetText, codes } = unit.inline.finish(tidy(unit.source), tidy(unit.target));
    const report = this.report;
    if (source.replace(/[\uE000-\uE2FF]/g, '').trim() !== '') {
      const target = this.importedTarget(unit, source, targetText);
      const block = unit.structure ?? { kind: 'paragraph' as const, marker: null };
      const segment: ImportedSegment = codes.length > 0 ? { ...block, text: source, codes, target } : { ...block, text: source, target };
      const withNotes = unit.notes.length > 0 ? { ...segment, comments: unit.notes } : segment;
      this.segments.push(unit.excluded ? { ...withNotes, excluded: true } : withNotes);
      const at = this.segments.length;
      for (const _ of unit.notes) report.add('note', at);
      for (const item of unit.lost) report.add(item, at);
      for (const c of unit.evidence.candidates) if (!c.declaredMt && !isMtName(c.origin) && c.text !== '') report.add('alternative', at);
    } else {
      // A unit with nothing to translate: what it held has no paragraph to go with.
      for (const item of unit.lost) report.add(item, null);
      if (targetText.replace(/[\uE000-\uE2FF]/g, '').trim() !== '') report.add('targetWithoutSource', null);
    }
    this.unit = null;
  }

  /** The unit's translation as imported, or null when it has none (or only a CAT tool's placeholder). */
  private importedTarget(unit: UnitDraft, source: string, targetText: string): ImportedTarget | null {
    const version = this.version;
    // A 1.x target marked new / needs-translation that only repeats the source is a placeholder (a CAT tool's copy), no translation.
    const placeholder =
      version === 1 && unit.states.length > 0 && unit.states.every((s) => PLACEHOLDER_STATES_1.has(s)) && targetText === source;
    if (!unit.hasTarget || targetText === '' || placeholder) return null;
    const done =
      unit.approved || (unit.states.length > 0 && unit.states.every((s) => (version === 1 ? DONE_STATES_1 : DONE_STATES_2).has(s)));
    const tool = (this.toolIdRef ? this.toolNames.get(this.toolIdRef) : null) ?? this.fileTool;
    const origin = unitOrigin(unit.evidence, tool);
    // Not finished: untouched MT when the file says it is MT, else a draft of that origin.
    const state: ImportedTargetState = done && !unit.mtQualifier ? 'confirmed' : origin.kind === 'mt' ? 'mt' : 'edited';
    return { text: targetText, state, tool, origin };
  }
}

function readSegmentState2(unit: UnitDraft, tag: SaxesTagNS): void {
  unit.states.push(attr(tag, 'state') ?? 'initial');
  const subState = attr(tag, 'subState');
  if (subState) unit.evidence.subStates.push(subState);
  // Verso before issue 12 wrote raw MT as state="translated" subState="verso:machine": still raw MT.
  if (subState === 'verso:machine') unit.mtQualifier = true;
}

/** Verso's provenance note on a unit, or its older alt-trans note ("engine <id> <version>, <time>"). */
function originNoteAside(unit: UnitDraft, c: MtCandidate | null, depth: number): Aside {
  return {
    depth,
    text: '',
    done: (t) => {
      if (!c) return readOriginNote(t, unit.evidence.meta);
      const m = /^engine (\S+) (.*), (\S+)$/.exec(t.trim());
      if (m) c.engineId ??= m[1]!;
    },
  };
}
