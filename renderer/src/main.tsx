/**
 * Entry point and the only module that touches `window`: picks the transport (Electron preload
 * bridge, else browser mode over the loopback bridge with the token from the URL), the stored
 * interface language, saving files (a download, or the desktop app's save dialog) and the
 * location (the route in the URL hash).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MissingToken, VersoApp } from './App.js';
import { createElectronTransport, type PreloadBridge } from './api/electronTransport.js';
import { createHttpTransport } from './api/httpTransport.js';
import { createI18n, pickUiLanguage } from './i18n/i18n.js';
import type { Platform, SaveOutcome, SavedFile } from './platform.js';
import { desktopTmxSource, uploadTmxSource } from './memory/tmxSource.js';
import type { AppLocation } from './routing/location.js';
import type { ApiTransport } from '../../shared/api.js';

const LANGUAGE_KEY = 'verso.uiLanguage';
const TOKEN_KEY = 'verso.token';

function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

/** False when storage is disabled (the value then lasts for this page only). */
function writeStorage(storage: () => Storage, key: string, value: string): boolean {
  try {
    storage().setItem(key, value);
    return storage().getItem(key) === value;
  } catch {
    return false;
  }
}

/**
 * The token from `?token=…` (then kept for this tab and removed from the address bar, the route in
 * the hash kept), or the kept one. Where the tab cannot keep it, it stays in the address, so a
 * reload still finds it.
 */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    if (writeStorage(() => window.sessionStorage, TOKEN_KEY, fromUrl)) {
      url.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    }
    return fromUrl;
  }
  return readStorage(() => window.sessionStorage, TOKEN_KEY);
}

/** The route lives in the URL hash: back/forward and reloads keep it; the path and query are never touched. */
function createWindowLocation(): AppLocation {
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  window.addEventListener('hashchange', notify);
  return {
    hash: () => window.location.hash,
    go(hash, options) {
      if (options?.replace) {
        const url = new URL(window.location.href);
        url.hash = hash;
        window.history.replaceState(window.history.state, '', url.href);
        notify();
      } else {
        window.location.hash = hash;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function downloadFile(file: SavedFile): Promise<SaveOutcome> {
  const blob = new Blob([file.bytes ? new Uint8Array(file.bytes) : file.content], { type: file.mimeType });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return Promise.resolve({ kind: 'downloaded', fileName: file.fileName });
}

/** The desktop app's preload adds saving through a save dialog (main/electron/desktopFiles.ts). */
interface DesktopBridge extends PreloadBridge {
  saveFile?(file: SavedFile): Promise<SaveOutcome>;
  showInFolder?(path: string): Promise<unknown>;
  /** A dropped or picked file's path (Electron's webUtils.getPathForFile), for streamed TMX imports. */
  pathForFile?(file: File): string;
}

const i18n = createI18n(
  pickUiLanguage(
    readStorage(() => window.localStorage, LANGUAGE_KEY),
    window.navigator.languages ?? [],
  ),
);
const setDocumentLanguage = (lng: string): void => {
  document.documentElement.lang = lng;
};
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);

const bridge = (window as Window & { verso?: DesktopBridge }).verso;
const desktopSave = bridge?.saveFile?.bind(bridge);
const desktopShow = bridge?.showInFolder?.bind(bridge);
const platform: Platform = {
  saveFile: desktopSave ?? downloadFile,
  ...(desktopShow ? { showInFolder: async (path: string) => void (await desktopShow(path)) } : {}),
  saveUiLanguage: (language) => void writeStorage(() => window.localStorage, LANGUAGE_KEY, language),
  reload: () => window.location.reload(),
};

let transport: ApiTransport | null = null;
if (bridge) {
  transport = createElectronTransport(bridge);
} else {
  const token = takeToken();
  if (token) {
    transport = createHttpTransport({ baseUrl: window.location.origin, token });
    platform.tmxSource = uploadTmxSource(window.location.origin, token);
  }
}
const pathForFile = bridge?.pathForFile?.bind(bridge);
if (pathForFile) platform.tmxSource = desktopTmxSource(pathForFile);

const appLocation = createWindowLocation();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    {transport ? <VersoApp transport={transport} platform={platform} i18n={i18n} location={appLocation} /> : <MissingToken i18n={i18n} />}
  </StrictMode>,
);
