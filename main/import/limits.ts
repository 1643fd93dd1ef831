/** Limits of an import; every refusal names the limit it hit. */
import { LIMITS } from '../../shared/limits.js';
import { XML_LIMITS } from '../core/xmlLimits.js';

export const IMPORT_LIMITS = {
  /** Largest file (or pasted text, in UTF-8 bytes). */
  fileBytes: LIMITS.importFileBytes,
  /** Largest pasted text, in bytes of UTF-8. */
  textBytes: LIMITS.importBytes,
  /** Most paragraphs one document may have. */
  paragraphs: LIMITS.documentParagraphs,
  /** Longest paragraph, in characters (UTF-16 units). */
  paragraphChars: 20_000,
  /** Deepest XML/HTML element nesting. */
  xmlDepth: XML_LIMITS.depth,
  /** Most XML elements in one file. */
  xmlElements: XML_LIMITS.elements,
  /** DOCX: most entries the ZIP archive may list. */
  zipEntries: 10_000,
  /** DOCX: largest uncompressed size of one part that is read (document, styles, numbering, relationships). */
  zipPartBytes: 64 * 1024 * 1024,
  /** DOCX: largest uncompressed size of all parts read together. */
  zipTotalBytes: 96 * 1024 * 1024,
  /**
   * Longest time a parse may take in the worker before it is stopped (an HTML page of 20,000
   * paragraphs takes about 12 s here to extract, several times that on a busy machine).
   */
  workerTimeoutMs: 120_000,
  /** Heap of the parsing worker; running out is reported as a file too complex to read. */
  workerHeapMb: 512,
  /** Heap of the worker reading a TMX file (streamed in batches, or indexed for a pre-fill: its memory stays bounded). */
  tmxWorkerHeapMb: 256,
} as const;

export const MB = 1024 * 1024;
