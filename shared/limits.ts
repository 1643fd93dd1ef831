/** Size limits shared by the UI and the services (kept free of zod so the renderer bundle stays small). */
export const LIMITS = {
  /** Largest import accepted, in bytes of UTF-8 (or of the file). */
  importBytes: 5 * 1024 * 1024,
  /** Longest paragraph target accepted from an edit, in characters. */
  paragraphChars: 100_000,
  /** Most paragraphs one call may name. */
  paragraphIds: 10_000,
  nameChars: 100,
} as const;
