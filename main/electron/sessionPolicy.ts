/**
 * The window's session, locked down: every permission check and request is denied (camera,
 * microphone, notifications, geolocation, clipboard-read, HID/serial/USB devices…: Verso needs
 * none), the spellchecker is off where it would download dictionaries (windowOptions.ts), and
 * every response carries the CSP. Given Electron's session as an interface so it can be tested.
 */
import { CONTENT_SECURITY_POLICY } from '../bridge/securityHeaders.js';
import { spellcheckAllowed } from './windowOptions.js';

type Headers = Record<string, string[]>;

export interface SessionLike {
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers }) => void) => void,
    ): void;
  };
}

export function withContentSecurityPolicy(headers: Headers | undefined): Headers {
  const rest = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...rest, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

export function lockDownSession(session: SessionLike, platform: NodeJS.Platform): void {
  session.setPermissionCheckHandler(() => false);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(spellcheckAllowed(platform));
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );
}
