/**
 * Types of export formats, footer templates and attestation. The methods are declared in
 * `exportingContract.ts`, served by `main/services/features/exporting.ts`.
 */
import type { FooterPolicy, Role } from '../types.js';

/** Settings the disclosure footer may need; EXPORT_SETTINGS_MISSING names the empty ones (`details.fields`). */
export const FOOTER_SETTING_FIELDS = ['publisher', 'contactEmail'] as const;
export type FooterSettingField = (typeof FOOTER_SETTING_FIELDS)[number];

/** Every format a document can be exported to. */
export const EXPORT_FILE_FORMATS = [
  'txt',
  'md',
  'html',
  'docx',
  'xliff20',
  'xliff12',
  'tmx',
  'provenance',
  'attestation',
  'xliff12cat',
] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

/** Formats that carry the disclosure footer (the bilingual and record formats never do). */
export const FOOTER_FORMATS: readonly ExportFileFormat[] = ['txt', 'md', 'html', 'docx'];

/** Something the export noticed and the user should know; the file was still written. */
export type ExportWarning =
  /** A paragraph reads like a disclosure footer (in the source or the translation). */
  | { code: 'FOOTER_LIKE_PARAGRAPH'; paragraph: number; side: 'source' | 'target' }
  /** The translation already ends with this footer, so it was not appended a second time. */
  | { code: 'FOOTER_ALREADY_PRESENT'; paragraphs: number[] }
  /** Publish-ready, and the footer policy left the disclosure out: who decided it and why (null when unrecorded). */
  | { code: 'FOOTER_OMITTED'; policy: FooterPolicy; decidedBy: string | null; reason: string | null }
  /** Publish-ready with the publication's own footer wording, not the vetted built-in template. */
  | { code: 'FOOTER_TEMPLATE_CUSTOM'; lang: string; sha256: string }
  /** A TMX holds signed-off paragraphs only: `units` of the document's `paragraphs` (not excluded) are in it. */
  | { code: 'TMX_SIGNED_OFF_ONLY'; units: number; paragraphs: number };

export interface ExportFileResult {
  fileName: string;
  mimeType: string;
  /** 'utf8': `content` is the text; 'base64': `content` is the bytes (DOCX). */
  encoding: 'utf8' | 'base64';
  content: string;
  draft: boolean;
  /** Whether the disclosure footer is in the file. */
  footer: boolean;
  warnings: ExportWarning[];
}

export interface FooterTemplateEntry {
  lang: string;
  /** The vetted template shipped with Verso (shared/footer/templates), or null. */
  vetted: string[] | null;
  /** The publication's own wording, saved in the settings, or null. */
  override: string[] | null;
  /** Identity of the vetted template (id, version, SHA-256 of its lines), or null. */
  vettedIdentity?: { id: string; version: number; sha256: string } | null;
  /** SHA-256 of the saved wording, and whether it differs from the vetted one (custom). */
  overrideIdentity?: { sha256: string; custom: boolean } | null;
}

/** Someone who changed an editorial setting. */
export interface SettingsChangeAuthor {
  profileId: string | null;
  name: string;
  role: Role;
}

/** One audit record of an editorial setting (footer policy, a footer template), append-only. */
export interface SettingsChange {
  id: string;
  at: string;
  setting: 'footerPolicy' | 'footerTemplate';
  /** The template's language; null for the policy. */
  lang: string | null;
  /** Policy name, or the template's lines (null: none saved, the vetted one applies). */
  before: FooterPolicy | string[] | null;
  after: FooterPolicy | string[] | null;
  reason: string | null;
  by: SettingsChangeAuthor;
}

/** Which footer template an export used: built-in (vetted, versioned) or custom, identified by SHA-256 of its lines. */
export interface FooterTemplateIdentity {
  lang: string;
  /** 'verso:footer:<lang>:v<version>' for a built-in template, 'custom:<lang>' for the publication's own. */
  id: string;
  version: number | null;
  sha256: string;
  builtIn: boolean;
  custom: boolean;
  /** The audit record that saved a custom template (null when unrecorded). */
  savedBy: { name: string; role: Role; at: string; reason: string | null; changeId: string } | null;
}

/** The footer policy in force for an export, the template, and — when the footer is left out — why. */
export interface FooterGovernance {
  policy: FooterPolicy;
  /** Whether a publish-ready text export of this document carries the footer under this policy. */
  footerIncluded: boolean;
  template: FooterTemplateIdentity | null;
  /** Who last set the policy (null when never recorded). */
  policySetBy: { name: string; role: Role; at: string; reason: string | null; changeId: string } | null;
  /** Null when the footer is included; otherwise why it is left out. */
  omitted: { because: 'policy-never' | 'no-machine-translation'; decidedBy: string | null; reason: string | null } | null;
}
