/**
 * Whether a process is still running: it answers signal 0 (or exists under another user: EPERM),
 * and it is not a zombie — a process that has exited but that no parent has reaped yet (under a
 * container's init that does not reap, or a parent that was killed -9, one can stay so for good,
 * and it still answers signal 0).
 */
import fs from 'node:fs';

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false; // no /proc (macOS, Windows): signal 0 decides
  }
  // "pid (command) state …": the command may hold spaces and parentheses; the state follows the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
}
