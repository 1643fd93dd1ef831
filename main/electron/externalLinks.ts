/**
 * Links that leave the app. Only http and https addresses open, in the system browser, and only
 * after a dialog that shows the whole (normalised) address and defaults to Cancel; everything else
 * (file:, javascript:, custom schemes, credentials in the address) is refused. The window itself
 * never navigates away from app://verso (main.ts: will-navigate, setWindowOpenHandler).
 */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** The address to show and open (WHATWG-normalised, so bidi or control characters are percent-encoded), or null when refused. */
export function externalUrlToOpen(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // `https://bank.example@evil.example/` reads as the bank: refused rather than explained.
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

/** Electron's MessageBoxOptions, the part used. */
export interface ConfirmDialogOptions {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

export const OPEN_BUTTON = 1;

export function confirmOpenDialog(t: (key: string) => string, href: string): ConfirmDialogOptions {
  return {
    type: 'question',
    title: t('externalLink.title'),
    message: t('externalLink.message'),
    detail: href,
    buttons: [t('externalLink.cancel'), t('externalLink.open')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export interface ExternalLinkDeps {
  t: (key: string) => string;
  /** `dialog.showMessageBox(window, options)`: resolves with the button pressed. */
  showMessageBox(options: ConfirmDialogOptions): Promise<{ response: number }>;
  /** `shell.openExternal`. */
  openExternal(href: string): Promise<void>;
}

export type ExternalLinkOutcome = 'opened' | 'cancelled' | 'refused';

export async function openExternalAfterConfirmation(raw: string, deps: ExternalLinkDeps): Promise<ExternalLinkOutcome> {
  const href = externalUrlToOpen(raw);
  if (href === null) return 'refused';
  const { response } = await deps.showMessageBox(confirmOpenDialog(deps.t, href));
  if (response !== OPEN_BUTTON) return 'cancelled';
  await deps.openExternal(href);
  return 'opened';
}
