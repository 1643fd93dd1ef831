/** Starts browser mode (the built `dist/main/web.cjs`) as a user would, on a fresh data folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'verso-e2e-'));
}

/**
 * Removes a test's data folder once every Verso process has stopped. Twice in CI (never here) a
 * file appeared in `backups/` after the servers had exited; the removal is retried for up to 10 s,
 * and if it still fails the error says what kept appearing and which Verso processes were alive.
 */
export async function removeDataDir(dir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    } catch (err) {
      if (attempt >= 50) throw new Error(`${(err as Error).message}\n${leftoverReport(dir)}`, { cause: err });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function leftoverReport(dir: string): string {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
  const alive = fs
    .readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .map((pid) => {
      try {
        return `${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`;
      } catch {
        return '';
      }
    })
    .filter((line) => /web\.cjs|backend\.cjs/.test(line));
  return `left in ${dir}: ${files.join(', ') || 'nothing'}\nVerso processes alive: ${alive.join('; ') || 'none'}`;
}

export function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, process.env.VERSO_DIST || 'dist', 'main/web.cjs')], {
    env: { ...process.env, VERSO_DATA_DIR: dataDir, PORT: '0', VERSO_CHECK_OUTPUTS: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (c: string) => (out += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${out}`)), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${out}`));
    });
    child.stdout?.on('data', (c: string) => {
      out += c;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: match[0],
        origin: match[1]!,
        token: match[2]!,
        dataDir,
        output: () => out,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
