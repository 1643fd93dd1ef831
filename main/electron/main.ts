/**
 * The Electron shell, kept thin: one window, the shared backend, IPC with sender checks.
 * Everything else lives in services shared with browser mode and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { createBackend, type Backend } from '../backend.js';
import { safeStorageProtector } from '../signing/keyProtection.js';
import { resolveDataDir } from '../paths.js';
import { APP_VERSION, rendererDir } from '../appRoot.js';
import { CONTENT_SECURITY_POLICY } from '../bridge/securityHeaders.js';
import { createMainI18n } from './mainI18n.js';
import { buildMenuTemplate } from './menu.js';
import { createDesktopFiles } from './desktopFiles.js';
import { isOurFrame as isIndexFrame } from './frameUrl.js';
import { exitWithParent } from '../exitWithParent.js';

let backend: Backend | null = null;
const indexHtml = path.join(rendererDir(), 'index.html');
const indexUrl = pathToFileURL(indexHtml).toString();

// The page keeps its route in the hash (#/documents/<id>), so a reload reopens it; the frame is
// ours whatever its hash or query.
const isOurFrame = (frameUrl: string | undefined): boolean => isIndexFrame(frameUrl, indexUrl);

async function start(): Promise<void> {
  const i18n = await createMainI18n(app.getLocale());
  try {
    backend = createBackend({
      dataDir: resolveDataDir(),
      mode: 'electron',
      version: APP_VERSION,
      nativeBinding: process.env.VERSO_NATIVE_BINDING || undefined,
      // Signing keys sealed by the OS key store (not testable here: no Electron binary).
      ...(safeStorage.isEncryptionAvailable() ? { keyProtector: safeStorageProtector(safeStorage) } : {}),
    });
  } catch (err) {
    dialog.showErrorBox(i18n.t('startup.failedTitle'), i18n.t('startup.failedBody', { message: (err as Error).message }));
    app.exit(1);
    return;
  }
  const be = backend;

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(i18n.t, process.platform === 'darwin', APP_VERSION)));

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  ipcMain.handle('verso:invoke', async (event, method: unknown, input: unknown) => {
    if (!isOurFrame(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'Refused: unknown sender' } };
    }
    return be.dispatch(method, input);
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
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  const unsubscribe = be.events.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send('verso:event', name, payload);
  });
  win.on('closed', unsubscribe);
  win.once('ready-to-show', () => win.show());
  // Route changes only touch the hash (in-page navigations, which never reach will-navigate).
  win.webContents.on('will-navigate', (e, url) => {
    if (!isOurFrame(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  await win.loadFile(indexHtml);
}

app.whenReady().then(start, (err: unknown) => {
  console.error(err);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
// `npm start` killed with SIGKILL: quit with it (scripts/supervise.mjs).
exitWithParent(() => app.quit());
app.on('will-quit', () => {
  backend?.close();
  backend = null;
});
