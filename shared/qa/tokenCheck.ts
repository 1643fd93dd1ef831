/**
 * Inline tokens (shared/inline): the translation must hold every token of the source exactly once,
 * each pair opened before it is closed (errors: a missing or broken token blocks sign-off). Tokens
 * gathered at the very end of a translation but not of the source were most likely put there
 * because MT lost them (a warning: move them where they belong).
 */
import { tokenInfo, TOKEN_PATTERN } from '../inline/inlineCodes.js';
import type { QaCheck, QaIssue } from './types.js';

function tokens(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

export const tokensCheck: QaCheck = {
  id: 'tokens',
  run({ source, target }) {
    if (target.trim() === '') return [];
    const src = tokens(source);
    const tgt = tokens(target);
    if (src.length === 0 && tgt.length === 0) return [];
    const out: QaIssue[] = [];
    const missing = src.filter((t) => !tgt.includes(t)).length;
    const extra = tgt.filter((t, i) => !src.includes(t) || tgt.indexOf(t) !== i).length;
    if (missing > 0) out.push({ checkId: 'tokens', severity: 'error', code: 'tokenMissing', params: { count: missing } });
    if (extra > 0) out.push({ checkId: 'tokens', severity: 'error', code: 'tokenExtra', params: { count: extra } });
    const broken = tgt.filter((t) => {
      const info = tokenInfo(t)!;
      if (info.role !== 'close') return false;
      const open = String.fromCharCode(t.charCodeAt(0) - 0x100);
      return tgt.includes(open) && tgt.indexOf(open) > tgt.indexOf(t);
    }).length;
    if (broken > 0) out.push({ checkId: 'tokens', severity: 'error', code: 'tokenOrder', params: { count: broken } });
    const tail = /\s([\uE000-\uE2FF]+)$/.exec(target.trimEnd());
    if (out.length === 0 && tail && !source.trimEnd().endsWith(tail[1]!)) {
      out.push({ checkId: 'tokens', severity: 'warning', code: 'tokensAtEnd', params: { count: tail[1]!.length } });
    }
    return out;
  },
};
