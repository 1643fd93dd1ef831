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
import { ServiceError } from '../../services/serviceError.js';
import { attr, parseXml } from './safeXml.js';
import { closeToken } from '../../../shared/inline/inlineCodes.js';
import { CODES_1, CODES_2, PAIRED_ELEMENTS, UnitInline, type ContentSink } from './xliffInline.js';
import { blockOfStructure } from './xliffStructure.js';
import { emptyEvidence, isMtName, readOriginNote, unitOrigin, type MtCandidate, type OriginEvidence } from './xliffOrigin.js';
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
  return new ServiceError(
    'IMPORT_XLIFF_VERSION',
    `XLIFF version ${version ?? '(none)'} is not supported; Verso reads XLIFF 1.2 and 2.0.`,
    { version: version ?? '?' },
  );
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
const XLIFF_1_DOCTYPE = /^(\uFEFF?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--(?:(?!-->)[^]){0,2000}-->\s*)*)(<!DOCTYPE\s+xliff\s+PUBLIC\s+(?:"-\/\/XLIFF\/\/DTD XLIFF\/\/EN"|'-\/\/XLIFF\/\/DTD XLIFF\/\/EN')(?:\s+(?:"[^"<>[\]]{0,300}"|'[^'<>[\]]{0,300}'))?\s*>)/;

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
  const text = withoutXliffDoctype(input);
  let version: 1 | 2 | null = null;
  let sourceLang: string | null = null;
  let targetLang: string | null = null;
  let fileTool: string | null = null;
  const toolNames = new Map<string, string>();
  /** The tools a 1.x header declares (id → name and version), and what 2.0 metadata says. */
  const tools = new Map<string, { name: string; version: string | null }>();
  const toolMeta: { name: string | null; version: string | null } = { name: null, version: null };
  let toolIdRef: string | null = null;
  const segments: ImportedSegment[] = [];
  const report = new ImportReportBuilder();

  let unit: UnitDraft | null = null;
  /** 'source' | 'target' while inside one (at the unit's level, not inside alt-trans or matches). */
  let field: 'source' | 'target' | null = null;
  let fieldDepth = 0;
  /** Depth of an element whose content is skipped (native code, alt-trans, notes…). */
  let skipDepth = 0;
  let unitDepth = 0;
  /** Where the native content of the inline code being read goes. */
  let capture: ContentSink | null = null;
  /** A 2.0 <data> of the unit's <originalData> being read. */
  let dataCapture: { id: string; text: string } | null = null;
  let dataDepth = 0;
  /** A 1.2 <alt-trans> / 2.0 <mtc:match> being read, and the depth of its element. */
  let candidate: { c: MtCandidate; depth: number } | null = null;
  let aside: Aside | null = null;
  /** Depth of a 2.0 <mda:metaGroup category="verso:provenance">. */
  let provenanceGroup = 0;
  /** translate="no"/"yes" of the enclosing <file>/<group> elements that set it, innermost last. */
  const translateScopes: { depth: number; no: boolean }[] = [];
  const unitExcluded = (tag: SaxesTagNS): boolean => {
    const own = attr(tag, 'translate');
    return own !== null ? own === 'no' : (translateScopes.at(-1)?.no ?? false);
  };

  /** An inline code in a source or target: its token, its native content read into the code. */
  const inlineCode = (u: UnitDraft, f: 'source' | 'target', tag: SaxesTagNS, depth: number): void => {
    const r = u.inline.open(f, tag);
    u[f] += r.token;
    if (r.pair) u.openPairs.push({ depth, index: r.pair.index });
    if (r.nativeContent !== false) {
      skipDepth = depth;
      capture = r.nativeContent;
    }
  };

  const finishUnit = (): void => {
    if (!unit) return;
    const tidy = (t: string): string => (unit!.preserve ? t.trim() : collapse(t));
    // The target's tokens follow the source's renumbering; a code the source lost goes from the target too.
    const { source, target: targetText, codes } = unit.inline.finish(tidy(unit.source), tidy(unit.target));
    if (source.replace(/[\uE000-\uE2FF]/g, '').trim() !== '') {
      let target: ImportedTarget | null = null;
      // A 1.x target marked new / needs-translation that only repeats the source is a placeholder (a CAT tool's copy), no translation.
      const placeholder = version === 1 && unit.states.length > 0 && unit.states.every((s) => PLACEHOLDER_STATES_1.has(s)) && targetText === source;
      if (unit.hasTarget && targetText !== '' && !placeholder) {
        const done = unit.approved || (unit.states.length > 0 && unit.states.every((s) => (version === 1 ? DONE_STATES_1 : DONE_STATES_2).has(s)));
        const tool = (toolIdRef ? toolNames.get(toolIdRef) : null) ?? fileTool;
        const origin = unitOrigin(unit.evidence, tool);
        // Not finished: untouched MT when the file says it is MT, else a draft of that origin.
        const state: ImportedTargetState = done && !unit.mtQualifier ? 'confirmed' : origin.kind === 'mt' ? 'mt' : 'edited';
        target = { text: targetText, state, tool, origin };
      }
      const block = unit.structure ?? { kind: 'paragraph' as const, marker: null };
      const segment: ImportedSegment = codes.length > 0 ? { ...block, text: source, codes, target } : { ...block, text: source, target };
      const withNotes = unit.notes.length > 0 ? { ...segment, comments: unit.notes } : segment;
      segments.push(unit.excluded ? { ...withNotes, excluded: true } : withNotes);
      const at = segments.length;
      for (const _ of unit.notes) report.add('note', at);
      for (const item of unit.lost) report.add(item, at);
      for (const c of unit.evidence.candidates) if (!c.declaredMt && !isMtName(c.origin) && c.text !== '') report.add('alternative', at);
    } else {
      // A unit with nothing to translate: what it held has no paragraph to go with.
      for (const item of unit.lost) report.add(item, null);
      if (targetText.replace(/[\uE000-\uE2FF]/g, '').trim() !== '') report.add('targetWithoutSource', null);
    }
    unit = null;
  };

  parseXml(text, {
    open(tag: SaxesTagNS, depth: number) {
      if (depth === 1) {
        if (tag.local !== 'xliff') throw invalid(`the root element is <${tag.name}>, not <xliff>`);
        const v = attr(tag, 'version');
        if (v !== null && /^1\.[012]$/.test(v) && (tag.uri === NS_1 || tag.uri === '' || v !== '1.2')) version = 1;
        // XLIFF 1.x made the version attribute required only in 1.1; without one, anything but the 2.0 namespace is read as 1.x.
        else if (v === null && tag.uri !== NS_2) version = 1;
        else if (v !== null && /^2\.[0-2]$/.test(v) && tag.uri === NS_2) version = 2;
        else throw versionError(v);
        if (version === 2) {
          sourceLang = attr(tag, 'srcLang');
          targetLang = attr(tag, 'trgLang');
        }
        return;
      }
      if (skipDepth > 0) return;
      const name = tag.local;
      if ((name === 'group' || name === 'file') && !unit && attr(tag, 'translate') !== null) {
        translateScopes.push({ depth, no: attr(tag, 'translate') === 'no' });
      }
      if (version === 1) {
        if (name === 'file') {
          sourceLang ??= attr(tag, 'source-language');
          targetLang ??= attr(tag, 'target-language');
          toolIdRef = attr(tag, 'tool-id');
          fileTool = attr(tag, 'tool');
        } else if (name === 'tool') {
          const id = attr(tag, 'tool-id');
          const toolName = attr(tag, 'tool-name');
          if (id && toolName) toolNames.set(id, [toolName, attr(tag, 'tool-version')].filter(Boolean).join(' '));
          if (toolName) tools.set(id ?? '', { name: toolName.trim().slice(0, 100), version: attr(tag, 'tool-version')?.trim().slice(0, 50) || null });
        } else if (!unit && (name === 'note' || name === 'bin-unit')) {
          if (name === 'bin-unit' || !isVersoRecord(tag, null)) report.add(name === 'note' ? 'fileNote' : 'binary', null);
          skipDepth = depth;
        } else if (name === 'trans-unit') {
          if (unit) throw invalid('a trans-unit is nested inside another');
          unit = { source: '', target: '', inline: new UnitInline(1), structure: blockOfStructure(attr(tag, 'restype')), openPairs: [], hasTarget: false, states: [], mtQualifier: false, preserve: attr(tag, 'space', XML_NS) === 'preserve', excluded: unitExcluded(tag), evidence: emptyEvidence(), approved: attr(tag, 'approved') === 'yes', notes: [], lost: [] };
          unitDepth = depth;
        } else if (unit && field === null && (name === 'source' || name === 'target') && depth === unitDepth + 1) {
          field = name;
          fieldDepth = depth;
          unit.inline.startField();
          if (name === 'target') {
            unit.hasTarget = true;
            const state = attr(tag, 'state');
            if (state) unit.states.push(state);
            const qualifier = attr(tag, 'state-qualifier');
            if (qualifier === 'mt-suggestion' || qualifier === 'leveraged-mt') unit.mtQualifier = true;
            if (qualifier) unit.evidence.qualifiers.push(qualifier);
          }
        } else if (unit && field === null && !candidate && name === 'alt-trans') {
          const matchType = Object.values(tag.attributes).find((a) => a.local === 'matchType' && a.uri !== '')?.value ?? null;
          const toolRef = attr(tag, 'tool-id');
          const origin = attr(tag, 'origin') ?? (toolRef ? (toolNames.get(toolRef) ?? toolRef) : null);
          candidate = { c: { origin, engineId: null, declaredMt: matchType !== null && /^mt$/i.test(matchType), text: '' }, depth };
        } else if (unit && candidate && !aside && name === 'target' && depth === candidate.depth + 1) {
          const c = candidate.c;
          aside = { depth, text: '', done: (t) => (c.text = collapse(t)) };
        } else if (unit && !aside && name === 'note' && (attr(tag, 'from') === 'verso:origin' || (candidate && attr(tag, 'from') === 'verso'))) {
          const u = unit;
          const c = candidate?.c ?? null;
          aside = {
            depth,
            text: '',
            done: (t) => {
              if (!c) return readOriginNote(t, u.evidence.meta);
              // Verso's older alt-trans note: "engine <id> <version>, <time>".
              const m = /^engine (\S+) (.*), (\S+)$/.exec(t.trim());
              if (m) c.engineId ??= m[1]!;
            },
          };
        } else if (unit && field === null && !candidate && !aside && name === 'note') {
          aside = noteAside(unit, tag, depth);
        } else if (unit && (candidate || aside)) {
          // inside an alt-trans or a note: only its target / note text is read
        } else if (unit && field === null) {
          const lost = skippedInUnit(tag, 1);
          if (lost) unit.lost.push(lost);
          skipDepth = depth; // seg-source, context…
        } else if (unit && field && ANNOTATIONS.has(name)) {
          unit.lost.push('annotation'); // its text is read
        } else if (unit && field && CODES_1.has(name)) {
          inlineCode(unit, field, tag, depth);
        } else if (field && CODE_CONTENT_1.has(name)) {
          skipDepth = depth;
        }
      } else {
        if (name === 'unit') {
          if (unit) throw invalid('a unit is nested inside another');
          unit = { source: '', target: '', inline: new UnitInline(2), structure: blockOfStructure(attr(tag, 'type')), openPairs: [], hasTarget: false, states: [], mtQualifier: false, preserve: attr(tag, 'space', XML_NS) === 'preserve', excluded: unitExcluded(tag), evidence: emptyEvidence(), approved: false, notes: [], lost: [] };
          unitDepth = depth;
        } else if (!unit && name === 'note') {
          if (!isVersoRecord(tag, null)) report.add('fileNote', null);
          skipDepth = depth;
        } else if (!unit && tag.uri === NS_MDA && name === 'meta' && TOOL_META.has(attr(tag, 'type') ?? '')) {
          const which = /version/i.test(attr(tag, 'type')!) ? 'version' : 'name';
          aside = { depth, text: '', done: (t) => (toolMeta[which] ??= t.trim().slice(0, which === 'name' ? 100 : 50) || null) };
        } else if (unit && field === null && name === 'segment') {
          unit.states.push(attr(tag, 'state') ?? 'initial');
          const subState = attr(tag, 'subState');
          if (subState) unit.evidence.subStates.push(subState);
          // Verso before issue 12 wrote raw MT as state="translated" subState="verso:machine": still raw MT.
          if (subState === 'verso:machine') unit.mtQualifier = true;
        } else if (unit && field === null && !candidate && tag.uri === NS_MTC && name === 'matches') {
          // the candidates follow
        } else if (unit && field === null && !candidate && tag.uri === NS_MTC && name === 'match') {
          const engineId = engineOfSubType(attr(tag, 'subType'));
          candidate = { c: { origin: attr(tag, 'origin'), engineId, declaredMt: attr(tag, 'type') === 'mt', text: '' }, depth };
        } else if (unit && candidate && !aside && name === 'target' && depth === candidate.depth + 1) {
          const c = candidate.c;
          aside = { depth, text: '', done: (t) => (c.text = collapse(t)) };
        } else if (unit && field === null && !candidate && tag.uri === NS_MDA && (name === 'metadata' || name === 'metaGroup' || name === 'meta')) {
          if (name === 'metaGroup' && attr(tag, 'category') === 'verso:provenance') provenanceGroup = depth;
          else if (name === 'metaGroup' && provenanceGroup === 0) unit.lost.push('metadata');
          const type = attr(tag, 'type');
          if (name === 'meta' && provenanceGroup > 0 && type) {
            const meta = unit.evidence.meta;
            aside = { depth, text: '', done: (t) => (meta[type] = t.trim().slice(0, 200)) };
          }
        } else if (unit && field === null && !candidate && !aside && name === 'notes') {
          // its notes follow
        } else if (unit && field === null && !candidate && !aside && name === 'note') {
          aside = noteAside(unit, tag, depth);
        } else if (unit && (candidate || aside)) {
          // inside a candidate: only its target is read
        } else if (unit && field === null && name === 'ignorable') {
          // Whitespace or markup between segments: its source joins the text, never a state.
        } else if (unit && field === null && (name === 'source' || name === 'target')) {
          field = name;
          fieldDepth = depth;
          unit.inline.startField();
          if (name === 'target') unit.hasTarget = true;
        } else if (unit && field === null && !candidate && name === 'originalData') {
          dataDepth = depth;
        } else if (unit && dataDepth > 0 && name === 'data' && depth === dataDepth + 1) {
          dataCapture = { id: attr(tag, 'id') ?? '', text: '' };
        } else if (unit && dataCapture && name === 'cp') {
          const hex = attr(tag, 'hex');
          if (hex && /^[0-9A-Fa-f]{1,6}$/.test(hex) && parseInt(hex, 16) <= 0x10ffff) dataCapture.text += String.fromCodePoint(parseInt(hex, 16));
        } else if (unit && field === null) {
          const lost = skippedInUnit(tag, 2);
          if (lost) unit.lost.push(lost);
          skipDepth = depth; // glossary, other modules…
        } else if (unit && field && ANNOTATIONS.has(name)) {
          unit.lost.push('annotation'); // its text is read
        } else if (unit && field && CODES_2.has(name)) {
          inlineCode(unit, field, tag, depth);
        } else if (unit && field && name === 'cp') {
          const hex = attr(tag, 'hex');
          const code = hex && /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
          // Only characters that may stand in text (no controls, no surrogates).
          if (code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && !(code >= 0x7f && code <= 0x9f)) {
            unit[field] += String.fromCodePoint(code);
          }
        }
      }
    },
    close(tag: SaxesTagNS, depth: number) {
      if (translateScopes.at(-1)?.depth === depth) translateScopes.pop();
      if (skipDepth === 0 && aside && depth === aside.depth) {
        aside.done(aside.text);
        aside = null;
        return;
      }
      if (skipDepth === 0 && candidate && depth === candidate.depth) {
        if (unit) unit.evidence.candidates.push(candidate.c);
        candidate = null;
        return;
      }
      if (provenanceGroup === depth) provenanceGroup = 0;
      if (skipDepth > 0) {
        if (depth === skipDepth) {
          skipDepth = 0;
          capture = null;
        }
        return;
      }
      if (dataCapture && tag.local === 'data') {
        unit?.inline.data.set(dataCapture.id, dataCapture.text);
        dataCapture = null;
        return;
      }
      if (dataDepth === depth) {
        dataDepth = 0;
        return;
      }
      if (unit && field && PAIRED_ELEMENTS.has(tag.local)) {
        const open = unit.openPairs[unit.openPairs.length - 1];
        if (open && open.depth === depth) {
          unit.openPairs.pop();
          if (open.index !== null) unit[field] += closeToken(open.index);
          return;
        }
      }
      if (field && depth === fieldDepth) {
        field = null;
        if (unit) unit.openPairs = [];
        return;
      }
      if (unit && depth === unitDepth && (tag.local === 'trans-unit' || tag.local === 'unit')) finishUnit();
    },
    text(t: string) {
      if (aside && skipDepth === 0) aside.text += t.replace(/[\uE000-\uE2FF]/g, '');
      else if (dataCapture) dataCapture.text += t;
      else if (capture && skipDepth > 0) capture.add(t);
      else if (unit && field && skipDepth === 0) unit[field] += t.replace(/[\uE000-\uE2FF]/g, '');
    },
  });

  if (version === null) throw invalid('there is no <xliff> element');
  // Assigned in the callbacks above, which TypeScript's narrowing does not see.
  const idRef = toolIdRef as string | null;
  const named = fileTool as string | null;
  const declared = (idRef !== null ? tools.get(idRef) : undefined) ?? [...tools.values()][0] ?? (toolMeta.name ? { name: toolMeta.name, version: toolMeta.version } : null);
  const tool = declared ?? (named ? { name: named.trim().slice(0, 100), version: null } : null);
  return { format: 'xliff', segments, encoding: null, sourceLang, targetLang, title: null, tool, ...(report.empty ? {} : { report: report.build('xliff') }) };
}
