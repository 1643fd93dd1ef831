/**
 * The app's routes and their place in the URL hash, so a reload keeps the open view and
 * back/forward work (browser mode and Electron's file:// page alike: only the hash changes, the
 * page itself is never reloaded or navigated away from). Pure functions.
 *
 *   #/                         library          #/import     import
 *   #/documents/<id>           a document       #/glossary   glossary
 *   #/settings                 settings         #/settings/publication  settings, publisher field focused
 */
export type SettingsSection = 'publication';

export type Route =
  | { name: 'library' }
  | { name: 'import' }
  | { name: 'glossary' }
  | { name: 'settings'; section?: SettingsSection }
  | { name: 'document'; documentId: string };

const MAX_ID_CHARS = 64;

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The route a hash names; null for a hash that names none (the caller shows the library). */
export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '') return { name: 'library' };
  const parts = path.split('/');
  const [head, arg, ...rest] = parts;
  if (rest.length > 0) return null;
  switch (head) {
    case 'import':
    case 'glossary':
      return arg === undefined ? { name: head } : null;
    case 'settings':
      if (arg === undefined) return { name: 'settings' };
      return arg === 'publication' ? { name: 'settings', section: 'publication' } : null;
    case 'documents': {
      const id = arg === undefined ? null : decode(arg);
      return id !== null && id !== '' && id.length <= MAX_ID_CHARS ? { name: 'document', documentId: id } : null;
    }
    default:
      return null;
  }
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'import':
    case 'glossary':
      return `#/${route.name}`;
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
    case 'document':
      return `#/documents/${encodeURIComponent(route.documentId)}`;
  }
}
