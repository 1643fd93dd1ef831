/**
 * Inline tokens (shared/inline) as chips in the DOM: each token is a non-editable <span> carrying
 * its placeholder in `data-token`; text stays text. `tokenChips` builds the nodes, `readTokens`
 * reads an edited element back into text with placeholders (text typed or pasted can never make a
 * token: stray placeholder characters in text nodes are dropped).
 */
import type { TFunction } from 'i18next';
import { tokenInfo, TOKEN_PATTERN, type InlineCode } from '../../../shared/inline/inlineCodes.js';

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
    case 'link':
      short = '↗';
      what = t('importing.inline.link', { href: code.href });
      break;
    case 'code':
      return { text: code.text.length > 24 ? `${code.text.slice(0, 23)}…` : code.text, label: t('importing.inline.code', { text: code.text }) };
    case 'break':
      return { text: '↵', label: t('importing.inline.break') };
    case 'xliff':
      short = `${code.element}${code.attrs['id'] ?? code.attrs['startRef'] ?? ''}`;
      what = t('importing.inline.xliff', { element: code.element, id: code.attrs['id'] ?? code.attrs['startRef'] ?? '' });
      if (info.role === 'solo') return { text: short, label: what };
      break;
  }
  return end ? { text: `${short}⟩`, label: t('importing.inline.end', { what }) } : { text: `⟨${short}`, label: t('importing.inline.start', { what }) };
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

/** The nodes that show `text` with its tokens as chips. */
export function tokenChips(doc: Document, text: string, codes: readonly InlineCode[], t: TFunction): Node[] {
  const nodes: Node[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index > last) nodes.push(doc.createTextNode(text.slice(last, m.index)));
    nodes.push(chipElement(doc, m[0], codes, t));
    last = m.index + 1;
  }
  if (last < text.length) nodes.push(doc.createTextNode(text.slice(last)));
  return nodes;
}

/** The text (with placeholders) an edited element holds. */
export function readTokens(root: Node): string {
  let out = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += (child.nodeValue ?? '').replace(TOKEN_PATTERN, '');
      else if (child.nodeType === 1) {
        const el = child as HTMLElement;
        const token = el.dataset['token'];
        if (token !== undefined) out += token;
        else if (el.tagName === 'BR') out += '\n';
        else {
          // Browsers wrap new lines of a contenteditable in <div>s.
          const block = el.tagName === 'DIV' || el.tagName === 'P';
          if (block && out !== '' && !out.endsWith('\n')) out += '\n';
          walk(el);
        }
      }
    }
  };
  walk(root);
  return out;
}
