// Runs one command under GNU time (/usr/bin/time, Debian package "time") and returns its exit status,
// output, wall time, CPU time (user + system: steadier than wall time on a busy machine) and peak
// resident set size ("Maximum resident set size": the largest process of
// the run; a shell that execs, as /usr/bin/omegat does, is the same process).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TIME = '/usr/bin/time';

export function measureRun(command, args, { env = process.env, cwd = process.cwd() } = {}) {
  if (!fs.existsSync(TIME)) throw new Error(`${TIME} is missing (Debian package "time"): it measures peak memory.`);
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verso-time-')), 'time.txt');
  const started = process.hrtime.bigint();
  const r = spawnSync(TIME, ['-f', '%U %S %M', '-o', report, command, ...args], { env, cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  // GNU time writes "Command exited with non-zero status N" before the figure when it fails.
  const lines = fs.existsSync(report) ? fs.readFileSync(report, 'utf8').trim().split('\n') : [];
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
  const [user, system, peakKb] = (lines.at(-1) ?? '').split(' ').map(Number);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, wallS, cpuS: user + system, peakMb: peakKb / 1024 };
}
