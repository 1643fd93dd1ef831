// One simulated team member for `npm run bench:team`: a real Verso in browser mode (dist/main/web.cjs,
// its own data directory, its own backend process), driven over its loopback API as the renderer
// drives it. kill() is kill -9 of both processes (the backend too: a member's machine losing power).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export async function startVerso({ root, dataDir, env = {} }) {
  const child = spawn(process.execPath, [path.join(root, 'dist/main/web.cjs')], {
    env: { ...process.env, VERSO_DATA_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c) => (out += c));
  const { origin, token } = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Verso did not start in ${dataDir}:\n${out}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Verso exited with ${code}:\n${out}`));
    });
    child.stdout.on('data', (c) => {
      out += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ origin: m[1], token: m[2] });
    });
  });

  async function invoke(method, input = {}) {
    const res = await fetch(`${origin}/api/invoke/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = await res.json();
    if (!body.ok) {
      const err = new Error(`${method}: ${body.error.code} ${body.error.message}`);
      err.code = body.error.code;
      throw err;
    }
    return body.value;
  }

  /** The backend child's pid (browser mode's own child), read from /proc: kill -9 must reach it too. */
  function backendPids() {
    try {
      return fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  }

  return {
    dataDir,
    invoke,
    output: () => out,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise((done) => {
        for (const pid of backendPids()) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}
