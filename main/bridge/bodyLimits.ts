/**
 * The largest request body the bridge reads, per method. Methods that carry a file take the
 * file's documented limit as base64 (4/3 of it) plus room for the JSON around it; methods that
 * carry a whole document's text take that; every other method gets a small limit. A method added
 * with a bigger payload needs its line here.
 */
import { GLOSSARY_LIMITS } from '../../shared/glossary/normalize.js';
import { LIMITS } from '../../shared/limits.js';
import { TMX_MAX_BYTES } from '../../shared/memory/limits.js';
import { REVIEW_PACKAGE_MAX_CHARS } from '../../shared/features/reviewPackageApi.js';

const MB = 1024 * 1024;

/** Base64 of a file of `bytes`, with 1 MiB for the rest of the JSON. */
const fileBody = (bytes: number): number => Math.ceil((bytes * 4) / 3) + MB;

/** Any other call: a 100,000-character paragraph even as \u escapes, 20,000 paragraph ids. */
export const SMALL_BODY_BYTES = 4 * MB;

/** An import source: a file (as base64) or pasted text, whichever is larger. */
const IMPORT_SOURCE = Math.max(fileBody(LIMITS.importFileBytes), 2 * LIMITS.importBytes + MB);

const LIMITS_BY_METHOD: Readonly<Record<string, number>> = {
  importDocument: IMPORT_SOURCE,
  reimportDocument: IMPORT_SOURCE,
  // A source and its translation.
  alignBilingual: 2 * IMPORT_SOURCE,
  importBilingual: 2 * IMPORT_SOURCE,
  importTmx: fileBody(TMX_MAX_BYTES),
  importGlossary: fileBody(GLOSSARY_LIMITS.importBytes),
  // Before and after texts of every paragraph of the largest document.
  replaceAllInTargets: 2 * LIMITS.importBytes + MB,
  // A review package's text, every character possibly a JSON escape.
  openReviewPackage: 2 * REVIEW_PACKAGE_MAX_CHARS + MB,
};

export function bodyLimitFor(method: string): number {
  return Object.hasOwn(LIMITS_BY_METHOD, method) ? LIMITS_BY_METHOD[method]! : SMALL_BODY_BYTES;
}

/** The largest body any method takes. */
export const LARGEST_BODY_BYTES = Math.max(SMALL_BODY_BYTES, ...Object.values(LIMITS_BY_METHOD));
