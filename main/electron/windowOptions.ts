/**
 * The main window's web preferences, decided here and tested (main.ts passes them to BrowserWindow).
 * DevTools only when not packaged. Spellcheck only on macOS, where Chromium uses the operating
 * system's checker and downloads nothing; on Windows and Linux it would fetch Hunspell `.bdic`
 * dictionaries from Google's CDN (Debian's hunspell `.dic`/`.aff` files are not a format
 * Chromium reads), and Verso never goes to the network on its own, so there it is off.
 */
export interface WindowPolicyInput {
  /** `app.isPackaged`. */
  packaged: boolean;
  platform: NodeJS.Platform;
  preload: string;
}

export function spellcheckAllowed(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

export function devToolsAllowed(packaged: boolean): boolean {
  return !packaged;
}

export function mainWebPreferences(input: WindowPolicyInput) {
  return {
    preload: input.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: spellcheckAllowed(input.platform),
    devTools: devToolsAllowed(input.packaged),
  } as const;
}
