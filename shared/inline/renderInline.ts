/**
 * Turns a paragraph's text with tokens (see inlineCodes.ts) back into markup for export:
 * Markdown, HTML (escaped; only http/https/mailto links), plain text and XLIFF 1.2 / 2.0 inline
 * codes. Tokens that do not belong to a code are dropped; a missing close is closed at the end.
 */
import { escapeXml } from '../xml/escapeXml.js';
import { isPaired, tokenInfo, TOKEN_PATTERN, plainOf, type InlineCode, type XliffElement } from './inlineCodes.js';

type Piece = { kind: 'text'; text: string } | { kind: 'open' | 'close' | 'solo'; index: number; code: InlineCode };

/** The text as pieces, with unknown placeholders dropped and unbalanced pairs balanced. */
function pieces(text: string, codes: readonly InlineCode[]): Piece[] {
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

/** Only links a reader may safely follow survive export. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(h) && !/[\u0000-\u001f\s]/.test(h) ? h : null;
}

// --- Markdown ----------------------------------------------------------------------------------

function backtickFence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function markdownHref(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}

/**
 * Markdown: **bold**, *italic*, [text](href), `code`, a backslash line break. Whitespace just
 * inside emphasis or link text is moved outside, where Markdown needs it.
 */
export function renderMarkdown(text: string, codes: readonly InlineCode[], escapeText: (text: string) => string = (t) => t): string {
  const moved = text.replace(/([\uE000-\uE0FF]+)([ \t]+)/g, '$2$1').replace(/([ \t]+)([\uE100-\uE1FF]+)/g, '$2$1');
  let out = '';
  const list = pieces(moved, codes);
  list.forEach((p, n) => {
    if (p.kind === 'text') {
      out += escapeText(p.text);
      return;
    }
    const code = p.code;
    // An empty pair (open right before its close) writes nothing.
    const next = list[n + 1];
    const prev = list[n - 1];
    if (p.kind === 'open' && next?.kind === 'close' && next.index === p.index) return;
    if (p.kind === 'close' && prev?.kind === 'open' && prev.index === p.index) return;
    switch (code.type) {
      case 'bold':
        out += '**';
        break;
      case 'italic':
        out += '*';
        break;
      case 'strike':
        out += '~~';
        break;
      case 'link': {
        const href = safeHref(code.href);
        if (href) out += p.kind === 'open' ? '[' : `](${markdownHref(href)})`;
        break;
      }
      case 'code':
        out += backtickFence(code.text);
        break;
      case 'break':
        out += '\\\n';
        break;
      case 'xliff':
        break;
    }
  });
  return out;
}

// --- HTML --------------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** HTML inline content: <strong>, <em>, <a href> (http/https/mailto only), <code>, <br>; text escaped. */
export function renderHtml(text: string, codes: readonly InlineCode[]): string {
  let out = '';
  for (const p of pieces(text, codes)) {
    if (p.kind === 'text') {
      out += escapeHtml(p.text).replace(/\n/g, '<br>');
      continue;
    }
    const code = p.code;
    switch (code.type) {
      case 'bold':
        out += p.kind === 'open' ? '<strong>' : '</strong>';
        break;
      case 'italic':
        out += p.kind === 'open' ? '<em>' : '</em>';
        break;
      case 'strike':
        out += p.kind === 'open' ? '<s>' : '</s>';
        break;
      case 'link': {
        const href = safeHref(code.href);
        if (href) out += p.kind === 'open' ? `<a href="${escapeHtml(href)}">` : '</a>';
        break;
      }
      case 'code':
        out += `<code>${escapeHtml(code.text)}</code>`;
        break;
      case 'break':
        out += '<br>';
        break;
      case 'xliff':
        break;
    }
  }
  return out;
}

// --- Spans (word processors) ------------------------------------------------------------------

/** A run of text with the formatting around it, or a line break (for writers that build runs, such as DOCX). */
export type InlineSpan =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean; /** Strikethrough (absent: none). */ strike?: boolean; /** A safe (http/https/mailto) link around the run, else null. */ href: string | null; /** Verbatim inline code. */ code: boolean }
  | { kind: 'break' };

