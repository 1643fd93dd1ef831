/**
 * Inline tokens (shared/inline) through HTTP engines: placeholders become XML tags the engines keep
 * (DeepL `tag_handling=xml`, LibreTranslate `format=html`, chat models told to keep them):
 * `<t3>…</t3>` for paired code 3, `<x4/>` for standalone code 4; the text is XML-escaped. The
 * reply goes back to placeholders; `repairTokens` then makes sure every token is there exactly once.
 * Apertium needs none of this: its deformatter sends each placeholder as a superblank.
 */
import { closeToken, openToken, soloToken, tokenInfo, TOKEN_PATTERN } from '../../shared/inline/inlineCodes.js';

export function tokensToXml(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(TOKEN_PATTERN, (ch) => {
      const { role, index } = tokenInfo(ch)!;
      return role === 'open' ? `<t${index}>` : role === 'close' ? `</t${index}>` : `<x${index}/>`;
    });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlToTokens(xml: string): string {
  return xml
    .replace(/[\uE000-\uE2FF]/g, '')
    .replace(
      /<\s*(\/?)\s*t(\d{1,3})\s*>|<\s*x(\d{1,3})\s*\/?\s*>/g,
      (_m, slash: string, pair: string | undefined, solo: string | undefined) => {
        const i = Number(pair ?? solo);
        if (i > 255) return '';
        return solo !== undefined ? soloToken(i) : slash ? closeToken(i) : openToken(i);
      },
    )
    .replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (m, name: string) => {
      if (name.startsWith('#x')) return safeChar(Number.parseInt(name.slice(2), 16), m);
      if (name.startsWith('#')) return safeChar(Number.parseInt(name.slice(1), 10), m);
      return ENTITIES[name] ?? m;
    });
}

function safeChar(code: number, fallback: string): string {
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0xe000 && code <= 0xe2ff)) return fallback;
  return String.fromCodePoint(code);
}
