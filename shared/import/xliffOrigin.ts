/**
 * What an XLIFF unit tells about where its translation came from (issue 12): gathered while the
 * unit is read (states, state qualifiers, subStates, <alt-trans>, <mtc:match>, <mda:metadata>,
 * Verso's own notes) and turned into one `ImportedOrigin` when the unit ends.
 *
 * Only a positive statement makes a target human: Verso's own metadata (`origin` human) or a
 * TM qualifier says so; a file that says nothing gives "origin unknown", never "human".
 */
import type { ImportedOrigin } from './importedDocument.js';

/** Names of machine translation engines and services, as tools write them in `origin`/`tool-name`. */
const MT_NAME =
  /(mt\b|\b(machine|apertium|deepl|google|microsoft|bing|systran|modernmt|amazon|yandex|libretranslate|opus-mt|marian|nllb|openai|gpt|tencent|baidu|papago|lingva|argos)\b)/i;
/** XLIFF 1.2 state-qualifier values that say the target came from machine translation. */
const MT_QUALIFIERS = new Set(['mt-suggestion', 'leveraged-mt']);
/** … and from a translation memory. */
const TM_QUALIFIERS = new Set([
  'exact-match',
  'fuzzy-match',
  'id-match',
  'leveraged-tm',
  'leveraged-repository',
  'leveraged-inherited',
  'tm-suggestion',
]);

export interface MtCandidate {
  /** `origin` (1.2 alt-trans, 2.0 mtc:match) or tool name. */
  origin: string | null;
  /** Engine id when Verso wrote it (2.0 `subType="verso:<id>"`). */
  engineId: string | null;
  /** The candidate says it is machine translation (2.0 `type="mt"`, Okapi `matchType="MT"`). */
  declaredMt: boolean;
  text: string;
}

export interface OriginEvidence {
  qualifiers: string[];
  subStates: string[];
  candidates: MtCandidate[];
  /** Verso's provenance: 2.0 `<mda:meta>` of the `verso:provenance` group, 1.2 `<note from="verso:origin">` (JSON). */
  meta: Record<string, string>;
}

export function emptyEvidence(): OriginEvidence {
  return { qualifiers: [], subStates: [], candidates: [], meta: {} };
}

/** Reads Verso's 1.2 origin note (a JSON object of strings); anything else is ignored. */
export function readOriginNote(text: string, into: Record<string, string>): void {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string') into[k] = v.slice(0, 200);
  } catch {
    // not ours
  }
}

export const isMtName = (name: string | null): boolean => name !== null && MT_NAME.test(name);

function mtOrigin(
  engineName: string | null,
  engineId: string | null,
  mtText: string | null,
  meta: Record<string, string> = {},
): ImportedOrigin {
  return { kind: 'mt', engineId, engineName, engineVersion: meta['engineVersion'] ?? null, at: meta['createdAt'] ?? null, mtText };
}

/** The origin of a unit's target; `fileTool` is the tool that wrote the file (1.2 `<tool>`), if named. */
export function unitOrigin(e: OriginEvidence, fileTool: string | null): ImportedOrigin {
  const meta = e.meta;
  if (meta['origin'] === 'mt') return mtOrigin(meta['engineName'] ?? null, meta['engine'] ?? null, e.candidates[0]?.text ?? null, meta);
  if (meta['origin'] === 'human') return { kind: 'human' };
  if (meta['origin'] === 'tm') return { kind: 'tm' };
  if (meta['origin'] === 'unknown') return { kind: 'unknown' };
  const mtCandidate = e.candidates.find((c) => c.declaredMt || isMtName(c.origin));
  const mtStated =
    e.qualifiers.some((q) => MT_QUALIFIERS.has(q)) || e.subStates.some((s) => /(^|:)(mt|machine|machine-translation)$/i.test(s));
  if (mtCandidate) return mtOrigin(mtCandidate.origin, mtCandidate.engineId, mtCandidate.text);
  if (mtStated) return mtOrigin(isMtName(fileTool) ? fileTool : null, null, null);
  if (e.qualifiers.some((q) => TM_QUALIFIERS.has(q))) return { kind: 'tm' };
  // The file was written by an MT engine (tool-name "DeepL", …): its targets are that engine's.
  if (isMtName(fileTool)) return mtOrigin(fileTool, null, null);
  return { kind: 'unknown' };
}
