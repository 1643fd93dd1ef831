/** A paragraph's text split at its tokens, for the render functions (renderInline.ts, xliffWrite.ts). */
import { isPaired, tokenInfo, TOKEN_PATTERN, type InlineCode } from './inlineCodes.js';

export type Piece = { kind: 'text'; text: string } | { kind: 'open' | 'close' | 'solo'; index: number; code: InlineCode };

/** The text as pieces, with unknown placeholders dropped and unbalanced pairs balanced. */
export function pieces(text: string, codes: readonly InlineCode[]): Piece[] {
  const out: Piece[] = [];
  const open: number[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index + 1;
    const info = tokenInfo(m[0])!;
    const code = codes[info.index];
    if (!code || (info.role === 'solo') === isPaired(code)) continue;
    if (info.role === 'open') {
      if (open.includes(info.index)) continue;
      open.push(info.index);
    } else if (info.role === 'close') {
      const at = open.lastIndexOf(info.index);
      if (at < 0) continue;
      // Close what was opened inside it first (markup nests).
      for (const inner of open.splice(at).slice(1).reverse()) out.push({ kind: 'close', index: inner, code: codes[inner]! });
    }
    out.push({ kind: info.role, index: info.index, code });
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  for (const i of open.reverse()) out.push({ kind: 'close', index: i, code: codes[i]! });
  return out;
}
