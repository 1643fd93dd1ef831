import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSettingsRepo } from '../db/repositories/settingsRepo.js';
import { createMemorySecretStore } from './secretStore.js';
import { DEEPL_FREE_URL, DEEPL_PRO_URL } from './http/deepl.js';
import { DEFAULT_HTTP_OPTIONS } from './http/httpClient.js';
import {
  buildHttpEngines,
  DEFAULT_ENGINE_CONFIG,
  ENGINE_CONFIG_KEY,
  isLoopbackHost,
  keyServer,
  readEngineConfig,
  writeEngineConfig,
} from './engineConfig.js';

function settingsRepo() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  return createSettingsRepo(db);
}

describe('engine settings', () => {
  it('reads settings saved before the apertium-apy server existed, keeping the others', () => {
    const repo = settingsRepo();
    repo.set(ENGINE_CONFIG_KEY, {
      deepl: { enabled: false, baseUrl: '', formality: 'default', glossaryId: '' },
      libretranslate: { enabled: true, baseUrl: 'http://127.0.0.1:5000' },
      openai: { enabled: false, baseUrl: '', model: '' },
    });
    const config = readEngineConfig(repo);
    expect(config.libretranslate).toEqual({ enabled: true, baseUrl: 'http://127.0.0.1:5000', allowUnencrypted: false });
    expect(config.apertiumApy).toEqual({ enabled: false, baseUrl: '', allowUnencrypted: false });
  });

  it('round-trips, and falls back to the defaults for settings of an unknown shape', () => {
    const repo = settingsRepo();
    const config = {
      ...structuredClone(DEFAULT_ENGINE_CONFIG),
      apertiumApy: { enabled: true, baseUrl: 'http://127.0.0.1:2737', allowUnencrypted: false },
    };
    writeEngineConfig(repo, config);
    expect(readEngineConfig(repo)).toEqual(config);
    repo.set(ENGINE_CONFIG_KEY, { deepl: 'broken' });
    expect(readEngineConfig(repo)).toEqual(DEFAULT_ENGINE_CONFIG);
  });

  it('leaves an engine saved earlier with plain http:// to another computer unavailable (ENGINE_URL_INSECURE) until the user allows it', async () => {
    const config = structuredClone(DEFAULT_ENGINE_CONFIG);
    config.libretranslate = { enabled: true, baseUrl: 'http://203.0.113.5:5000', allowUnencrypted: false };
    const engines = buildHttpEngines(config, createMemorySecretStore(), DEFAULT_HTTP_OPTIONS);
    const lt = engines.find((e) => e.id === 'libretranslate')!;
    expect(await lt.describe()).toMatchObject({ available: false, unavailableReason: 'ENGINE_URL_INSECURE' });
    await expect(
      lt.translateBatch(['Hello.'], { source: 'en', target: 'es' }, { signal: new AbortController().signal }),
    ).rejects.toMatchObject({ code: 'ENGINE_URL_INSECURE' });
  });

  it('knows this computer and which server a key belongs to', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'api.localhost']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['203.0.113.5', 'example.org', '127.example.org', '[::2]', 'localhost.example.org'])
      expect(isLoopbackHost(h), h).toBe(false);
    expect(keyServer('openai', 'https://api.example.com/v1')).toBe(keyServer('openai', 'https://api.example.com/v2'));
    expect(keyServer('openai', 'https://api.example.com/v1')).not.toBe(keyServer('openai', 'http://api.example.com/v1'));
    expect(keyServer('deepl', '')).toBe(keyServer('deepl', DEEPL_PRO_URL));
    expect(keyServer('deepl', '')).toBe(keyServer('deepl', `${DEEPL_FREE_URL}/`));
    expect(keyServer('openai', 'https://api.example.com:443/v1')).toBe(keyServer('openai', 'https://API.example.com/v1'));
    expect(keyServer('openai', 'https://api.example.com:8443/v1')).not.toBe(keyServer('openai', 'https://api.example.com/v1'));
  });
});
