/**
 * The control messages between the backend process (main/backendProcess.ts) and the process that
 * started it (the desktop app's main process; tests). They share the parent's channel with the
 * protocol's requests (the backend asking main for engine keys: secretsOverPort.ts).
 *   parent → backend: `start` (once, with its configuration), `connect` (with a MessagePort: serve
 *                     it; Electron only), `shutdown` (close the library cleanly and exit);
 *   backend → parent: `ready` (its pid and library), `startup-failed` (the error, then it exits),
 *                     `stopped` (the library is closed; it exits now).
 */
import type { ApiError } from '../../shared/types.js';

/** The backend process's bundle, next to main's in dist/main (scripts/build.mjs). */
export const BACKEND_BUNDLE = 'backend.cjs';

export interface BackendStartConfig {
  dataDir: string;
  mode: 'electron' | 'browser';
  /** better-sqlite3's native build to load (Electron's own build in development). */
  nativeBinding?: string;
  /** `parent`: engine keys are asked of the parent (`secrets.*`, the desktop app's safeStorage); `file`: `<data dir>/engine-keys.json` as it is. */
  secrets: 'parent' | 'file';
  /**
   * Base64 of 32 random bytes that seal profiles' signing keys at rest (the desktop app keeps them
   * encrypted with safeStorage: main/electron/signingSecret.ts). Absent: keys sealed for this process only.
   */
  signingSecret?: string;
  /** Browser mode: the passphrase that seals signing keys (VERSO_SIGNING_PASSPHRASE), when no `signingSecret`. */
  signingPassphrase?: string;
  /** What this process is, in the data directory's lock file. */
  lockCommand?: string;
}

export type ToBackend = { kind: 'start'; config: BackendStartConfig } | { kind: 'connect' } | { kind: 'shutdown' };

export type FromBackend =
  { kind: 'ready'; pid: number; dbPath: string } | { kind: 'startup-failed'; error: ApiError } | { kind: 'stopped' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown): boolean => value === undefined || (typeof value === 'string' && value.length > 0);

/** The start configuration, or null when it is malformed. */
export function parseStartConfig(value: unknown): BackendStartConfig | null {
  if (!isRecord(value)) return null;
  const { dataDir, mode, nativeBinding, secrets, signingSecret, signingPassphrase, lockCommand } = value;
  if (typeof dataDir !== 'string' || dataDir.length === 0) return null;
  if (mode !== 'electron' && mode !== 'browser') return null;
  if (secrets !== 'parent' && secrets !== 'file') return null;
  if (![nativeBinding, signingSecret, signingPassphrase, lockCommand].every(optionalString)) return null;
  if (signingSecret !== undefined && Buffer.from(signingSecret as string, 'base64').length !== 32) return null;
  return {
    dataDir,
    mode,
    secrets,
    ...(nativeBinding !== undefined ? { nativeBinding: nativeBinding as string } : {}),
    ...(signingSecret !== undefined ? { signingSecret: signingSecret as string } : {}),
    ...(signingPassphrase !== undefined ? { signingPassphrase: signingPassphrase as string } : {}),
    ...(lockCommand !== undefined ? { lockCommand: lockCommand as string } : {}),
  };
}

/** A control message for the backend, or null (a protocol message or something else). */
export function parseToBackend(data: unknown): ToBackend | null {
  if (!isRecord(data)) return null;
  if (data['kind'] === 'connect' || data['kind'] === 'shutdown') return { kind: data['kind'] };
  if (data['kind'] !== 'start') return null;
  const config = parseStartConfig(data['config']);
  return config ? { kind: 'start', config } : null;
}

/** A control message from the backend, or null. */
export function parseFromBackend(data: unknown): FromBackend | null {
  if (!isRecord(data)) return null;
  if (data['kind'] === 'stopped') return { kind: 'stopped' };
  if (data['kind'] === 'ready' && typeof data['pid'] === 'number' && typeof data['dbPath'] === 'string')
    return { kind: 'ready', pid: data['pid'], dbPath: data['dbPath'] };
  if (data['kind'] === 'startup-failed' && isRecord(data['error'])) {
    const e = data['error'];
    const message = typeof e['message'] === 'string' ? e['message'] : 'The backend could not start.';
    const details = isRecord(e['details']) ? { details: e['details'] as NonNullable<ApiError['details']> } : {};
    return {
      kind: 'startup-failed',
      error: { code: (typeof e['code'] === 'string' ? e['code'] : 'INTERNAL') as ApiError['code'], message, ...details },
    };
  }
  return null;
}
