/**
 * The Electron shell, kept thin: one window, menus, dialogs and the keys only safeStorage can open.
 * The backend (library, engines, imports, jobs) runs in its own utility process (backendHost.ts,
 * main/backendProcess.ts); the window talks to it over a MessagePort its preload asks for, with
 * the frame checked. Everything else lives in services shared with browser mode and the CLI. Every security decision
 * is a tested function in this folder: appProtocol (app://verso instead of file://), sessionPolicy
 * (permissions denied, CSP), windowOptions (no DevTools when packaged, spellcheck without
 * downloads), externalLinks (http/https after a confirmation), keyStoragePolicy (no keys in
 * plain text). Fuses: build/electron-builder.config.cjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { safeStorageProtector } from '../signing/keyProtection.js';
import type { ApiError } from '../../shared/types.js';
import { secretsDispatch } from '../port/secretsOverPort.js';
import type { BackendStartConfig } from '../port/hostMessages.js';
import { resolveDataDir } from '../paths.js';
import { appLog, logFailure, openFileLog, useLog } from '../log/logger.js';
import { APP_VERSION, rendererDir } from '../appRoot.js';
import { createMainI18n } from './mainI18n.js';
import { buildMenuTemplate } from './menu.js';
import { createDesktopFiles } from './desktopFiles.js';
import { isOurFrame as isIndexFrame } from './frameUrl.js';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol.js';
import { lockDownSession } from './sessionPolicy.js';
import { devToolsAllowed, mainWebPreferences } from './windowOptions.js';
import { openExternalAfterConfirmation } from './externalLinks.js';
import { keyStoreNotice, probeKeyStorage, type KeyStorageDecision } from './keyStoragePolicy.js';
import { createDesktopSecretStore } from './desktopSecrets.js';
import { claimSingleInstance } from './singleInstance.js';
import { createBackendHost, type BackendHost } from './backendHost.js';
import { loadSigningSecret } from './signingSecret.js';
import { exitWithParent } from '../exitWithParent.js';

let backend: BackendHost | null = null;
/** The backend process has exited (or never ran): quitting may go on. */
let backendStopped = true;
/** How long the backend may take to close the library at quit before it is killed. */
const BACKEND_STOP_MS = 10_000;

// The page keeps its route in the hash (#/documents/<id>), so a reload reopens it; the frame is
// ours whatever its hash or query.
const isOurFrame = (frameUrl: string | undefined): boolean => isIndexFrame(frameUrl, APP_INDEX_URL);

// Before the app is ready: app:// is a standard, secure scheme with its own origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

