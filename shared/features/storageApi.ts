/**
 * Errors of the library file itself (issue 13): a damaged library, one already open in another
 * Verso, a full disk, a read-only data directory, a locked database. No methods of their own.
 */
export const STORAGE_ERROR_CODES = ['LIBRARY_DAMAGED', 'LIBRARY_IN_USE', 'STORAGE_FULL', 'STORAGE_READ_ONLY', 'STORAGE_BUSY'] as const satisfies readonly string[];
