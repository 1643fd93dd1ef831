import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { defaultDataDir, resolveDataDir } from './paths.js';

describe('data directory', () => {
  it('follows XDG on Linux and falls back to ~/.local/share', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.local/share/verso');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ana')).toBe('/data/verso');
    // A relative XDG_DATA_HOME is invalid per the spec and ignored.
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel' }, 'linux', '/home/ana')).toBe('/home/ana/.local/share/verso');
  });
  it('uses the platform folders on macOS and Windows', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Verso');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toContain('Verso');
  });
  it('honours VERSO_DATA_DIR and makes it absolute', () => {
    expect(resolveDataDir({ VERSO_DATA_DIR: 'lib' })).toBe(path.resolve('lib'));
    expect(resolveDataDir({ VERSO_DATA_DIR: '  ' })).toBe(defaultDataDir({}));
  });
});
