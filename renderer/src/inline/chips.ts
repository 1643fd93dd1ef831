/**
 * Inline tokens (shared/inline) as chips in the DOM: each token is a non-editable <span> carrying
 * its placeholder in `data-token`, with a short text and a spoken name (the chip editor's node
 * views and the read-only views use them).
 */
import type { TFunction } from 'i18next';
import { tokenInfo, type InlineCode } from '../../../shared/inline/inlineCodes.js';

/** What a chip shows and says for one token. */
export function chipLabel(ch: string, codes: readonly InlineCode[], t: TFunction): { text: string; label: string } {
  const info = tokenInfo(ch)!;
  const code = codes[info.index];
  if (!code) return { text: '?', label: t('importing.inline.unknown') };
  const end = info.role === 'close';
  let short: string;
  let what: string;
  switch (code.type) {
    case 'bold':
      short = 'B';
      what = t('importing.inline.bold');
      break;
    case 'italic':
      short = 'I';
      what = t('importing.inline.italic');
      break;
    case 'strike':
      short = 'S';
      what = t('importing.inline.strike');
      break;
    case 'link':
      short = '↗';
      what = t('importing.inline.link', { href: code.href });
      break;
    case 'code':
      return {
        text: code.text.length > 24 ? `${code.text.slice(0, 23)}…` : code.text,
        label: t('importing.inline.code', { text: code.text }),
      };
    case 'break':
      return { text: '↵', label: t('importing.inline.break') };
    case 'xliff':
      short = `${code.element}${code.attrs['id'] ?? code.attrs['startRef'] ?? ''}`;
      what = t('importing.inline.xliff', { element: code.element, id: code.attrs['id'] ?? code.attrs['startRef'] ?? '' });
      if (info.role === 'solo') return { text: short, label: what };
      break;
  }
  return end
    ? { text: `${short}⟩`, label: t('importing.inline.end', { what }) }
    : { text: `⟨${short}`, label: t('importing.inline.start', { what }) };
}

export function chipElement(doc: Document, ch: string, codes: readonly InlineCode[], t: TFunction): HTMLSpanElement {
  const { text, label } = chipLabel(ch, codes, t);
  const span = doc.createElement('span');
  const role = tokenInfo(ch)!.role;
  span.className = `token-chip token-${role}`;
  span.setAttribute('contenteditable', 'false');
  span.dataset['token'] = ch;
  span.setAttribute('role', 'img');
  span.setAttribute('aria-label', label);
  span.title = label;
  span.textContent = text;
  return span;
}
