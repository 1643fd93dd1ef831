/** Locations inside the built app, relative to the bundled entry files in dist/main/. */
import path from 'node:path';

declare const __VERSO_VERSION__: string;

/** Version stamped in by the build (scripts/build.mjs). */
export const APP_VERSION: string = typeof __VERSO_VERSION__ === 'string' ? __VERSO_VERSION__ : '0.0.0-dev';

/** dist/ (entries live in dist/main/, the renderer in dist/renderer/). */
export function distDir(entryDir: string = __dirname): string {
  return path.resolve(entryDir, '..');
}

export function rendererDir(entryDir?: string): string {
  return path.join(distDir(entryDir), 'renderer');
}
