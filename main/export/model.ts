/**
 * What every format writer works from: one document, its paragraphs with their provenance, and
 * what the export adds (the rendered disclosure footer, a draft notice). Built by
 * `collectExport.ts` from the database; writers are pure functions of it.
 */
import type { BlockKind, ExportMode, HumanDeclaration, MtRecord, OriginKind, ParagraphStatus, Role, SignOff } from '../../shared/types.js';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import type { ParagraphPlace } from '../../shared/import/paragraphPlace.js';
import type { DraftNotice } from '../../shared/features/exportingDraftNotice.js';
import type { FooterGovernance } from '../../shared/features/exportingApi.js';
import type { SignOffClaim } from '../../shared/signing/canonical.js';

export interface ExportActor {
  name: string;
  role: Role | null;
  at: string;
}

export interface ExportParagraph {
  id: string;
  /** 0-based position. */
  index: number;
  kind: BlockKind;
  marker: string | null;
  source: string;
  target: string;
  /** Inline codes whose tokens source, target and MT hold (shared/inline); [] when none. */
  codes: readonly InlineCode[];
  status: ParagraphStatus;
  mt: MtRecord | null;
  /** Display name of the MT engine (`mt.engineId` when unknown). */
  engineName: string | null;
  signOff: SignOff | null;
  /** Last person who confirmed the paragraph (status `translated`) before its current state. */
  confirmedBy: ExportActor | null;
  /** People who edited the text by hand (distinct, first edit first). */
  editors: ExportActor[];
  /** Who created the paragraph in Verso (import) and when. */
  created: ExportActor;
  /** Last change. */
  changed: ExportActor;
  /** Excluded from translation (see main/export/excludedParagraphs.ts); absent or false otherwise. */
  excluded?: boolean;
  /** How the current sign-off was made (absent without a sign-off; see `SignOffReview`). */
  signOffReview?: SignOffReview;
  /**
   * Where the translation came from (issue 12), null when there is none yet. Absent: derived from
   * `mt` (mt, else human). `unknown` with `declaredHuman` is an editor's declaration.
   */
  origin?: ExportOrigin | null;
  /** The latest sign-off's signed claim (issue 12), for the attestation; absent when not signed off. */
  signature?: ExportSignature;
  /** Imported from Word: a foot-/endnote, table cell or text box paragraph (issue 14); the DOCX export rebuilds them. */
  place?: ParagraphPlace;
}

/**
 * The review behind a paragraph's current sign-off: the reading signal recorded with it (null
 * when none was recorded, e.g. a sign-off through an API caller that sent none) and the QA errors
 * it overrode with their reason (null when it overrode none).
 */
export interface SignOffReview {
  signal: { dwellMs: number; words: number; diffViewed: boolean; fast: boolean } | null;
  override: { reason: string; issues: string[] } | null;
}

export interface ExportOrigin {
  kind: OriginKind;
  /** The tool the imported file came from, when it named one. */
  tool: string | null;
  declaredHuman: HumanDeclaration | null;
}

/** A paragraph's origin kind, derived as the writers need it (null: no translation). */
export function originKind(p: Pick<ExportParagraph, 'origin' | 'mt' | 'status'>): OriginKind | null {
  if (p.origin !== undefined) return p.origin?.kind ?? null;
  if (p.mt) return 'mt';
  return p.status === 'new' ? null : 'human';
}

/** A sign-off as `verso verify` checks it from the attestation alone. */
export interface ExportSignature {
  claim: SignOffClaim;
  /** Ed25519 signature (base64) of `encodeSignOff(claim)`; null for a sign-off made before signatures existed. */
  signature: string | null;
  /** The signer's raw Ed25519 public key (base64); null when unsigned. */
  publicKey: string | null;
  /** A team member's sign-off whose key a team admin registered (issue 16): the signer is vouched, not self-declared. */
  vouched?: true;
}

export interface ExportDocument {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  createdAt: string;
  paragraphs: ExportParagraph[];
  mode: ExportMode;
  /** Rendered footer paragraphs in the target language; null when no footer goes under this export. */
  footer: { lang: string; lines: string[] } | null;
  /** The draft notice, in the target language (shared/features/exportingDraftNotice.ts); draft mode only. */
  draftNotice: DraftNotice | null;
  exportedAt: string;
  toolVersion: string;
  /** The footer policy in force, the template (built-in or custom, by hash) and why a footer is left out; stated by provenance and attestation. */
  footerGovernance?: FooterGovernance;
}

/** Bytes or UTF-8 text written by a format writer. */
export type ExportContent = string | Uint8Array;
