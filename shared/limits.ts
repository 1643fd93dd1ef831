/** Size limits shared by the UI and the services (kept free of zod so the renderer bundle stays small). */
export const LIMITS = {
  /** Most paragraphs one document may have (a 20,000-paragraph document is about 6 MB of text). */
  documentParagraphs: 20_000,
  /** Largest pasted article accepted, in bytes of UTF-8. */
  importBytes: 16 * 1024 * 1024,
  /**
   * Largest imported file, in bytes (an XLIFF file of 20,000 units with targets and markup is
   * 15–30 MB; Word files carry their pictures, which Verso never unpacks). Its base64 fits the
   * loopback bridge's request limit for the import methods (main/bridge/bodyLimits.ts).
   */
  importFileBytes: 32 * 1024 * 1024,
  /** Longest paragraph target accepted from an edit, in characters. */
  paragraphChars: 100_000,
  /** Most paragraphs one call may name (every paragraph of the longest document). */
  paragraphIds: 20_000,
  nameChars: 100,
  /** Most paragraphs one `getParagraphPage` reply holds (default: `paragraphPageDefault`). */
  paragraphPage: 5_000,
  paragraphPageDefault: 1_000,
  /**
   * A page also ends once its paragraphs' text passes this many characters (source, target, MT,
   * plus a fixed share per paragraph for ids, dates and names): about 1 MB of JSON, which Chromium
   * parses in about 10 ms here, so each page fits in a short task of the renderer.
   */
  paragraphPageChars: 1_000_000,
} as const;
