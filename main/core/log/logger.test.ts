/** Issue 15, item 8: the structured log in <data dir>/logs (0600 in 0700), rotated, scrubbed, with slow-operation lines. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { logFailure, logIfSlow, openFileLog, whereTheDetailsAre, type AppLog } from './logger.js';

let dir = '';
let log: AppLog | null = null;
afterEach(() => {
  log?.close();
  log = null;
  removeTempDir(dir);
});

const mode = (file: string): number => fs.statSync(file).mode & 0o777;
const lines = (file: string): Array<Record<string, unknown>> =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the log file', () => {
  it.skipIf(process.platform === 'win32')('is <data dir>/logs/verso.log, 0600 in a 0700 folder, one JSON object a line', () => {
    dir = makeTempDir();
    log = openFileLog(dir, 'info');
    log.logger.info({ documents: 3 }, 'library opened');
    const file = path.join(dir, 'logs', 'verso.log');
    expect(log.file).toBe(file);
    expect(mode(path.join(dir, 'logs'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(lines(file)).toEqual([expect.objectContaining({ level: 30, msg: 'library opened', documents: 3, time: expect.any(String) })]);
  });

  it.skipIf(process.platform === 'win32')('tightens a log file someone made readable to others', () => {
    dir = makeTempDir();
    fs.mkdirSync(path.join(dir, 'logs'), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'logs', 'verso.log'), '', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'logs', 'verso.log'), 0o644);
    log = openFileLog(dir, 'info');
    expect(mode(path.join(dir, 'logs'))).toBe(0o700);
    expect(mode(path.join(dir, 'logs', 'verso.log'))).toBe(0o600);
  });

  it('is rotated when a line would pass the size limit, keeping the given number of old files', () => {
    dir = makeTempDir();
    log = openFileLog(dir, 'info', { maxBytes: 1000, keep: 2 });
    const filler = 'x'.repeat(300);
    for (let i = 0; i < 12; i++) log.logger.info({ i, filler }, 'line');
    const logs = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(logs).toEqual(['verso.log', 'verso.log.1', 'verso.log.2']);
    for (const f of logs) expect(fs.statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(1000);
    // The newest line is in verso.log, the lines before it in .1, then .2; older ones are gone.
    const numbers = (f: string) => lines(path.join(dir, 'logs', f)).map((l) => l['i']);
    expect(numbers('verso.log')).toContain(11);
    expect(Math.max(...(numbers('verso.log.1') as number[]))).toBeLessThan(Math.min(...(numbers('verso.log') as number[])));
    expect(Math.max(...(numbers('verso.log.2') as number[]))).toBeLessThan(Math.min(...(numbers('verso.log.1') as number[])));
    expect(numbers('verso.log.2')).not.toContain(0);
  });

  it('is rotated at open when it is already over the limit', () => {
    dir = makeTempDir();
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'verso.log'), 'old\n'.repeat(500));
    log = openFileLog(dir, 'info', { maxBytes: 1000, keep: 5 });
    expect(fs.readFileSync(path.join(dir, 'logs', 'verso.log.1'), 'utf8')).toBe('old\n'.repeat(500));
    expect(fs.statSync(path.join(dir, 'logs', 'verso.log')).size).toBe(0);
  });

  it('appends to the file of an earlier run under the limit', () => {
    dir = makeTempDir();
    const first = openFileLog(dir, 'info');
    first.logger.info('first run');
    first.close();
    log = openFileLog(dir, 'info');
    log.logger.info('second run');
    expect(lines(log.file!).map((l) => l['msg'])).toEqual(['first run', 'second run']);
  });

  it('leaves out what is below its level (the CLI logs warnings and errors only)', () => {
    dir = makeTempDir();
    log = openFileLog(dir, 'warn');
    log.logger.info('noise');
    log.logger.warn('kept');
    expect(lines(log.file!).map((l) => l['msg'])).toEqual(['kept']);
  });
});

describe('secrets never reach the log', () => {
  it('scrubs keys and tokens in error stacks, messages and fields named like secrets', () => {
    dir = makeTempDir();
    log = openFileLog(dir, 'info');
    const err = new Error('DeepL said 403 for header Authorization: DeepL-Auth-Key 0123abcd-ffff-4444-aaaa-123456789abc:fx');
    logFailure(log, 'engine failed', err, { method: 'translateDocument' });
    log.logger.warn('retrying with Bearer abcdefghijklmnop and sk-proj-ABCDEFGHIJ1234 and api_key=supersecretvalue');
    log.logger.info({ token: 'bridge-token-123456', passphrase: 'correct horse battery', engine: { apiKey: 'k-123456789' } }, 'settings');
    const text = fs.readFileSync(log.file!, 'utf8');
    for (const secret of [
      '0123abcd-ffff-4444-aaaa-123456789abc',
      'abcdefghijklmnop',
      'ABCDEFGHIJ1234',
      'supersecretvalue',
      'bridge-token-123456',
      'correct horse',
      'k-123456789',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [failure] = lines(log.file!);
    expect(failure).toMatchObject({ level: 50, msg: 'engine failed', method: 'translateDocument' });
    // The stack is there (where it failed), only the key is gone.
    expect(failure!['err']).toMatch(/Error: DeepL said 403[\s\S]*\n\s+at /);
    expect(failure!['err']).toContain('[redacted]');
  });
});

describe('slow-operation lines', () => {
  it('names the operation and its duration when it took the threshold or longer, and nothing else', () => {
    dir = makeTempDir();
    log = openFileLog(dir, 'info');
    logIfSlow(log, 'call', 'listDocuments', 199.9);
    logIfSlow(log, 'call', 'exportDocument', 250.4);
    logIfSlow(log, 'job', 'mt', 1000, 2000);
    const written = lines(log.file!);
    expect(written).toHaveLength(1);
    expect(written[0]).toEqual({
      level: 40,
      time: expect.any(String),
      pid: process.pid,
      kind: 'call',
      name: 'exportDocument',
      ms: 250,
      msg: 'slow call',
    });
  });
});

describe('the sentence INTERNAL errors end with', () => {
  it('names the log file', () => {
    dir = makeTempDir();
    log = openFileLog(dir, 'info');
    expect(whereTheDetailsAre(log)).toBe(`The details were written to the log file ${path.join(dir, 'logs', 'verso.log')}.`);
  });
});
