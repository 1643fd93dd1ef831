/**
 * Turns a paragraph's text with tokens (see inlineCodes.ts) back into markup for export:
 * Markdown, HTML (escaped; only http/https/mailto links), plain text and XLIFF 1.2 / 2.0 inline
 * codes. Tokens that do not belong to a code are dropped; a missing close is closed at the end.
 */
import { plainOf, type InlineCode } from './inlineCodes.js';
import { pieces } from './pieces.js';
import { safeHref } from './safeHref.js';
import { renderXliffInline, type XliffVersion } from './xliffWrite.js';

export { safeHref };

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
  | {
      kind: 'text';
      text: string;
      bold: boolean;
      italic: boolean;
      /** Strikethrough (absent: none). */ strike?: boolean;
      /** A safe (http/https/mailto) link around the run, else null. */ href: string | null;
      /** Verbatim inline code. */ code: boolean;
    }
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
      if (line !== '')
        spans.push({
          kind: 'text',
          text: line,
          bold: bold > 0,
          italic: italic > 0,
          ...(strike > 0 ? { strike: true } : {}),
          href: links.at(-1) ?? null,
          code,
        });
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

export type { XliffVersion };

/**
 * XLIFF inline content for a <source>/<target> (xliffWrite.ts: every code written from its
 * meaning, ids renumbered from 1). For 2.0 the native data it refers to comes from
 * `renderXliffInline`; this form is for content without an <originalData> beside it.
 */
export function renderXliff(text: string, codes: readonly InlineCode[], version: XliffVersion): string {
  return renderXliffInline(text, codes, version).content;
}
