/**
 * Entry point and the only module that touches `window`: picks the transport (Electron preload
 * bridge, else browser mode over the loopback bridge with the token from the URL), the stored
 * interface language, and the file download.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MissingToken, VersoApp } from './App.js';
import { createElectronTransport, type PreloadBridge } from './api/electronTransport.js';
import { createHttpTransport } from './api/httpTransport.js';
import { createI18n, pickUiLanguage } from './i18n/i18n.js';
import type { Platform, SavedFile } from './platform.js';
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

function writeStorage(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/** The token from `?token=…` (then kept for this tab and removed from the address bar), or the kept one. */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    writeStorage(() => window.sessionStorage, TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return readStorage(() => window.sessionStorage, TOKEN_KEY);
}

function saveFile(file: SavedFile): void {
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
}

const i18n = createI18n(pickUiLanguage(readStorage(() => window.localStorage, LANGUAGE_KEY), window.navigator.languages ?? []));
const setDocumentLanguage = (lng: string): void => {
  document.documentElement.lang = lng;
};
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);

const platform: Platform = {
  saveFile,
  saveUiLanguage: (language) => writeStorage(() => window.localStorage, LANGUAGE_KEY, language),
};

const bridge = (window as Window & { verso?: PreloadBridge }).verso;
let transport: ApiTransport | null = null;
if (bridge) {
  transport = createElectronTransport(bridge);
} else {
  const token = takeToken();
  if (token) transport = createHttpTransport({ baseUrl: window.location.origin, token });
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    {transport ? <VersoApp transport={transport} platform={platform} i18n={i18n} /> : <MissingToken i18n={i18n} />}
  </StrictMode>,
);
