// electron-builder cannot download its tools or Electron here, so `npm run dist` is not run in CI;
// this checks the packaging config against electron-builder's own schema and our required targets.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..');
const config = require(path.join(root, 'build/electron-builder.config.cjs')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string };
  win: { target: string[] };
  mac: { target: string[] };
  files: string[];
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add(): void }) => Promise<void>;
};
const logger = { isEnabled: false, add() {} };

describe('electron-builder configuration', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });
  it('is really checked: an unknown option is rejected', async () => {
    await expect(validateConfiguration({ ...config, notAnOption: true }, logger)).rejects.toThrow(/notAnOption/);
  });
  it('builds AppImage + deb, NSIS and dmg from the built app, with an icon', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(fs.existsSync(path.join(root, config.linux.icon))).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**']));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/main/electron.cjs');
    expect(pkg.scripts.dist).toContain('build/electron-builder.config.cjs');
  });
  it('builds the backend process entry next to main, where the desktop app forks it, inside the packaged files', () => {
    const build = fs.readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
    const hostMessages = fs.readFileSync(path.join(root, 'main/port/hostMessages.ts'), 'utf8');
    const bundle = /BACKEND_BUNDLE = '([^']+)'/.exec(hostMessages)?.[1];
    expect(bundle).toBe('backend.cjs');
    expect(build).toContain(`entryPoints: [path.join(root, 'main/backendProcess.ts')], outfile: path.join(dist, 'main/${bundle}')`);
    // backendHost.ts forks it from its own folder (dist/main), which the packaged files include.
    expect(fs.readFileSync(path.join(root, 'main/electron/backendHost.ts'), 'utf8')).toContain('path.join(__dirname, BACKEND_BUNDLE)');
    expect(config.files).toContain('dist/main/**');
    expect(config.files).not.toContain(`!dist/main/${bundle}`);
  });
});
