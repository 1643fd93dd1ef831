/** Where Verso keeps its library on each platform. One folder for the desktop app, browser mode and the CLI. */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Verso');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Verso');
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(xdg, 'verso');
}

/** `VERSO_DATA_DIR` when set (made absolute), else the platform default. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.VERSO_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : defaultDataDir(env);
}
