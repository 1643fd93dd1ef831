/**
 * HTML: a complete, semantic UTF-8 document; every text is escaped (no markup, script or URL from
 * a paragraph can become live), and the disclosure is a `<footer lang>` after the article body.
 */
import { languageInfoOrBase } from '../../../shared/languages.js';
import type { ExportDocument, ExportParagraph } from '../model.js';
import { renderHtml } from '../../../shared/inline/renderInline.js';
import { escapeXml, exportTitle, tidy, visibleText } from '../text.js';

/** The HTML of one paragraph's text: escaped, inline codes as <strong>/<em>/<a>/<code>/<br>. Newlines become <br>. */
export function htmlParagraphText(p: ExportParagraph): string {
  const text = visibleText(p);
  // No newline after a <br>: it would come back as a space.
  if (p.codes.length > 0) return renderHtml(text, p.codes);
  return text
    .split('\n')
    .map((l) => escapeXml(l))
    .join('<br>\n');
}

function headingLevel(marker: string | null): number {
  const n = marker === null ? NaN : Number.parseInt(marker, 10);
  return Number.isInteger(n) ? Math.min(6, Math.max(1, n)) : 1;
}

function isOrdered(p: ExportParagraph): boolean {
  return p.kind === 'list-item' && p.marker !== null && /^\d+[.)]$/.test(p.marker);
}

function body(paragraphs: readonly ExportParagraph[]): string[] {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const closeList = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const p of paragraphs) {
    const text = htmlParagraphText(p);
    if (text === '') continue;
    if (p.kind === 'list-item') {
      const kind = isOrdered(p) ? 'ol' : 'ul';
      if (list !== kind) {
        closeList();
        list = kind;
        out.push(`<${kind}>`);
      }
      out.push(`<li>${text}</li>`);
      continue;
    }
    closeList();
    if (p.kind === 'heading') {
      const level = headingLevel(p.marker);
      out.push(`<h${level}>${text}</h${level}>`);
    } else if (p.kind === 'quote') {
      out.push(`<blockquote><p>${text}</p></blockquote>`);
    } else {
      out.push(`<p>${text}</p>`);
    }
  }
  closeList();
  return out;
}

export function writeHtml(doc: ExportDocument): string {
  const lang = escapeXml(doc.targetLang);
  const dir = languageInfoOrBase(doc.targetLang)?.dir ?? 'ltr';
  const title = escapeXml((doc.draftNotice !== null ? `${doc.draftNotice.titlePrefix}: ` : '') + exportTitle(doc));
  const lines = [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Nothing in this file may run or load anything.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="Verso">',
  ];
  if (doc.draftNotice !== null) lines.push('<meta name="robots" content="noindex">');
  lines.push(`<title>${title}</title>`, '</head>', '<body>');
  if (doc.draftNotice !== null) {
    // The notice is in the target language; one in English (a language without its own) says so.
    const notice = doc.draftNotice;
    const noticeLang =
      notice.lang === doc.targetLang ? '' : ` lang="${escapeXml(notice.lang)}" dir="${languageInfoOrBase(notice.lang)?.dir ?? 'ltr'}"`;
    lines.push(`<p class="verso-draft" role="note"${noticeLang}><strong>${escapeXml(tidy(notice.text))}</strong></p>`);
  }
  lines.push('<article>', ...body(doc.paragraphs), '</article>');
  if (doc.footer) {
    const flang = escapeXml(doc.footer.lang);
    const fdir = languageInfoOrBase(doc.footer.lang)?.dir ?? 'ltr';
    lines.push(`<footer class="ai-disclosure" lang="${flang}" dir="${fdir}">`);
    for (const line of doc.footer.lines) lines.push(`<p>${escapeXml(tidy(line))}</p>`);
    lines.push('</footer>');
  }
  lines.push('</body>', '</html>');
  return lines.join('\n') + '\n';
}