async function start(): Promise<void> {
  // One desktop Verso: a second start brings this window to the front (issue 13).
  if (!claimSingleInstance(app, resolveDataDir(), () => BrowserWindow.getAllWindows()[0]?.focus())) return;
  const i18n = await createMainI18n(app.getLocale());
  const t = (key: string): string => i18n.t(key);
  // Keys go to safeStorage only when it is a real key store (not Linux's basic_text).
  const keyStorage = probeKeyStorage(safeStorage, process.platform);
  const dataDir = path.resolve(resolveDataDir());
  openMainLog(dataDir);
  const host = startBackend(dataDir, keyStorage, (key, options) => i18n.t(key, options));
  backend = host;
  const failure = await host.firstOutcome;
  if (failure) {
    logFailure(appLog(), 'the library could not be opened', new Error(failure.message));
    dialog.showErrorBox(i18n.t('startup.failedTitle'), i18n.t('startup.failedBody', { message: failure.message }));
    app.exit(1);
    return;
  }
  appLog().logger.info({ mode: 'electron', version: APP_VERSION, backendPid: host.pid }, 'Verso started');

  const devTools = devToolsAllowed(app.isPackaged);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(i18n.t, process.platform === 'darwin', APP_VERSION, { devTools })));

  lockDownSession(session.defaultSession, process.platform);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir()));

  // The page's preload asks for its port to the backend at every load; only our frame gets one.
  ipcMain.on('verso:connect', (event) => {
    if (!isOurFrame(event.senderFrame?.url)) return;
    host.connectWindow(event.sender);
  });

  const files = createDesktopFiles({
    downloadsDir: app.getPath('downloads'),
    chooseSavePath: async (defaultPath) => {
      const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const result = target ? await dialog.showSaveDialog(target, { defaultPath }) : await dialog.showSaveDialog({ defaultPath });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (filePath, bytes) => fs.promises.writeFile(filePath, bytes),
    reveal: (filePath) => shell.showItemInFolder(filePath),
  });
  ipcMain.handle('verso:saveFile', async (event, file: unknown) => {
    if (!isOurFrame(event.senderFrame?.url)) throw new Error('Refused: unknown sender');
    return files.save(file);
  });
  ipcMain.handle('verso:showInFolder', (event, filePath: unknown) => {
    if (!isOurFrame(event.senderFrame?.url)) throw new Error('Refused: unknown sender');
    return files.showInFolder(filePath);
  });

  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Verso',
    show: false,
    webPreferences: mainWebPreferences({ packaged: app.isPackaged, platform: process.platform, preload: path.join(__dirname, 'preload.cjs') }),
  });
  const notice = keyStoreNotice(t, keyStorage);
  win.once('ready-to-show', () => {
    win.show();
    if (notice) void dialog.showMessageBox(win, notice);
  });
  // Links leave the app only to the browser, http/https only, after the user saw the address.
  const openOutside = (url: string): void => {
    void openExternalAfterConfirmation(url, {
      t,
      showMessageBox: (options) => dialog.showMessageBox(win, options),
      openExternal: (href) => shell.openExternal(href),
    }).catch((err: unknown) => logFailure(appLog(), 'opening a link failed', err));
  };
  // Route changes only touch the hash (in-page navigations, which never reach will-navigate).
  win.webContents.on('will-navigate', (e, url) => {
    if (isOurFrame(url)) return;
    e.preventDefault();
    openOutside(url);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  await win.loadURL(APP_INDEX_URL);
}

// Any other web contents (none are made today) gets no windows and no webviews either.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(start, (err: unknown) => {
  logFailure(appLog(), 'Electron did not start', err);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
// `npm start` killed with SIGKILL: quit with it (scripts/supervise.mjs).
exitWithParent(() => app.quit());
// The backend closes the library (SQLite checkpoints its WAL) before the app ends.
app.on('will-quit', (event) => {
  if (backendStopped || !backend) return;
  event.preventDefault();
  const stopping = backend;
  backend = null;
  void stopping.stop(BACKEND_STOP_MS).finally(() => {
    backendStopped = true;
    app.quit();
  });
});

/** Main's own lines (a crashed backend, a failed link) join the backend's log file; only the backend rotates it. */
function openMainLog(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    useLog(openFileLog(dataDir, 'info', { maxBytes: Infinity }));
  } catch (err) {
    logFailure(appLog(), 'the log file could not be opened', err);
  }
}

interface StartedBackend extends BackendHost {
  /** null once ready; the error when it could not open the library or kept dying before that. */
  firstOutcome: Promise<ApiError | null>;
}

/**
 * Starts the backend process. Engine keys stay in main (safeStorage): the backend asks for them;
 * signing keys are sealed with a secret main keeps under safeStorage (signingSecret.ts). Without a
 * real key store neither is kept, as before (keyStoragePolicy.ts).
 */
function startBackend(dataDir: string, keyStorage: KeyStorageDecision, t: (key: string, options?: Record<string, string>) => string): StartedBackend {
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
      backendStopped = false;
      appLog().logger.info({ backendPid: pid }, 'the backend process is ready');
      settle(null);
    },
    startupFailed: (error) => settle(error),
    crashed({ code, restarting }) {
      backendStopped = !restarting;
      logFailure(appLog(), 'the backend process stopped unexpectedly', new Error(`exit code ${code}`), { restarting });
      const message = t(restarting ? 'backend.restarting' : 'backend.gaveUp', { code: String(code) });
      // Before the first ready a restart may still succeed; only giving up ends the start.
      if (!restarting) settle({ code: 'INTERNAL', message });
      const win = BrowserWindow.getAllWindows()[0];
      if (win) void dialog.showMessageBox(win, { type: 'error', title: t('backend.stoppedTitle'), message, buttons: [t('keyStore.ok')] });
      return message;
    },
  });
  host.start();
  return Object.assign(host, { firstOutcome });
}
