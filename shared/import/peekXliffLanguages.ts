/**
 * The languages an XLIFF file declares, read from its start without parsing it (the import screen
 * shows them when a file is chosen; the import itself checks them after a full parse). 1.x:
 * the first <file source-language target-language>; 2.0: <xliff srcLang trgLang>.
 */
const PEEK_CHARS = 64 * 1024;

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"<]{1,40})"|'([^'<]{1,40})')`).exec(tag);
  return (m?.[1] ?? m?.[2] ?? '').trim() || null;
}

export function peekXliffLanguages(text: string): { sourceLang: string | null; targetLang: string | null } | null {
  const head = text.slice(0, PEEK_CHARS);
  const root = /<(?:[\w.-]+:)?xliff\b[^>]{0,2000}>/.exec(head)?.[0];
  if (!root) return null;
  const rootSource = attribute(root, 'srcLang');
  if (rootSource) return { sourceLang: rootSource, targetLang: attribute(root, 'trgLang') };
  const file = /<(?:[\w.-]+:)?file\b[^>]{0,2000}>/.exec(head.slice(head.indexOf(root)))?.[0];
  if (!file) return null;
  const sourceLang = attribute(file, 'source-language');
  return sourceLang ? { sourceLang, targetLang: attribute(file, 'target-language') } : null;
}
