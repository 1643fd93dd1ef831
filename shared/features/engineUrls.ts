/**
 * What an engine's server address means for its safety, shared by main (which enforces it) and the
 * settings screen (which warns before saving): whether plain http:// leaves this computer, and
 * which server a stored key belongs to. Pure string work (no URL class in shared/); main passes
 * addresses it has already normalised with WHATWG URL, so "0x7f.1" has become "127.0.0.1" there.
 */

/** DeepL's own hosts: an empty address means one of them (the key picks which). */
export const DEEPL_OFFICIAL_ORIGINS = ['https://api-free.deepl.com', 'https://api.deepl.com'] as const;

interface AddressParts {
  scheme: 'http' | 'https';
  hostname: string;
  port: string;
}

function partsOf(url: string): AddressParts | null {
  const m = /^\s*(https?):\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::(\d*))?(?:[/?#]|\s*$)/i.exec(url);
  if (!m) return null;
  const scheme = m[1]!.toLowerCase() as 'http' | 'https';
  const port = m[3] ?? '';
  return { scheme, hostname: m[2]!.toLowerCase(), port: port === (scheme === 'http' ? '80' : '443') ? '' : port };
}

/** This computer: localhost (and *.localhost), 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1';
}

/** Plain http:// to another computer: allowed only when the user ticks "allow unencrypted connection". */
export function isUnencryptedRemote(url: string): boolean {
  const p = partsOf(url);
  return p !== null && p.scheme === 'http' && !isLoopbackHost(p.hostname);
}

/**
 * The server a key belongs to (scheme, host and port); for DeepL, '' and its official hosts are one
 * server. A stored key is never sent to another one.
 */
export function keyServer(engine: 'deepl' | 'libretranslate' | 'openai', url: string): string {
  if (url.trim() === '') return engine === 'deepl' ? 'deepl' : '';
  const p = partsOf(url);
  if (!p) return url.trim();
  const origin = `${p.scheme}://${p.hostname}${p.port === '' ? '' : `:${p.port}`}`;
  return engine === 'deepl' && (DEEPL_OFFICIAL_ORIGINS as readonly string[]).includes(origin) ? 'deepl' : origin;
}
