/**
 * What an import produces before it is stored: segments (paragraphs) with, for bilingual formats
 * (XLIFF, a bilingual pair), an existing translation and how far it got. Pure data.
 */
import type { Segment } from '../types.js';
import type { ImportReport } from './importReport.js';
import type { ImportedComment, ImportedPlace } from './paragraphPlace.js';

/** Every format Verso reads. Stored in `importing_sources`; `documents.source_format` keeps 'txt'/'md'. */
export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'xliff';
export const IMPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'xliff'] as const satisfies readonly ImportFormat[];

/** What to take from an HTML page: the article (headline, standfirst, byline, body) or everything the page shows. */
export type HtmlExtract = 'article' | 'page';
export const HTML_EXTRACTS = ['article', 'page'] as const satisfies readonly HtmlExtract[];

/** What pasted text may be read as: plain text, Markdown, or HTML (the clipboard's text/html: links and emphasis kept). */
export type PasteFormat = 'txt' | 'md' | 'html';
export const PASTE_FORMATS = ['txt', 'md', 'html'] as const satisfies readonly PasteFormat[];

/**
 * How far an imported translation got: `mt` (machine translation made elsewhere, untouched),
 * `edited` (a person worked on it, unconfirmed), `confirmed` (final / signed off elsewhere: it
 * becomes Verso's "translated", never "signed-off": sign-off is an editor's act in Verso).
 */
export type ImportedTargetState = 'mt' | 'edited' | 'confirmed';

export interface ImportedTarget {
  text: string;
  state: ImportedTargetState;
  /** The tool that made it (XLIFF `tool-id`/`tool-name`, `origin`), for provenance; null when unknown. */
  tool: string | null;
  /**
   * Where the first draft of this text came from, as far as the file tells (issue 12): machine
   * translation (with the engine when named), a translation memory, a person, or unknown. Absent:
   * unknown. A target whose origin is unknown counts as machine translation for the footer.
   */
  origin?: ImportedOrigin;
}

export type ImportedOrigin =
  | {
      kind: 'mt';
      engineId: string | null;
      engineName: string | null;
      engineVersion: string | null;
      at: string | null;
      mtText: string | null;
    }
  | { kind: 'tm' }
  | { kind: 'human' }
  | { kind: 'unknown' };

export interface ImportedSegment extends Segment {
  target: ImportedTarget | null;
  /** The file marked it not to be translated (XLIFF translate="no"): it becomes an excluded paragraph. */
  excluded?: boolean;
  /** Word files: a footnote/endnote, table cell or text box paragraph (absent in the body). */
  place?: ImportedPlace;
  /** Word files: comments anchored to this paragraph. */
  comments?: ImportedComment[];
}

export interface ParsedImport {
  format: ImportFormat;
  segments: ImportedSegment[];
  /** Encoding the text was read in (text formats), else null. */
  encoding: string | null;
  /** Languages declared by the file (XLIFF), normalised later; null when absent. */
  sourceLang: string | null;
  targetLang: string | null;
  /** The document's title when the file shows one (an HTML page's headline), else null. */
  title: string | null;
  /** HTML: how the page was read (the article, or the whole page). */
  extract?: HtmlExtract;
  /** Word files: what was kept and what could not be imported (issue 14). */
  report?: ImportReport;
  /** XLIFF: the tool that wrote the file (1.x <header><tool>, 2.0 metadata), when it says. */
  tool?: { name: string; version: string | null } | null;
}

/** File extensions and the format they announce. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  xlf: 'xliff',
  xliff: 'xliff',
};

/** Lower-case extension of a file name without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** The `accept` list for file pickers. */
export const IMPORT_ACCEPT_LIST = Object.keys(IMPORT_EXTENSIONS)
  .map((e) => `.${e}`)
  .join(',');
