import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSettingsRepo } from '../db/repositories/settingsRepo.js';
import { DEFAULT_ENGINE_CONFIG, ENGINE_CONFIG_KEY, readEngineConfig, writeEngineConfig } from './engineConfig.js';

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
    expect(config.libretranslate).toEqual({ enabled: true, baseUrl: 'http://127.0.0.1:5000' });
    expect(config.apertiumApy).toEqual({ enabled: false, baseUrl: '' });
  });

  it('round-trips, and falls back to the defaults for settings of an unknown shape', () => {
    const repo = settingsRepo();
    const config = { ...structuredClone(DEFAULT_ENGINE_CONFIG), apertiumApy: { enabled: true, baseUrl: 'http://127.0.0.1:2737' } };
    writeEngineConfig(repo, config);
    expect(readEngineConfig(repo)).toEqual(config);
    repo.set(ENGINE_CONFIG_KEY, { deepl: 'broken' });
    expect(readEngineConfig(repo)).toEqual(DEFAULT_ENGINE_CONFIG);
  });
});
