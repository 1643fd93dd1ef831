/**
 * The desktop app's backend process as main starts it: where it keeps its library, and what only
 * main can give it — engine keys answered from main's safeStorage-backed store on request
 * (main/port/secretsOverPort.ts), the secret that seals signing keys (signingSecret.ts) and the
 * signing keys sealed directly with safeStorage before issue 15, opened here at its start. A crash
 * is logged and shown in a dialog; the calls meanwhile answer what `crashed` returns.
 */
import fs from 'node:fs';
import { BrowserWindow, dialog, safeStorage } from 'electron';
import type { ApiError } from '../../shared/types.js';
import { appLog, logFailure, openFileLog, useLog } from '../core/log/logger.js';
import type { BackendStartConfig } from '../port/hostMessages.js';
import { secretsDispatch } from '../port/secretsOverPort.js';
import { safeStorageProtector } from '../db/audit/keyProtection.js';
import { createBackendHost, type BackendHost } from './backendHost.js';
import { createDesktopSecretStore } from './desktopSecrets.js';
import type { KeyStorageDecision } from './keyStoragePolicy.js';
import { loadSigningSecret } from './signingSecret.js';

/** Main's own lines (a crashed backend, a failed link) join the backend's log file; only the backend rotates it. */
export function openMainLog(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    useLog(openFileLog(dataDir, 'info', { maxBytes: Infinity }));
  } catch (err) {
    logFailure(appLog(), 'the log file could not be opened', err);
  }
}

export interface StartedBackend extends BackendHost {
  /** null once ready; the error when it could not open the library or kept dying before that. */
  firstOutcome: Promise<ApiError | null>;
}

/**
 * Starts the desktop app's backend process. Engine keys stay in main (safeStorage): the backend asks for them;
 * signing keys are sealed with a secret main keeps under safeStorage (signingSecret.ts). Without a
 * real key store neither is kept, as before (keyStoragePolicy.ts).
 */
export function startDesktopBackend(
  dataDir: string,
  keyStorage: KeyStorageDecision,
  t: (key: string, options?: Record<string, string>) => string,
): StartedBackend {
  let signingSecret: string | undefined;
  if (keyStorage.allowed) {
    try {
      signingSecret = loadSigningSecret(dataDir, safeStorage);
    } catch (err) {
      logFailure(appLog(), 'the signing secret could not be kept; signing keys last for this run only', err);
    }
  }
  const protector = safeStorageProtector(safeStorage);
  const openSealed = (sealed: readonly string[]): (Buffer | null)[] =>
    sealed.map((s) => {
      try {
        return protector.open(s);
      } catch {
        return null;
      }
    });
  const config: BackendStartConfig = {
    dataDir,
    mode: 'electron',
    secrets: 'parent',
    ...(process.env.VERSO_NATIVE_BINDING ? { nativeBinding: process.env.VERSO_NATIVE_BINDING } : {}),
    ...(signingSecret ? { signingSecret } : {}),
  };
  let settle!: (outcome: ApiError | null) => void;
  const firstOutcome = new Promise<ApiError | null>((resolve) => (settle = resolve));
  const host = createBackendHost({
    config,
    dispatch: secretsDispatch(
      createDesktopSecretStore(dataDir, process.env, safeStorage, keyStorage),
      keyStorage.allowed ? openSealed : undefined,
    ),
    ready(pid) {
      appLog().logger.info({ backendPid: pid }, 'the backend process is ready');
      settle(null);
    },
    startupFailed: (error) => settle(error),
    crashed({ code, restarting }) {
      logFailure(appLog(), 'the backend process stopped unexpectedly', new Error(`exit code ${code}`), { restarting });
      const message = t(restarting ? 'backend.restarting' : 'backend.gaveUp', { code: String(code) });
      // Before the first ready a restart may still succeed; only giving up ends the start.
      if (!restarting) settle({ code: 'INTERNAL', message });
      const win = BrowserWindow.getAllWindows()[0];
      if (win) void dialog.showMessageBox(win, { type: 'error', title: t('backend.stoppedTitle'), message, buttons: [t('backend.ok')] });
      return message;
    },
  });
  host.start();
  return Object.assign(host, { firstOutcome });
}
