/**
 * The Electron shell, kept thin: one window, menus, dialogs and the keys only safeStorage can open.
 * The backend (library, engines, imports, jobs) runs in its own utility process (desktopBackend.ts,
 * backendHost.ts, main/backendProcess.ts); the window talks to it over a MessagePort its preload
 * asks for, with the frame checked. Everything else lives in services shared with browser mode and
 * the CLI. Every security decision
 * is a tested function in this folder: appProtocol (app://verso instead of file://), sessionPolicy
 * (permissions denied, CSP), windowOptions (no DevTools when packaged, spellcheck without
 * downloads), externalLinks (http/https after a confirmation), keyStoragePolicy (no keys in
 * plain text). Fuses: build/electron-builder.config.cjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { resolveDataDir } from '../paths.js';
import { appLog, logFailure } from '../core/log/logger.js';
import { APP_VERSION, rendererDir } from '../appRoot.js';
import { createMainI18n } from './mainI18n.js';
import { buildMenuTemplate } from './menu.js';
import { createDesktopFiles } from './desktopFiles.js';
import { isOurFrame as isIndexFrame } from './frameUrl.js';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol.js';
import { lockDownSession } from './sessionPolicy.js';
import { devToolsAllowed, mainWebPreferences } from './windowOptions.js';
import { openExternalAfterConfirmation } from './externalLinks.js';
import { keyStoreNotice, probeKeyStorage } from './keyStoragePolicy.js';
import { claimSingleInstance } from './singleInstance.js';
import type { BackendHost } from './backendHost.js';
import { openMainLog, startDesktopBackend } from './desktopBackend.js';
import { exitWithParent } from '../exitWithParent.js';

let backend: BackendHost | null = null;
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
  const host = startDesktopBackend(dataDir, keyStorage, (key, options) => i18n.t(key, options));
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
    webPreferences: mainWebPreferences({
      packaged: app.isPackaged,
      platform: process.platform,
      preload: path.join(__dirname, 'preload.cjs'),
    }),
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
  if (!backend || backend.state === 'stopped' || backend.state === 'failed') return;
  event.preventDefault();
  const stopping = backend;
  backend = null;
  void stopping.stop(BACKEND_STOP_MS).finally(() => app.quit());
});
