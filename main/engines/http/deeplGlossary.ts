/**
 * Verso's glossary as a DeepL glossary (API v2 `/v2/glossaries`), so DeepL itself uses the
 * newsroom's terms. One DeepL glossary per language pair and glossary content, named
 * `verso <src>-<tgt> <hash>`: the same terms reuse the glossary DeepL already has (also after a
 * restart, found by name), changed terms create a new one and delete Verso's older ones for that
 * pair. Only the entries DeepL can take go in (one target per source term, no tabs or line
 * breaks); forbidden variants cannot be expressed and stay with the QA check. A pair DeepL has no
 * glossaries for is remembered and translated without one (the QA check still flags the terms).
 */
import { createHash } from 'node:crypto';
import { isServiceError } from '../../core/serviceError.js';
import type { GlossaryTerm } from '../mtEngine.js';
import { requestJson, type HttpOptions } from './httpClient.js';

const NAME_PREFIX = 'verso ';

/** DeepL's glossary language: the base language in lower case ('EN-US' → 'en'). */
export function glossaryLanguage(code: string): string {
  return code.split('-')[0]!.toLowerCase();
}

/** The TSV entries DeepL accepts for these terms (first target per source term wins). */
export function glossaryEntries(terms: readonly GlossaryTerm[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const t of terms) {
    const source = t.source.trim();
    const target = t.target.trim();
    if (source === '' || target === '' || /[\t\r\n]/.test(source + target) || seen.has(source)) continue;
    seen.add(source);
    lines.push(`${source}\t${target}`);
  }
  return lines.join('\n');
}

interface DeeplGlossaryInfo {
  glossary_id: string;
  name: string;
  source_lang: string;
  target_lang: string;
}

function isGlossaryInfo(g: unknown): g is DeeplGlossaryInfo {
  const x = g as Partial<DeeplGlossaryInfo> | null;
  return typeof x?.glossary_id === 'string' && typeof x.name === 'string';
}

export interface GlossarySync {
  /** The glossary id to send for these terms, or null (no terms, or DeepL has none for the pair). */
  idFor(
    base: string,
    key: string,
    source: string,
    target: string,
    terms: readonly GlossaryTerm[],
    signal: AbortSignal,
  ): Promise<string | null>;
}

export function createGlossarySync(http: HttpOptions): GlossarySync {
  const ids = new Map<string, Promise<string | null>>();
  const unsupported = new Set<string>();

  async function sync(
    base: string,
    key: string,
    src: string,
    tgt: string,
    entries: string,
    name: string,
    signal: AbortSignal,
  ): Promise<string | null> {
    const headers = { Authorization: `DeepL-Auth-Key ${key}` };
    const list = await requestJson({ engine: 'DeepL', method: 'GET', url: `${base}/v2/glossaries`, headers, signal }, http);
    const all = ((list.body as { glossaries?: unknown } | null)?.glossaries ?? []) as unknown[];
    const mine = all.filter(isGlossaryInfo).filter((g) => g.name.startsWith(`${NAME_PREFIX}${src}-${tgt} `));
    const existing = mine.find((g) => g.name === name);
    let id = existing?.glossary_id ?? null;
    if (!id) {
      try {
        const made = await requestJson(
          {
            engine: 'DeepL',
            method: 'POST',
            url: `${base}/v2/glossaries`,
            headers,
            body: { name, source_lang: src, target_lang: tgt, entries, entries_format: 'tsv' },
            signal,
          },
          http,
        );
        if (!isGlossaryInfo(made.body)) return null;
        id = made.body.glossary_id;
      } catch (err) {
        // DeepL has no glossaries for this pair (400): translate without one.
        if (isServiceError(err) && err.code === 'ENGINE_REQUEST_REJECTED') {
          unsupported.add(`${src}>${tgt}`);
          return null;
        }
        throw err;
      }
    }
    // Verso's older glossaries for the pair go (best effort: a failure here changes nothing).
    for (const old of mine.filter((g) => g.glossary_id !== id)) {
      await requestJson(
        { engine: 'DeepL', method: 'DELETE', url: `${base}/v2/glossaries/${encodeURIComponent(old.glossary_id)}`, headers, signal },
        { ...http, maxRetries: 0 },
      ).catch(() => undefined);
    }
    return id;
  }

  return {
    idFor(base, key, source, target, terms, signal) {
      const src = glossaryLanguage(source);
      const tgt = glossaryLanguage(target);
      const entries = glossaryEntries(terms);
      if (entries === '' || unsupported.has(`${src}>${tgt}`)) return Promise.resolve(null);
      const hash = createHash('sha256').update(entries).digest('hex').slice(0, 16);
      const name = `${NAME_PREFIX}${src}-${tgt} ${hash}`;
      const cacheKey = `${base}\n${key}\n${name}`;
      let id = ids.get(cacheKey);
      if (!id) {
        id = sync(base, key, src, tgt, entries, name, signal);
        ids.set(cacheKey, id);
        // A failed sync is tried again next time.
        id.catch(() => ids.delete(cacheKey));
      }
      return id;
    },
  };
}
