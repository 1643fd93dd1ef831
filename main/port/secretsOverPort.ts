/**
 * MT engines' API keys when the backend runs in its own process (the desktop app's utility
 * process): Electron's safeStorage exists only in the main process, so main keeps the key store
 * (main/electron/desktopSecrets.ts, `<data dir>/engine-keys.json` encrypted with safeStorage) and
 * answers the backend's `secrets.*` requests over its channel; the backend's `SecretStore` is the
 * asking side. A key crosses only that private channel, on demand, never the window's port.
 */
import type { ApiResult } from '../../shared/api.js';
import { isServiceError, ServiceError } from '../core/serviceError.js';
import { SECRET_ENV_VARS, type SecretName, type SecretStore } from '../engines/secretStore.js';
import type { PortClient } from './portClient.js';
import type { PortDispatch } from './portServer.js';

/** The calls of the main ↔ backend secrets channel (not API methods: the window's port never reaches them). */
const SECRET_CALLS = ['secrets.get', 'secrets.source', 'secrets.set', 'secrets.delete', 'secrets.openSigningKeys'] as const;
type SecretMethod = (typeof SECRET_CALLS)[number];

function isSecretMethod(method: string): method is SecretMethod {
  return (SECRET_CALLS as readonly string[]).includes(method);
}

function isSecretName(name: unknown): name is SecretName {
  return typeof name === 'string' && Object.hasOwn(SECRET_ENV_VARS, name);
}

/** Opens signing keys sealed directly with safeStorage (base64 records); null for one it cannot open. */
export type OpenSealedKeys = (sealed: readonly string[]) => (Buffer | null)[];

/** Most sealed records asked for at once (one per profile and key ever made). */
const MAX_SEALED = 10_000;

/**
 * Main's side: answers `secrets.*` requests from `store`, and `secrets.openSigningKeys` with
 * `openSealed` (none: every record stays closed).
 */
export function secretsDispatch(store: SecretStore, openSealed: OpenSealedKeys = (sealed) => sealed.map(() => null)): PortDispatch {
  return async (method, input) => {
    if (!isSecretMethod(method))
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${method.slice(0, 100)}` } };
    if (method === 'secrets.openSigningKeys') {
      const sealed = (input as { sealed?: unknown } | null)?.sealed;
      if (!Array.isArray(sealed) || sealed.length > MAX_SEALED || !sealed.every((s) => typeof s === 'string')) {
        return { ok: false, error: { code: 'BAD_REQUEST', message: `Invalid input for ${method}.` } };
      }
      return { ok: true, value: openSealed(sealed).map((der) => (der ? der.toString('base64') : null)) };
    }
    const name = (input as { name?: unknown } | null)?.name;
    const value = (input as { value?: unknown } | null)?.value;
    if (!isSecretName(name) || (method === 'secrets.set' && typeof value !== 'string')) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: `Invalid input for ${method}.` } };
    }
    try {
      if (method === 'secrets.get') return { ok: true, value: await store.get(name) };
      if (method === 'secrets.source') return { ok: true, value: await store.source(name) };
      if (method === 'secrets.set') await store.set(name, value as string);
      else await store.delete(name);
      return { ok: true, value: null };
    } catch (err) {
      if (isServiceError(err)) return { ok: false, error: err.toApiError() };
      // Never the key: only what failed.
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `The key store failed: ${err instanceof Error ? err.message : String(err)}` },
      };
    }
  };
}

function unwrap(result: ApiResult<unknown>): unknown {
  if (result.ok) return result.value;
  throw ServiceError.withDetails(result.error.code, result.error.message, result.error.details);
}

/** The backend's side: a SecretStore whose every call asks main. */
export function remoteSecretStore(client: Pick<PortClient, 'invoke'>): SecretStore {
  return {
    async get(name) {
      const value = unwrap(await client.invoke('secrets.get', { name }));
      return typeof value === 'string' ? value : null;
    },
    async source(name) {
      const value = unwrap(await client.invoke('secrets.source', { name }));
      return value === 'stored' || value === 'environment' ? value : null;
    },
    async set(name, value) {
      unwrap(await client.invoke('secrets.set', { name, value }));
    },
    async delete(name) {
      unwrap(await client.invoke('secrets.delete', { name }));
    },
  };
}

/** The backend's side: asks main to open these directly sealed signing keys (signingProtector.ts). */
export async function openSigningKeysRemotely(client: Pick<PortClient, 'invoke'>, sealed: readonly string[]): Promise<Map<string, Buffer>> {
  const opened = new Map<string, Buffer>();
  if (sealed.length === 0) return opened;
  const value = unwrap(await client.invoke('secrets.openSigningKeys', { sealed }));
  if (!Array.isArray(value)) return opened;
  sealed.forEach((s, i) => {
    const der = value[i] as unknown;
    if (typeof der === 'string') opened.set(s, Buffer.from(der, 'base64'));
  });
  return opened;
}
