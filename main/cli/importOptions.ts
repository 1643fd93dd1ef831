/** The options of `verso import` (importCommand.ts), also read while the CLI loads (workersAhead.ts: which file it imports). */
export const IMPORT_OPTIONS = {
  source: { type: 'string' },
  target: { type: 'string' },
  title: { type: 'string' },
  'file-languages': { type: 'boolean' },
  prefill: { type: 'boolean' },
  'prefill-from': { type: 'string' },
} as const;
