import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processAlive } from './processAlive.js';

describe('processAlive', () => {
  it('a running process is alive; once it exits it is not, even before its parent reaps it (a zombie)', async () => {
    // A shell that starts a child which exits at once, and does not wait for it for a while: the child is a zombie meanwhile.
    const shell = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const childPid = await new Promise<number>((resolve) =>
        shell.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
      );
      expect(processAlive(shell.pid!)).toBe(true);
      // The exec'd `sleep 5` never reaps the finished `sleep 0`: it stays a zombie, which signal 0 still reaches.
      await expect.poll(() => processAlive(childPid), { timeout: 10_000 }).toBe(false);
      expect(() => process.kill(childPid, 0)).not.toThrow();
    } finally {
      shell.kill('SIGKILL');
    }
  });

  it('a pid no process has is not alive', () => {
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });
});
