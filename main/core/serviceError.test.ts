import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from './serviceError.js';

describe('ServiceError details', () => {
  it('take the details their code declares (shared/errorDetails.ts)', () => {
    const err = new ServiceError('DOCUMENT_NOT_FOUND', 'No such document.', { documentId: 'd1' });
    expect(err.toApiError()).toEqual({ code: 'DOCUMENT_NOT_FOUND', message: 'No such document.', details: { documentId: 'd1' } });
    expect(new ServiceError('NO_PROFILE', 'Set up a profile.').toApiError()).toEqual({ code: 'NO_PROFILE', message: 'Set up a profile.' });
  });

  it('refuse other details: at compile time, and in checking mode at run time', () => {
    // @ts-expect-error documentId is a string
    expect(() => new ServiceError('DOCUMENT_NOT_FOUND', 'x', { documentId: 1 })).toThrow(/DOCUMENT_NOT_FOUND: its details do not fit/);
    // @ts-expect-error NO_PROFILE carries no details
    expect(() => new ServiceError('NO_PROFILE', 'x', { name: 'Ana' })).toThrow(/carries no details/);
    // A code chosen at run time: the union's details type-check; the run-time check still applies.
    const code = Math.random() > 2 ? 'JOB_NOT_FOUND' : 'DOCUMENT_NOT_FOUND';
    expect(() => new ServiceError(code, 'x', { jobId: 'j' })).toThrow(/DOCUMENT_NOT_FOUND/);
  });

  it('in checking mode, an error made before the schemas loaded is checked when they come', async () => {
    vi.resetModules();
    const fresh = await import('./serviceError.js');
    let refused: unknown = null;
    try {
      // @ts-expect-error documentId is a string
      new fresh.ServiceError('DOCUMENT_NOT_FOUND', 'x', { documentId: 1 });
    } catch (err) {
      refused = err; // the schemas were already there
    }
    refused ??= await fresh.detailsCheckReady.then(
      () => null,
      (err: unknown) => err,
    );
    expect(String(refused)).toMatch(/DOCUMENT_NOT_FOUND: its details do not fit/);
  });
});
