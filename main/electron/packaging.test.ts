/**
 * The packaged app's Electron fuses (flipped by electron-builder's `electronFuses` at package time;
 * the binary is not available here, so the configuration is what can be checked).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const configPath = path.resolve(__dirname, '../../build/electron-builder.config.cjs');

interface BuilderConfig {
  asar?: boolean;
  files?: string[];
  electronFuses?: Record<string, boolean> | null;
}

const config = require(configPath) as BuilderConfig;

describe('electron-builder configuration', () => {
  it('flips the security fuses at package time', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // The renderer comes from app://, so file:// pages need no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive (the only place it may load from) without source maps', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('!**/*.map');
  });
});
