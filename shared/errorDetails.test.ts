import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';
import { apiError, checkErrorDetails, detailsOf, errorDetailsSchemas } from './errorDetails.js';

describe('typed error details', () => {
  it('are declared only for known codes', () => {
    for (const code of Object.keys(errorDetailsSchemas())) expect(ERROR_CODES as readonly string[], code).toContain(code);
  });

  it('fit: the fields a code names, with their types; absent details always fit', () => {
    expect(checkErrorDetails('DOCUMENT_NOT_FOUND', { documentId: 'd1' })).toBeNull();
    expect(checkErrorDetails('EXPORT_NOT_SIGNED_OFF', { count: 2, paragraphs: [1, 4] })).toBeNull();
    expect(checkErrorDetails('NO_PROFILE', undefined)).toBeNull();
    // MT_INCOMPLETE carries its cause's details too.
    expect(checkErrorDetails('MT_INCOMPLETE', { translated: 1, reason: 'ENGINE_TIMEOUT', seconds: 30, host: 'x' })).toBeNull();
  });

  it('do not fit: an unnamed field, a wrong type, or details on a code that carries none (it can fail)', () => {
    expect(checkErrorDetails('DOCUMENT_NOT_FOUND', { documentId: 'd1', path: '/home/ana' })).toEqual([expect.stringContaining('path')]);
    expect(checkErrorDetails('EXPORT_NOT_SIGNED_OFF', { count: '2' })).toEqual([expect.stringMatching(/^count: /)]);
    expect(checkErrorDetails('NO_PROFILE', { name: 'Ana' })).toEqual(['NO_PROFILE carries no details']);
    expect(checkErrorDetails('EXPORT_SETTINGS_MISSING', { fields: ['password'] })).not.toBeNull();
  });

  it('are read by the renderer typed, and only when code and shape match', () => {
    const error = apiError('EXPORT_SETTINGS_MISSING', 'm', { fields: ['publisher'] });
    const fields: readonly ('publisher' | 'contactEmail')[] | undefined = detailsOf(error, 'EXPORT_SETTINGS_MISSING')?.fields;
    expect(fields).toEqual(['publisher']);
    expect(detailsOf(error, 'IMPORT_TOO_LARGE')).toBeUndefined();
    expect(detailsOf({ code: 'LIBRARY_DAMAGED', details: { backup: 42 } }, 'LIBRARY_DAMAGED')).toBeUndefined();
    expect(detailsOf({ code: 'LIBRARY_DAMAGED', details: { backup: 'b.sqlite' } }, 'LIBRARY_DAMAGED')?.backup).toBe('b.sqlite');
  });

  it('are checked where an error is made, at compile time', () => {
    expect(apiError('JOB_NOT_FOUND', 'm', { jobId: 'j' })).toEqual({ code: 'JOB_NOT_FOUND', message: 'm', details: { jobId: 'j' } });
    expect(apiError('INTERNAL', 'm')).toEqual({ code: 'INTERNAL', message: 'm' });
    // @ts-expect-error jobId is a string
    apiError('JOB_NOT_FOUND', 'm', { jobId: 7 });
    // @ts-expect-error JOB_NOT_FOUND has no documentId
    apiError('JOB_NOT_FOUND', 'm', { documentId: 'd' });
    // @ts-expect-error NO_PROFILE carries no details
    apiError('NO_PROFILE', 'm', { name: 'Ana' });
  });
});
