/**
 * The Electron shell, kept thin: one window, the shared backend, IPC with sender checks.
 * Everything else lives in services shared with browser mode and the CLI.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { createBackend, type Backend } from '../backend.js';
import { resolveDataDir } from '../paths.js';
import { APP_VERSION, rendererDir } from '../appRoot.js';
import { CONTENT_SECURITY_POLICY } from '../bridge/securityHeaders.js';
import { createMainI18n } from './mainI18n.js';
import { buildMenuTemplate } from './menu.js';

let backend: Backend | null = null;
const indexHtml = path.join(rendererDir(), 'index.html');
const indexUrl = pathToFileURL(indexHtml).toString();

function isOurFrame(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && frameUrl.split('#')[0]?.split('?')[0] === indexUrl;
}

async function start(): Promise<void> {
  const i18n = await createMainI18n(app.getLocale());
  try {
    backend = createBackend({
      dataDir: resolveDataDir(),
      mode: 'electron',
      version: APP_VERSION,
      nativeBinding: process.env.VERSO_NATIVE_BINDING || undefined,
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
  win.webContents.on('will-navigate', (e, url) => {
    if (url !== indexUrl) e.preventDefault();
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
app.on('will-quit', () => {
  backend?.close();
  backend = null;
});
