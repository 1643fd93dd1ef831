/**
 * What a page says about itself: its titles (JSON-LD headline, Open Graph, Twitter, <title>),
 * description, site name and language. Read before Readability removes the scripts; JSON-LD is
 * parsed as JSON (data, never run) and any that does not parse is ignored.
 */
import { all, textOf, type DomDocument, type DomElement } from './dom.js';

export interface PageMeta {
  /** Title texts, most trusted first (JSON-LD headline, og:title, twitter:title, <title>). */
  titles: string[];
  description: string | null;
  siteName: string | null;
  /** The page's language tag, e.g. "en-GB"; null when it does not say. */
  lang: string | null;
  /** Where the page lives (<base>, canonical link, og:url), to resolve relative links; null when unknown. */
  baseUrl: string | null;
}

/** An absolute http(s) URL, or null. */
function httpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|BlogPosting|LiveBlogPosting|TechArticle|WebPage)$/;
const MAX_JSON_LD_CHARS = 1_000_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : null;
}

/** Article-like objects of a JSON-LD block (top level, arrays and @graph). */
function articleObjects(json: Json, out: { [key: string]: Json }[] = [], depth = 0): { [key: string]: Json }[] {
  if (depth > 4) return out;
  if (Array.isArray(json)) json.forEach((j) => articleObjects(j, out, depth + 1));
  else if (isObject(json)) {
    const type = json['@type'];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) out.push(json);
    if (json['@graph'] !== undefined) articleObjects(json['@graph'], out, depth + 1);
  }
  return out;
}

function jsonLd(doc: DomDocument): { headline: string | null; description: string | null; lang: string | null } {
  for (const script of all(doc, 'script')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    let json: Json;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    // A NewsArticle before a WebPage.
    const found = articleObjects(json).sort((a, b) => Number(a['@type'] === 'WebPage') - Number(b['@type'] === 'WebPage'))[0];
    if (found)
      return {
        headline: str(found['headline']) ?? str(found['name']),
        description: str(found['description']),
        lang: str(found['inLanguage']),
      };
  }
  return { headline: null, description: null, lang: null };
}

function meta(metas: readonly DomElement[], key: string): string | null {
  for (const el of metas) {
    const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    if (name === key) {
      const content = el.getAttribute('content');
      if (content && content.trim() !== '') return content.replace(/\s+/g, ' ').trim();
    }
  }
  return null;
}

export function readPageMeta(doc: DomDocument): PageMeta {
  const ld = jsonLd(doc);
  // Read once: each search of a large page walks every element.
  const metas = all(doc, 'meta');
  const titleEl = doc.head.querySelector('title') ?? doc.querySelector('title');
  const titles = [
    ld.headline,
    meta(metas, 'og:title'),
    meta(metas, 'twitter:title'),
    meta(metas, 'title'),
    titleEl ? textOf(titleEl) : null,
  ];
  const httpLang =
    metas.find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-language')?.getAttribute('content') ?? null;
  const lang = doc.documentElement.getAttribute('lang') ?? doc.body.getAttribute('lang') ?? ld.lang ?? httpLang ?? meta(metas, 'og:locale');
  const canonical = httpUrl(doc.head.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ?? httpUrl(meta(metas, 'og:url'));
  const base = doc.head.querySelector('base')?.getAttribute('href');
  return {
    baseUrl: httpUrl(base, canonical ?? undefined) ?? canonical,
    titles: [...new Set(titles.filter((t): t is string => t !== null && t !== ''))],
    description: ld.description ?? meta(metas, 'og:description') ?? meta(metas, 'description') ?? meta(metas, 'twitter:description'),
    siteName: meta(metas, 'og:site_name') ?? meta(metas, 'application-name'),
    lang: lang && lang.trim() !== '' ? lang.trim() : null,
  };
}
