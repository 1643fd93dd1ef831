/** The native application menu, every label through i18next; DevTools only in development builds. */
import type { MenuItemConstructorOptions } from 'electron';
import type { i18n } from 'i18next';

export interface MenuOptions {
  /** Whether the View menu offers DevTools (never in the packaged app: windowOptions.devToolsAllowed). */
  devTools: boolean;
}

export function buildMenuTemplate(t: i18n['t'], isMac: boolean, appVersion: string, options: MenuOptions): MenuItemConstructorOptions[] {
  return [
    {
      label: t('menu.file'),
      submenu: [{ role: 'quit', label: t('menu.quit') }],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'reload', label: t('menu.reload') },
        ...(options.devTools ? [{ role: 'toggleDevTools', label: t('menu.toggleDevTools') } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.toggleFullScreen') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [{ role: 'about', label: `${t('menu.about')} ${isMac ? '' : appVersion}`.trim() }],
    },
  ];
}
