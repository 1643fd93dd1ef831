/**
 * Removes API keys and bearer tokens from text that leaves the main side (API errors, job
 * progress, logs): the keys Verso knows it sent, and anything shaped like a credential
 * (`Authorization: …`, `Bearer …`, `DeepL-Auth-Key …`, `sk-…` tokens, `api_key=…`). An engine that
 * echoes the key in its error reply thus never shows it to the renderer.
 */
export const REDACTED = '[redacted]';

const PATTERNS: Array<[RegExp, string]> = [
  // "Authorization: Bearer abc", authorization="abc", 'authorization': 'abc'
  [/(\bauthorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token|deepl-auth-key)\s+)?[^\s"',;}]+/gi, `$1${REDACTED}`],
  // (Not a bare "token": Verso's messages speak of inline tokens.)
  [/\b(bearer|deepl-auth-key)(\s+)[A-Za-z0-9._~+/=:-]{6,}/gi, `$1$2${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{6,}/g, `sk-${REDACTED}`],
  // The bridge's token in an address: ?token=…, &token=…, #token=…
  [/([?&#]token=)[^\s&#"']+/gi, `$1${REDACTED}`],
  // api_key=…, "api_key": "…", auth_key, apikey, x-api-key
  [/(\b(?:x-)?(?:api[_-]?key|auth[_-]?key|access[_-]?token)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi, `$1${REDACTED}`],
];

/** The text without the known secrets (at least 4 characters long) and credential-shaped tokens. */
export function scrubText(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Strings anywhere in a JSON-like value, scrubbed (keys named like credentials lose their value). */
export function scrubValue<T>(value: T, known: readonly string[] = []): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return scrubText(v, known);
    if (depth > 8 || typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        /^(authorization|api[_-]?key|auth[_-]?key|password)$/i.test(k) ? REDACTED : walk(x, depth + 1),
      ]),
    );
  };
  return walk(value, 0) as T;
}

/** An unexpected error as a log line (its stack, else its text), scrubbed. */
export function scrubError(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return scrubText(text);
}
