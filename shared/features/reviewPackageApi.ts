/** Offline handoff (issue 16, docs/team.md#offline-handoff): what Send for review and Open package answer. No Node, no DOM. */

/** The largest package Open package reads (characters of the file's text). */
export const REVIEW_PACKAGE_MAX_CHARS = 20 * 1024 * 1024;

/** The file name a package is saved under ends with this. */
export const REVIEW_PACKAGE_EXTENSION = '.verso-review.json';

export interface ReviewPackageFile {
  fileName: string;
  /** The file's text (JSON). */
  content: string;
}

export interface ReviewPackageResult {
  documentId: string;
  title: string;
  /** The document was not in this library: it was added (the other laptop's first handoff). */
  created: boolean;
  /** Who signed the package (name) and with which key (key id: compare it with the sender's, out of band). */
  signer: { name: string; keyId: string };
  /** Paragraphs that took the sender's state. */
  applied: number;
  /** Paragraphs both laptops changed: shown as conflicts (Keep mine / Keep theirs), like team sync. */
  conflicts: number;
  /** Parts not applied, and why (e.g. a sign-off whose signature does not verify). */
  rejected: { paragraphId: string; reason: string }[];
}
