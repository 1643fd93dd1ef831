/**
 * The import pipeline without the database: bytes (or pasted text) in, checked paragraphs out, or a
 * ServiceError that names the problem and the limit. Pure CPU work, so it can run in a worker.
 * Each format's reader (and its libraries: linkedom, yauzl, micromark…) is loaded when a file of
 * that format comes (`import()`), so the worker starts without them (docs/performance.md).
 */
import {
  extensionOf,
  IMPORT_EXTENSIONS,
  type HtmlExtract,
  type ImportFormat,
  type ParsedImport,
  type PasteFormat,
} from '../../shared/import/importedDocument.js';
import { hasVisibleText } from '../../shared/import/visibleText.js';
import { markdownExcess, type MarkdownExcess } from '../../shared/markdown/markdownLimits.js';
import { looksBinary, segmentPlainText } from '../../shared/segment.js';
import { ServiceError } from '../core/serviceError.js';
import { assertWellFormed, decodeText } from './decodeText.js';
import { IMPORT_LIMITS } from './limits.js';
import { sniffBinary } from './sniff.js';
import { cleanImportedText, cleanImportedTitle } from '../../shared/textHygiene.js';

export interface FileToImport {
  fileName: string;
  bytes: Uint8Array;
  /** HTML: the article only (default) or the whole page. */
  extract?: HtmlExtract;
}

export function tooLarge(sizeBytes: number, limitBytes: number = IMPORT_LIMITS.fileBytes): ServiceError {
  return new ServiceError(
    'IMPORT_TOO_LARGE',
    `The article is too large (${sizeBytes} bytes; at most ${limitBytes} bytes can be imported).`,
    {
      limitBytes,
      sizeBytes,
    },
  );
}

/** The format a file name announces, or IMPORT_UNSUPPORTED_FORMAT. */
export function formatOfFileName(fileName: string): ImportFormat {
  const ext = extensionOf(fileName);
  const format = IMPORT_EXTENSIONS[ext];
  if (!format) {
    throw new ServiceError(
      'IMPORT_UNSUPPORTED_FORMAT',
      `Verso cannot import "${fileName.slice(0, 100)}" (supported: ${Object.keys(IMPORT_EXTENSIONS)
        .map((e) => '.' + e)
        .join(', ')}).`,
      { fileName: fileName.slice(0, 255), extension: ext },
    );
  }
  return format;
}

/**
 * Leaves out paragraphs that show nothing (white space, invisible characters, line breaks or
 * formatting chips only), whatever the format: such a row could never be translated, yet it
 * would need a sign-off.
 */
export function withoutBlankRows(parsed: ParsedImport): ParsedImport {
  const segments = parsed.segments.filter((s) => hasVisibleText(s.text, s.codes));
  return segments.length === parsed.segments.length ? parsed : { ...parsed, segments };
}

/**
 * Whatever the format (an HTML `&#x1b;`, a raw ESC in a text file, a C1 character in XLIFF):
 * control characters never reach a paragraph (tab and line breaks stay), and neither control nor
 * bidi characters reach the title (shared/textHygiene.ts).
 */
export function withoutControlCharacters(parsed: ParsedImport): ParsedImport {
  return {
    ...parsed,
    title: parsed.title === null ? null : cleanImportedTitle(parsed.title).replace(/\s+/gu, ' ').trim() || null,
    segments: parsed.segments.map((s) => ({
      ...s,
      text: cleanImportedText(s.text),
      ...(s.target ? { target: { ...s.target, text: cleanImportedText(s.target.text) } } : {}),
    })),
  };
}

/** Removes control characters and blank rows, then refuses imports without text, with too many paragraphs or with a paragraph too long to edit. */
export function checkLimits(input: ParsedImport): ParsedImport {
  const parsed = withoutBlankRows(withoutControlCharacters(input));
  const { segments } = parsed;
  if (segments.length === 0) throw new ServiceError('IMPORT_EMPTY', 'The article has no text to translate.');
  if (segments.length > IMPORT_LIMITS.paragraphs) {
    throw new ServiceError(
      'IMPORT_TOO_MANY_PARAGRAPHS',
      `The article has ${segments.length} paragraphs; at most ${IMPORT_LIMITS.paragraphs} can be imported.`,
      { count: segments.length, limit: IMPORT_LIMITS.paragraphs },
    );
  }
  const long = segments.findIndex(
    (s) => s.text.length > IMPORT_LIMITS.paragraphChars || (s.target?.text.length ?? 0) > IMPORT_LIMITS.paragraphChars,
  );
  if (long >= 0) {
    const chars = Math.max(segments[long]!.text.length, segments[long]!.target?.text.length ?? 0);
    throw new ServiceError(
      'IMPORT_PARAGRAPH_TOO_LONG',
      `Paragraph ${long + 1} has ${chars} characters; a paragraph may have at most ${IMPORT_LIMITS.paragraphChars}.`,
      { paragraph: long + 1, chars, limit: IMPORT_LIMITS.paragraphChars },
    );
  }
  return parsed;
}

