import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu.js';
import { devToolsAllowed, mainWebPreferences, spellcheckAllowed } from './windowOptions.js';

const t = ((key: string) => key) as Parameters<typeof buildMenuTemplate>[0];

function roles(template: ReturnType<typeof buildMenuTemplate>): string[] {
  return template
    .flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? '') : [])])
    .filter(Boolean);
}

describe('main window policy', () => {
  it('has no DevTools in the packaged app: neither in webPreferences nor in the menu', () => {
    expect(mainWebPreferences({ packaged: true, platform: 'linux', preload: '/p.cjs' }).devTools).toBe(false);
    expect(roles(buildMenuTemplate(t, false, '1.0.0', { devTools: devToolsAllowed(true) }))).not.toContain('toggleDevTools');
    // Development builds keep them.
    expect(mainWebPreferences({ packaged: false, platform: 'linux', preload: '/p.cjs' }).devTools).toBe(true);
    expect(roles(buildMenuTemplate(t, false, '1.0.0', { devTools: devToolsAllowed(false) }))).toContain('toggleDevTools');
  });

  it('never lets the spellchecker download dictionaries: on only with the OS checker (macOS)', () => {
    expect(spellcheckAllowed('darwin')).toBe(true);
    for (const platform of ['linux', 'win32', 'freebsd'] as const) {
      expect(spellcheckAllowed(platform)).toBe(false);
      expect(mainWebPreferences({ packaged: true, platform, preload: '/p.cjs' }).spellcheck).toBe(false);
    }
  });

  it('keeps the renderer isolated and sandboxed, without Node or webviews', () => {
    expect(mainWebPreferences({ packaged: true, platform: 'linux', preload: '/p.cjs' })).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});
