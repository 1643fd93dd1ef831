import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type VersoApi } from '../../shared/api.js';
import { createDispatcher } from './dispatch.js';
import { ServiceError } from '../core/serviceError.js';
import { OutputContractError, outputChecksWanted, withOutputChecks } from './outputChecks.js';

const profile = { id: 'p1', name: 'Ana', role: 'editor', createdAt: '2026-12-03T09:00:00.000Z' };

/** A VersoApi whose methods resolve to what `values` says (getProfile: a good profile by default). */
function apiReturning(values: Partial<Record<string, unknown>>): VersoApi {
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, async () => (m in values ? values[m] : profile)])) as unknown as VersoApi;
}

describe('output checks', () => {
  it('pass a value that matches its output schema through unchanged', async () => {
    const api = withOutputChecks(apiReturning({ getProfile: profile, getTmStats: { units: 3, indexing: 0 } }));
    expect(await api.getProfile({})).toBe(profile);
    expect(await api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).toEqual({ units: 3, indexing: 0 });
  });

  it('refuse a value its contract does not allow, naming the method and the field', async () => {
    const api = withOutputChecks(
      apiReturning({ getProfile: { ...profile, role: 'admin' }, getTmStats: { units: '3' }, listDocuments: [{ id: 1 }] }),
    );
    await expect(api.getProfile({})).rejects.toThrow(OutputContractError);
    await expect(api.getProfile({})).rejects.toThrow(/getProfile .*role/);
    await expect(api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).rejects.toThrow(/getTmStats .*units/);
    await expect(api.listDocuments({})).rejects.toThrow(/listDocuments .*0\.id/);
  });

  it('refuse an error code the method does not list', async () => {
    const throwing = (code: 'DOCUMENT_NOT_FOUND' | 'JOB_NOT_FOUND' | 'STORAGE_FULL') => async () => {
      throw new ServiceError(code, 'x');
    };
    const api = withOutputChecks({
      ...apiReturning({}),
      getLibraryItem: throwing('DOCUMENT_NOT_FOUND'),
      checkDocumentDeletion: throwing('JOB_NOT_FOUND'),
      listLibrary: throwing('STORAGE_FULL'),
      listDocuments: throwing('JOB_NOT_FOUND'),
    });
    await expect(api.getLibraryItem({ documentId: 'd' })).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    await expect(api.checkDocumentDeletion({ documentId: 'd' })).rejects.toThrow(
      /checkDocumentDeletion .*JOB_NOT_FOUND, which its errors do not list/,
    );
    // Storage failures may end any call.
    await expect(api.listLibrary({})).rejects.toMatchObject({ code: 'STORAGE_FULL' });
    // Every method lists its errors, so every method is checked (listDocuments lists none: `[]`).
    await expect(api.listDocuments({})).rejects.toThrow(/listDocuments .*JOB_NOT_FOUND, which its errors do not list/);
  });

  it('turn a mismatch into INTERNAL at the dispatcher (a programming error, never a user-facing code)', async () => {
    const dispatch = createDispatcher(withOutputChecks(apiReturning({ getSettings: { publisher: 'X' } })), () => null, {
      log: () => ({ logger: { error() {}, warn() {}, info() {} }, file: null }) as never,
    });
    expect(await dispatch('getSettings', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('are on only when VERSO_CHECK_OUTPUTS=1 (the tests and e2e set it; the app does not)', () => {
    expect(outputChecksWanted({ VERSO_CHECK_OUTPUTS: '1' })).toBe(true);
    expect(outputChecksWanted({})).toBe(false);
    expect(outputChecksWanted({ VERSO_CHECK_OUTPUTS: '0' })).toBe(false);
    // The node test project sets it (vitest.config.ts), so every service test checks outputs.
    expect(outputChecksWanted()).toBe(true);
  });
});
