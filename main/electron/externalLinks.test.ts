import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from './appProtocol.js';
import { isOurFrame } from './frameUrl.js';
import { externalUrlToOpen, openExternalAfterConfirmation, OPEN_BUTTON, type ConfirmDialogOptions } from './externalLinks.js';

describe('externalUrlToOpen', () => {
  it('allows http and https addresses, normalised', () => {
    expect(externalUrlToOpen('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(externalUrlToOpen('http://example.org')).toBe('http://example.org/');
    expect(externalUrlToOpen('HTTPS://EXAMPLE.org/x')).toBe('https://example.org/x');
    // Bidi and control characters cannot hide in what the dialog shows.
    expect(externalUrlToOpen('https://example.org/\u202Eexe.txt')).toBe('https://example.org/%E2%80%AEexe.txt');
  });

  it('refuses every other scheme, credentials, and junk', () => {
    for (const raw of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://verso/index.html',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/x',
      'mailto:a@example.org',
      'ftp://example.org/',
      'https://bank.example@evil.example/',
      'https://user:pw@example.org/',
      '//example.org/x',
      'example.org',
      '',
      `https://example.org/${'a'.repeat(3000)}`,
    ]) {
      expect(externalUrlToOpen(raw), raw).toBeNull();
    }
  });
});

describe('openExternalAfterConfirmation', () => {
  const t = (key: string) => `«${key}»`;
  function deps(response: number) {
    const shown: ConfirmDialogOptions[] = [];
    const opened: string[] = [];
    return {
      shown,
      opened,
      deps: {
        t,
        showMessageBox: async (o: ConfirmDialogOptions) => {
          shown.push(o);
          return { response };
        },
        openExternal: async (href: string) => {
          opened.push(href);
        },
      },
    };
  }

  it('shows the full address, defaults to Cancel, and opens only on Open', async () => {
    const url = 'https://example.org/very/long/path?with=query&and=more#fragment';
    const yes = deps(OPEN_BUTTON);
    expect(await openExternalAfterConfirmation(url, yes.deps)).toBe('opened');
    expect(yes.opened).toEqual([url]);
    expect(yes.shown[0]).toMatchObject({
      detail: url,
      defaultId: 0,
      cancelId: 0,
      buttons: ['«externalLink.cancel»', '«externalLink.open»'],
    });

    const no = deps(0);
    expect(await openExternalAfterConfirmation(url, no.deps)).toBe('cancelled');
    expect(no.opened).toEqual([]);
  });

  it('refuses other schemes without asking', async () => {
    const d = deps(OPEN_BUTTON);
    expect(await openExternalAfterConfirmation('file:///etc/passwd', d.deps)).toBe('refused');
    expect(d.shown).toEqual([]);
    expect(d.opened).toEqual([]);
  });
});

describe('navigation inside the window', () => {
  it('stays on app://verso/index.html (any route in the hash) and goes nowhere else', () => {
    for (const url of [APP_INDEX_URL, `${APP_INDEX_URL}#/documents/abc`]) expect(isOurFrame(url, APP_INDEX_URL), url).toBe(true);
    for (const url of [
      'https://example.org/',
      'file:///opt/Verso/resources/app.asar/dist/renderer/index.html',
      'app://verso/other.html',
      'app://evil/index.html',
    ]) {
      expect(isOurFrame(url, APP_INDEX_URL), url).toBe(false);
    }
  });
});
