import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../bridge/securityHeaders.js';
import { lockDownSession, type SessionLike } from './sessionPolicy.js';

function fakeSession() {
  const installed: {
    check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    device?: Parameters<SessionLike['setDevicePermissionHandler']>[0];
    spellcheck?: boolean;
    headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
  } = {};
  const session: SessionLike = {
    setPermissionCheckHandler: (h) => (installed.check = h),
    setPermissionRequestHandler: (h) => (installed.request = h),
    setDevicePermissionHandler: (h) => (installed.device = h),
    setSpellCheckerEnabled: (on) => (installed.spellcheck = on),
    webRequest: { onHeadersReceived: (l) => (installed.headers = l) },
  };
  return { session, installed };
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'openExternal',
  'fullscreen',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'pointerLock',
  'fileSystem',
  'local-fonts',
  'unknown',
];

describe('lockDownSession', () => {
  it('denies every permission check and request, and every device', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session, 'linux');
    for (const permission of PERMISSIONS) {
      expect(installed.check?.(null, permission), permission).toBe(false);
      let granted: boolean | undefined;
      installed.request?.(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(installed.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('turns the spellchecker off where it would download dictionaries', () => {
    for (const [platform, on] of [
      ['linux', false],
      ['win32', false],
      ['darwin', true],
    ] as const) {
      const { session, installed } = fakeSession();
      lockDownSession(session, platform);
      expect(installed.spellcheck, platform).toBe(on);
    }
  });

  it('puts the CSP on every response, replacing any other', () => {
    const { session, installed } = fakeSession();
    lockDownSession(session, 'linux');
    let headers: Record<string, string[]> | undefined;
    installed.headers?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
