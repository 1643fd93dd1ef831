/**
 * Verso's structured log (pino, one JSON object a line) in `<data dir>/logs/verso.log`. The desktop
 * app and browser mode log from `info` up, the CLI only warnings and errors (never on stdout).
 * Before a log file is opened (unit tests, early start-up) lines go to stderr, warnings and up.
 * Every line is scrubbed of credential-shaped text (scrubSecrets.ts) before it is written, and
 * fields named like secrets are redacted.
 */
import path from 'node:path';
import { pino, type Logger, type LevelWithSilent } from 'pino';
import { scrubError, scrubText } from '../scrubSecrets.js';
import { RotatingFile, type RotatingFileOptions } from './rotatingFile.js';

export type { Logger } from 'pino';

export const LOGS_DIR = 'logs';
export const LOG_FILE_NAME = 'verso.log';
/** Calls and jobs that take longer are logged as slow (their method name and duration only). */
export const SLOW_MS = 200;

const REDACT = [
  'apiKey',
  'key',
  'token',
  'passphrase',
  'password',
  'authorization',
  '*.apiKey',
  '*.key',
  '*.token',
  '*.passphrase',
  '*.password',
  '*.authorization',
];

export interface AppLog {
  logger: Logger;
  /** The file written to, or null when lines go to stderr. */
  file: string | null;
  close(): void;
}

function scrubbing(write: (line: string) => void): { write(line: string): void } {
  return { write: (line) => write(scrubText(line)) };
}

function options(level: LevelWithSilent): pino.LoggerOptions {
  return { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT, censor: '[redacted]' } };
}

/** A logger writing to `<dataDir>/logs/verso.log`, rotated by size. */
export function openFileLog(dataDir: string, level: LevelWithSilent, rotation: RotatingFileOptions = {}): AppLog {
  const sink = new RotatingFile(path.join(dataDir, LOGS_DIR, LOG_FILE_NAME), rotation);
  return {
    logger: pino(
      options(level),
      scrubbing((line) => sink.write(line)),
    ),
    file: sink.file,
    close: () => sink.close(),
  };
}

/** Warnings and errors to stderr: the log before (and after) a file log. */
export function stderrLog(): AppLog {
  return {
    logger: pino(
      options('warn'),
      scrubbing((line) => process.stderr.write(line)),
    ),
    file: null,
    close: () => {},
  };
}

let current: AppLog = stderrLog();

/** The process's log (the file once `useLog` was given one). */
export function appLog(): AppLog {
  return current;
}

/** Makes `log` the process's log (the previous file log is closed). */
export function useLog(log: AppLog): AppLog {
  if (current !== log) current.close();
  current = log;
  return log;
}

/** An unexpected failure: its message, and its scrubbed stack as `err`. */
export function logFailure(log: AppLog, message: string, err: unknown, fields: Record<string, unknown> = {}): void {
  log.logger.error({ ...fields, err: scrubError(err) }, message);
}

/** A line for an operation that took at least `SLOW_MS` (its name and duration, never its payload). */
export function logIfSlow(log: AppLog, kind: 'call' | 'job' | 'sql', name: string, ms: number, thresholdMs = SLOW_MS): void {
  if (ms >= thresholdMs) log.logger.warn({ kind, name, ms: Math.round(ms) }, `slow ${kind}`);
}

/** The sentence an INTERNAL error ends with: where the details are. */
export function whereTheDetailsAre(log: AppLog): string {
  return log.file ? `The details were written to the log file ${log.file}.` : 'The details were written to the standard error output.';
}
