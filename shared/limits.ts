/** Size limits shared by the UI and the services (kept free of zod so the renderer bundle stays small). */
export const LIMITS = {
  /** Largest pasted article accepted, in bytes of UTF-8. */
  importBytes: 5 * 1024 * 1024,
  /**
   * Largest imported file, in bytes (Word files carry their pictures, which Verso never unpacks;
   * base64 of this still fits the loopback bridge's 16 MB request limit).
   */
  importFileBytes: 10 * 1024 * 1024,
  /** Longest paragraph target accepted from an edit, in characters. */
  paragraphChars: 100_000,
  /** Most paragraphs one call may name. */
  paragraphIds: 10_000,
  nameChars: 100,
} as const;
