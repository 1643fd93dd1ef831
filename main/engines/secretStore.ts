/**
 * API keys of the HTTP MT engines. Stored in `<data dir>/engine-keys.json`, readable only by the
 * user (mode 0600): in the desktop app each key is encrypted with Electron's `safeStorage` (the
 * system keychain), and refused when that is missing or plain text in effect (desktopSecrets.ts);
 * in browser mode and the CLI the file holds them as they are, and environment
 * variables (VERSO_DEEPL_KEY, VERSO_LIBRETRANSLATE_KEY, VERSO_OPENAI_KEY) serve when no key is
 * stored. Keys never go to the renderer and are never logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HttpEngineId } from '../../shared/features/enginesApi.js';

/** The HTTP engines' API keys and the team server's password (issue 16). */
export type SecretName = HttpEngineId | 'team';

export const SECRET_ENV_VARS: Readonly<Record<SecretName, string>> = {
  deepl: 'VERSO_DEEPL_KEY',
  libretranslate: 'VERSO_LIBRETRANSLATE_KEY',
  openai: 'VERSO_OPENAI_KEY',
  team: 'VERSO_TEAM_PASSWORD',
};

export type SecretSource = 'stored' | 'environment';

export interface SecretStore {
  /** The stored key, else the one from the environment, else null. */
  get(name: SecretName): Promise<string | null>;
  source(name: SecretName): Promise<SecretSource | null>;
  set(name: SecretName, value: string): Promise<void>;
  /** Removes the stored key (an environment variable stays in effect). */
  delete(name: SecretName): Promise<void>;
}

/** Encrypts keys at rest (Electron's safeStorage in the desktop app). */
export interface SecretCipher {
  readonly name: string;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

interface KeyFile {
  version: 1;
  /** 'plain' or the cipher's name. */
  encoding: string;
  keys: Partial<Record<SecretName, string>>;
}

const FILE_MODE = 0o600;

function envKey(env: Readonly<Record<string, string | undefined>>, name: SecretName): string | null {
  const value = env[SECRET_ENV_VARS[name]]?.trim();
  return value ? value : null;
}

function isSecretName(name: string): name is SecretName {
  return Object.hasOwn(SECRET_ENV_VARS, name);
}

/** Keys kept in memory only (tests), with an optional environment. */
export function createMemorySecretStore(env: Readonly<Record<string, string | undefined>> = {}): SecretStore {
  const keys = new Map<SecretName, string>();
  return {
    async get(name) {
      return keys.get(name) ?? envKey(env, name);
    },
    async source(name) {
      return keys.has(name) ? 'stored' : envKey(env, name) !== null ? 'environment' : null;
    },
    async set(name, value) {
      keys.set(name, value);
    },
    async delete(name) {
      keys.delete(name);
    },
  };
}

export interface FileSecretStoreOptions {
  file: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Resolved lazily (Electron's safeStorage is ready only after the app is). Null: plain text. */
  cipher: () => Promise<SecretCipher | null>;
  /** When given, a key is never written without the cipher: `set` throws this error instead (the desktop app). */
  refuseUnencrypted?: () => Error;
}

/** Keys in a file only the user can read, optionally encrypted. */
export function createFileSecretStore(options: FileSecretStoreOptions): SecretStore {
  const { file, env } = options;
  let cipherPromise: Promise<SecretCipher | null> | null = null;
  const cipher = (): Promise<SecretCipher | null> => (cipherPromise ??= options.cipher().catch(() => null));
  /** Serialises writes so two saves cannot interleave. */
  let queue: Promise<unknown> = Promise.resolve();

  function readFile(): KeyFile | null {
    let text: string;
    try {
      const stat = fs.statSync(file);
      // Someone widened the permissions: narrow them again before reading.
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) fs.chmodSync(file, FILE_MODE);
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      const parsed = JSON.parse(text) as Partial<KeyFile>;
      if (parsed.version !== 1 || typeof parsed.encoding !== 'string' || typeof parsed.keys !== 'object' || parsed.keys === null)
        return null;
      const keys: Partial<Record<SecretName, string>> = {};
      for (const [name, value] of Object.entries(parsed.keys)) {
        if (isSecretName(name) && typeof value === 'string') keys[name] = value;
      }
      return { version: 1, encoding: parsed.encoding, keys };
    } catch {
      return null;
    }
  }

  function writeFile(content: KeyFile): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w', FILE_MODE);
    try {
      fs.writeFileSync(fd, JSON.stringify(content, null, 2) + '\n', 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (process.platform !== 'win32') fs.chmodSync(tmp, FILE_MODE);
    fs.renameSync(tmp, file);
  }

  async function stored(name: SecretName): Promise<string | null> {
    const content = readFile();
    const value = content?.keys[name];
    if (value === undefined || content === null) return null;
    if (content.encoding === 'plain') return value;
    const c = await cipher();
    // Written by the desktop app and unreadable here (browser mode): as if not stored.
    if (!c || c.name !== content.encoding) return null;
    try {
      return c.decrypt(Buffer.from(value, 'base64'));
    } catch {
      return null;
    }
  }

  const update = (change: (keys: Partial<Record<SecretName, string>>, c: SecretCipher | null) => void): Promise<void> => {
    const run = queue.then(async () => {
      const c = await cipher();
      const encoding = c ? c.name : 'plain';
      const current = readFile();
      // Re-encode keys written another way only when they can be read; others are dropped.
      const keys: Partial<Record<SecretName, string>> = {};
      if (current) {
        for (const name of Object.keys(current.keys) as SecretName[]) {
          if (current.encoding === encoding) keys[name] = current.keys[name]!;
          else {
            const plain = await stored(name);
            if (plain !== null) keys[name] = c ? c.encrypt(plain).toString('base64') : plain;
          }
        }
      }
      change(keys, c);
      writeFile({ version: 1, encoding, keys });
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    async get(name) {
      return (await stored(name)) ?? envKey(env, name);
    },
    async source(name) {
      if ((await stored(name)) !== null) return 'stored';
      return envKey(env, name) !== null ? 'environment' : null;
    },
    async set(name, value) {
      if (options.refuseUnencrypted && (await cipher()) === null) throw options.refuseUnencrypted();
      return update((keys, c) => {
        keys[name] = c ? c.encrypt(value).toString('base64') : value;
      });
    },
    delete(name) {
      return update((keys) => {
        delete keys[name];
      });
    },
  };
}

export const SECRET_FILE_NAME = 'engine-keys.json';

/** Browser mode's and the CLI's store: `<data dir>/engine-keys.json` as it is (the desktop app's: desktopSecrets.ts). */
export function createAppSecretStore(dataDir: string, env: Readonly<Record<string, string | undefined>> = process.env): SecretStore {
  return createFileSecretStore({ file: path.join(dataDir, SECRET_FILE_NAME), env, cipher: async () => null });
}
