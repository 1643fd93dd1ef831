/** Bounds of every XML file read (import/limits.ts names them for imports); apart from safeXml.ts so that naming them does not load saxes. */
export const XML_LIMITS = {
  /** Deepest element nesting. */
  depth: 256,
  /** Most elements in one file (a Word file of 20,000 paragraphs has about 500,000). */
  elements: 2_000_000,
} as const;