async function fromText(
  text: string,
  format: ImportFormat,
  encoding: string | null,
  extract: HtmlExtract | undefined,
): Promise<ParsedImport> {
  if (looksBinary(text)) {
    throw new ServiceError('IMPORT_BINARY', 'This file is not text (it looks like binary data).');
  }
  // Token placeholders (shared/inline) never come from a file's content.
  if (format === 'txt' || format === 'md') text = text.replace(/[\uE000-\uE2FF]/g, '');
  switch (format) {
    case 'txt':
      return {
        format,
        segments: segmentPlainText(text).map((s) => ({ ...s, target: null })),
        encoding,
        sourceLang: null,
        targetLang: null,
        title: null,
      };
    case 'md': {
      refuseCostlyMarkdown(text);
      const { segmentText } = await import('../../shared/segmentText.js');
      return {
        format,
        segments: segmentText(text, format).map((s) => ({ ...s, target: null })),
        encoding,
        sourceLang: null,
        targetLang: null,
        title: null,
      };
    }
    case 'html': {
      const { parseHtml } = await import('./formats/html.js');
      return { ...parseHtml(text.normalize('NFC'), extract ? { extract } : {}), encoding };
    }
    case 'xliff': {
      const { parseXliff } = await import('./formats/xliff.js');
      return { ...parseXliff(text.normalize('NFC')), encoding };
    }
    case 'docx':
      // Binary: read by parseImportFile before any text decoding; never pasted.
      throw new ServiceError('IMPORT_DOCX_NOT_ZIP', 'This .docx file is not a Word document (it is not a ZIP archive).');
  }
}

const MARKDOWN_EXCESS: Record<MarkdownExcess['what'], string> = {
  blockChars: 'characters in one block of lines without a blank line',
  emphasisRuns: 'emphasis markers (* or _) in one block of lines',
  brackets: 'link or image brackets ([) in one block of lines',
  containerDepth: 'quote or list levels opened on one line',
  documentEmphasisRuns: 'emphasis markers (* or _) in the whole article',
  documentBrackets: 'link or image brackets ([) in the whole article',
  documentCodeMarks: 'code marks (` runs) and backslashes in the whole article',
};

/** Refuses, before parsing, Markdown whose parse would take far longer than its size suggests. */
function refuseCostlyMarkdown(text: string): void {
  const over = markdownExcess(text);
  if (!over) return;
  const what = MARKDOWN_EXCESS[over.what];
  throw new ServiceError(
    'IMPORT_MARKDOWN_TOO_COMPLEX',
    `The Markdown has ${over.found} ${what} (line ${over.line}); at most ${over.limit} can be read.`,
    {
      limit: over.limit,
      what,
      found: over.found,
      line: over.line,
    },
  );
}

/** Pasted text: plain, Markdown, or HTML from the clipboard (read like an HTML file). */
export async function parseImportText(text: string, format: PasteFormat, options: { extract?: HtmlExtract } = {}): Promise<ParsedImport> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > IMPORT_LIMITS.textBytes) throw tooLarge(bytes, IMPORT_LIMITS.textBytes);
  assertWellFormed(text);
  return checkLimits(await fromText(text, format, null, options.extract));
}

/** A file's bytes: size, type (by name, then by its first bytes), encoding, format, limits. */
export async function parseImportFile({ fileName, bytes, extract }: FileToImport): Promise<ParsedImport> {
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw tooLarge(bytes.length);
  const format = formatOfFileName(fileName);
  if (bytes.length === 0) throw new ServiceError('IMPORT_EMPTY', 'The file is empty.');
  const detected = sniffBinary(bytes);
  // A Word file is a ZIP archive; any other binary kind under its name is the wrong file.
  if (format === 'docx' && (detected === 'zip' || detected === null)) {
    const { parseDocx } = await import('./formats/docx.js');
    return checkLimits(await parseDocx(bytes));
  }
  if (detected) {
    throw new ServiceError(
      'IMPORT_FILE_TYPE_MISMATCH',
      `"${fileName.slice(0, 100)}" is named like a ${format} file but its content is of another kind (${detected}).`,
      { detected, extension: extensionOf(fileName) },
    );
  }
  const { text, encoding } = decodeText(bytes);
  return checkLimits(await fromText(text, format, encoding, extract));
}
