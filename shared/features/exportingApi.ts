/**
 * Part of the API contract: export formats, footer templates, attestation (issue: Export and disclosure).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/exportingSchemas.ts` and a service in `main/services/features/exporting.ts`.
 */
import type { ErrorCode as CoreErrorCode } from '../coreErrors.js';
import type { ExportMode } from '../types.js';

/** Settings the disclosure footer may need; EXPORT_SETTINGS_MISSING names the empty ones (`details.fields`). */
export const FOOTER_SETTING_FIELDS = ['publisher', 'contactEmail'] as const;
export type FooterSettingField = (typeof FOOTER_SETTING_FIELDS)[number];

/** Every format a document can be exported to. */
export const EXPORT_FILE_FORMATS = ['txt', 'md', 'html', 'docx', 'xliff20', 'xliff12', 'tmx', 'provenance', 'attestation'] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

/** Formats that carry the disclosure footer (the bilingual and record formats never do). */
export const FOOTER_FORMATS: readonly ExportFileFormat[] = ['txt', 'md', 'html', 'docx'];

/** Something the export noticed and the user should know; the file was still written. */
export type ExportWarning =
  /** A paragraph reads like a disclosure footer (in the source or the translation). */
  | { code: 'FOOTER_LIKE_PARAGRAPH'; paragraph: number; side: 'source' | 'target' }
  /** The translation already ends with this footer, so it was not appended a second time. */
  | { code: 'FOOTER_ALREADY_PRESENT'; paragraphs: number[] };

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
}

export interface ExportingApi {
  /** Exports a document in any format; publish mode needs every paragraph signed off and no unresolved QA error. */
  exportFile(input: { documentId: string; format: ExportFileFormat; mode: ExportMode }): Promise<ExportFileResult>;
  /** Footer templates of every language that has one (vetted or saved), plus the required languages. */
  listFooterTemplates(input: Record<string, never>): Promise<FooterTemplateEntry[]>;
  /** Saves the publication's own footer wording for a language (kept as data, used instead of the vetted one). */
  saveFooterTemplate(input: { lang: string; lines: string[] }): Promise<FooterTemplateEntry>;
  /** Drops the saved wording of a language, going back to the vetted template (if any). */
  resetFooterTemplate(input: { lang: string }): Promise<FooterTemplateEntry>;
}

export const EXPORTING_METHODS = ['exportFile', 'listFooterTemplates', 'saveFooterTemplate', 'resetFooterTemplate'] as const satisfies readonly (keyof ExportingApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const EXPORTING_ERROR_CODES = ['EXPORT_QA_UNRESOLVED', 'FOOTER_TEMPLATE_INVALID', 'EXPORT_SETTINGS_MISSING'] as const satisfies readonly string[];

export type ExportingErrorCode = (typeof EXPORTING_ERROR_CODES)[number] | CoreErrorCode;