/** The text as formatted runs: markup as flags, inline code as code runs, line breaks (tokens and `\n`) as breaks. */
export function renderSpans(text: string, codes: readonly InlineCode[]): InlineSpan[] {
  const spans: InlineSpan[] = [];
  let bold = 0;
  let italic = 0;
  let strike = 0;
  const links: (string | null)[] = [];
  const push = (t: string, code = false): void => {
    t.split('\n').forEach((line, i) => {
      if (i > 0) spans.push({ kind: 'break' });
      if (line !== '') spans.push({ kind: 'text', text: line, bold: bold > 0, italic: italic > 0, ...(strike > 0 ? { strike: true } : {}), href: links.at(-1) ?? null, code });
    });
  };
  for (const p of pieces(text, codes)) {
    if (p.kind === 'text') {
      push(p.text);
      continue;
    }
    const delta = p.kind === 'open' ? 1 : -1;
    switch (p.code.type) {
      case 'bold':
        bold += delta;
        break;
      case 'italic':
        italic += delta;
        break;
      case 'strike':
        strike += delta;
        break;
      case 'link':
        if (p.kind === 'open') links.push(safeHref(p.code.href));
        else links.pop();
        break;
      case 'code':
        push(p.code.text, true);
        break;
      case 'break':
        spans.push({ kind: 'break' });
        break;
      case 'xliff':
        if (p.kind === 'solo') push(plainOf(p.code));
        break;
    }
  }
  return spans;
}

// --- Plain text --------------------------------------------------------------------------------

/** Plain text: markup dropped, inline code as its text, line breaks as newlines. */
export function renderPlainText(text: string, codes: readonly InlineCode[]): string {
  return pieces(text, codes)
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'solo' ? plainOf(p.code) : ''))
    .join('');
}

// --- XLIFF -------------------------------------------------------------------------------------

export type XliffVersion = '1.2' | '2.0';

export { escapeXml };

const TO_20: Record<XliffElement, XliffElement> = { g: 'pc', x: 'ph', bx: 'sc', ex: 'ec', ph: 'ph', pc: 'pc', sc: 'sc', ec: 'ec' };
const TO_12: Record<XliffElement, XliffElement> = { pc: 'g', sc: 'bx', ec: 'ex', g: 'g', x: 'x', bx: 'bx', ex: 'ex', ph: 'ph' };

function attrs(a: Record<string, string>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}

/**
 * XLIFF inline content for a <source>/<target>: codes imported from XLIFF come back as the
 * elements they were (mapped between 1.2 and 2.0 when the version differs); bold, italic and
 * links become <g ctype="bold|italic|link"> (1.2) or <pc type="fmt" subType="xlf:b|xlf:i"> /
 * <pc type="link"> (2.0); inline code a <ph> (its text as 1.2 content, as `disp` in 2.0); a line
 * break <x ctype="lb"/> (1.2) or <ph type="fmt" subType="xlf:lb"/> (2.0). Ids are the code's
 * number + 1 unless the code brought its own.
 */
export function renderXliff(text: string, codes: readonly InlineCode[], version: XliffVersion): string {
  let out = '';
  for (const p of pieces(text, codes)) {
    if (p.kind === 'text') {
      out += escapeXml(p.text);
      continue;
    }
    const code = p.code;
    const id = String(p.index + 1);
    if (code.type === 'xliff') {
      const element = version === '2.0' ? TO_20[code.element] : TO_12[code.element];
      // Its own id (or 2.0 <ec startRef>) when it brought one.
      const a = attrs('id' in code.attrs || 'startRef' in code.attrs ? code.attrs : { id, ...code.attrs });
      if (p.kind === 'close') out += `</${element}>`;
      else if (p.kind === 'open') out += `<${element}${a}>`;
      else if (element === 'ph' && version === '1.2') out += `<ph${a}>${escapeXml(code.content)}</ph>`;
      else out += `<${element}${a}/>`;
      continue;
    }
    if (p.kind === 'close') {
      out += version === '2.0' ? '</pc>' : '</g>';
      continue;
    }
    switch (code.type) {
      case 'bold':
      case 'italic': {
        const short = code.type === 'bold' ? 'b' : 'i';
        out += version === '2.0' ? `<pc id="${id}" type="fmt" subType="xlf:${short}">` : `<g id="${id}" ctype="${code.type}">`;
        break;
      }
      case 'strike':
        // XLIFF names no strikethrough: a formatting code (2.0) / a user-defined ctype (1.2).
        out += version === '2.0' ? `<pc id="${id}" type="fmt">` : `<g id="${id}" ctype="x-strike">`;
        break;
      case 'link':
        out += version === '2.0' ? `<pc id="${id}" type="link">` : `<g id="${id}" ctype="link">`;
        break;
      case 'code':
        out += version === '2.0' ? `<ph id="${id}" disp="${escapeXml(code.text)}"/>` : `<ph id="${id}">${escapeXml(code.text)}</ph>`;
        break;
      case 'break':
        out += version === '2.0' ? `<ph id="${id}" type="fmt" subType="xlf:lb"/>` : `<x id="${id}" ctype="lb"/>`;
        break;
    }
  }
  return out;
}
