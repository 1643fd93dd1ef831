/**
 * XLIFF 1.2 (also 1.0/1.1) and 2.x: each translation unit becomes a paragraph; an existing target
 * comes along as machine translation (with the tool that made it) or as confirmed text, by its
 * state. Inline codes (<x/>, <ph>, <bpt>…, <sc/>, <ph/>…) carry no translatable text and are
 * left out; the text inside paired codes (<g>, <pc>, <mrk>) is kept.
 */
import type { SaxesTagNS } from 'saxes';
import type { ImportedSegment, ImportedTarget, ImportedTargetState, ParsedImport } from '../../../shared/import/importedDocument.js';
import { ServiceError } from '../../services/serviceError.js';
import { attr, parseXml } from './safeXml.js';

const NS_1 = 'urn:oasis:names:tc:xliff:document:1.2';
const NS_2 = 'urn:oasis:names:tc:xliff:document:2.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** XLIFF 1.x elements whose content is native code, not text. */
const CODE_CONTENT_1 = new Set(['ph', 'bpt', 'ept', 'it', 'sub']);
/** 1.2 target states that mean the translation was finished. */
const DONE_STATES_1 = new Set(['translated', 'signed-off', 'final']);
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

interface UnitDraft {
  source: string;
  target: string;
  hasTarget: boolean;
  /** Every segment's state (2.x) or the target's (1.x). */
  states: string[];
  mtQualifier: boolean;
  preserve: boolean;
}

export function parseXliff(text: string): ParsedImport {
  let version: 1 | 2 | null = null;
  let sourceLang: string | null = null;
  let targetLang: string | null = null;
  let fileTool: string | null = null;
  const toolNames = new Map<string, string>();
  let toolIdRef: string | null = null;
  const segments: ImportedSegment[] = [];

  let unit: UnitDraft | null = null;
  /** 'source' | 'target' while inside one (at the unit's level, not inside alt-trans or matches). */
  let field: 'source' | 'target' | null = null;
  let fieldDepth = 0;
  /** Depth of an element whose content is skipped (native code, alt-trans, notes…). */
  let skipDepth = 0;
  let unitDepth = 0;

  const finishUnit = (): void => {
    if (!unit) return;
    const source = unit.preserve ? unit.source.trim() : collapse(unit.source);
    const targetText = unit.preserve ? unit.target.trim() : collapse(unit.target);
    if (source !== '') {
      let target: ImportedTarget | null = null;
      if (unit.hasTarget && targetText !== '') {
        const done = unit.states.length > 0 && unit.states.every((s) => (version === 1 ? DONE_STATES_1 : DONE_STATES_2).has(s));
        const state: ImportedTargetState = done && !unit.mtQualifier ? 'confirmed' : 'mt';
        target = { text: targetText, state, tool: (toolIdRef ? toolNames.get(toolIdRef) : null) ?? fileTool };
      }
      segments.push({ kind: 'paragraph', marker: null, text: source, target });
    }
    unit = null;
  };

  parseXml(text, {
    open(tag: SaxesTagNS, depth: number) {
      if (depth === 1) {
        if (tag.local !== 'xliff') throw invalid(`the root element is <${tag.name}>, not <xliff>`);
        const v = attr(tag, 'version');
        if (v !== null && /^1\.[012]$/.test(v) && (tag.uri === NS_1 || tag.uri === '' || v !== '1.2')) version = 1;
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
        } else if (name === 'trans-unit') {
          if (unit) throw invalid('a trans-unit is nested inside another');
          unit = { source: '', target: '', hasTarget: false, states: [], mtQualifier: false, preserve: attr(tag, 'space', XML_NS) === 'preserve' };
          unitDepth = depth;
        } else if (unit && field === null && (name === 'source' || name === 'target') && depth === unitDepth + 1) {
          field = name;
          fieldDepth = depth;
          if (name === 'target') {
            unit.hasTarget = true;
            const state = attr(tag, 'state');
            if (state) unit.states.push(state);
            const qualifier = attr(tag, 'state-qualifier');
            if (qualifier === 'mt-suggestion' || qualifier === 'leveraged-mt') unit.mtQualifier = true;
          }
        } else if (unit && field === null) {
          skipDepth = depth; // alt-trans, note, seg-source, context…
        } else if (field && CODE_CONTENT_1.has(name)) {
          skipDepth = depth;
        }
      } else {
        if (name === 'unit') {
          if (unit) throw invalid('a unit is nested inside another');
          unit = { source: '', target: '', hasTarget: false, states: [], mtQualifier: false, preserve: attr(tag, 'space', XML_NS) === 'preserve' };
          unitDepth = depth;
        } else if (unit && field === null && name === 'segment') {
          unit.states.push(attr(tag, 'state') ?? 'initial');
        } else if (unit && field === null && name === 'ignorable') {
          // Whitespace or markup between segments: its source joins the text, never a state.
        } else if (unit && field === null && (name === 'source' || name === 'target')) {
          field = name;
          fieldDepth = depth;
          if (name === 'target') unit.hasTarget = true;
        } else if (unit && field === null) {
          skipDepth = depth; // notes, matches, metadata, originalData…
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
      if (skipDepth > 0) {
        if (depth === skipDepth) skipDepth = 0;
        return;
      }
      if (field && depth === fieldDepth) {
        field = null;
        return;
      }
      if (unit && depth === unitDepth && (tag.local === 'trans-unit' || tag.local === 'unit')) finishUnit();
    },
    text(t: string) {
      if (unit && field && skipDepth === 0) unit[field] += t;
    },
  });

  if (version === null) throw invalid('there is no <xliff> element');
  return { format: 'xliff', segments, encoding: null, sourceLang, targetLang, title: null };
}
