/**
 * DOCX through the `docx` library: Word's own Heading styles, list paragraphs, a Quote style, and
 * the disclosure footer as its own paragraphs in the "AI Disclosure" style after the last one.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  Textbox,
  TextRun,
  type ILevelsOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { renderSpans } from '../../../shared/inline/renderInline.js';
import { languageInfoOrBase } from '../../../shared/languages.js';
import type { ExportDocument, ExportParagraph } from '../model.js';
import { structuredBlocks } from './docxStructure.js';
import { exportTitle, tidy, visibleText } from '../text.js';

export const DISCLOSURE_STYLE_ID = 'AiDisclosure';
export const DRAFT_STYLE_ID = 'VersoDraft';
const QUOTE_STYLE_ID = 'VersoQuote';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function runLanguage(lang: string): NonNullable<IRunOptions['language']> {
  const info = languageInfoOrBase(lang);
  if (info?.dir === 'rtl') return { value: lang, bidirectional: lang };
  if (/^(zh|ja|ko)\b/.test(lang)) return { value: lang, eastAsia: lang };
  return { value: lang };
}

/**
 * The runs of one paragraph's text; newlines and line-break codes become breaks, bold/italic runs
 * keep their formatting, links become hyperlinks (Word's Hyperlink style), inline code a monospace run.
 */
export function docxParagraphRuns(text: string, lang: string, codes: readonly InlineCode[] = []): ParagraphChild[] {
  const language = runLanguage(lang);
  if (codes.length === 0) return text.split('\n').map((line, i) => new TextRun({ text: line, language, ...(i > 0 ? { break: 1 } : {}) }));
  const out: ParagraphChild[] = [];
  let breaks = 0;
  for (const span of renderSpans(text, codes)) {
    if (span.kind === 'break') {
      breaks++;
      continue;
    }
    const run = new TextRun({
      text: span.text,
      language,
      ...(breaks > 0 ? { break: breaks } : {}),
      ...(span.bold ? { bold: true } : {}),
      ...(span.italic ? { italics: true } : {}),
      ...(span.strike ? { strike: true } : {}),
      ...(span.code ? { font: 'Courier New' } : {}),
      ...(span.href ? { style: 'Hyperlink' } : {}),
    });
    breaks = 0;
    out.push(span.href ? new ExternalHyperlink({ link: span.href, children: [run] }) : run);
  }
  if (breaks > 0) out.push(new TextRun({ text: '', language, break: breaks }));
  return out;
}

function headingLevel(marker: string | null): number {
  const n = marker === null ? NaN : Number.parseInt(marker, 10);
  return Number.isInteger(n) ? Math.min(6, Math.max(1, n)) : 1;
}

/** An ordered list as a Word numbered list: its numbering reference, first number and delimiter. */
interface OrderedList {
  reference: string;
  start: number;
  delimiter: '.' | ')';
}

/**
 * Consecutive ordered list items whose numbers count up by one from the first become one Word
 * numbered list (so Word, and Verso's own import, see a list); other ordered items keep their
 * number as text, so the numbering stays exactly the source's.
 */
function orderedLists(paragraphs: readonly ExportParagraph[]): Map<number, OrderedList> {
  const lists = new Map<number, OrderedList>();
  const numberOf = (p: ExportParagraph | undefined) => {
    const m = p?.kind === 'list-item' && p.marker !== null ? /^(\d+)([.)])$/.exec(p.marker) : null;
    return m ? { n: Number(m[1]), delimiter: m[2] as '.' | ')' } : null;
  };
  let i = 0;
  while (i < paragraphs.length) {
    const first = numberOf(paragraphs[i]);
    if (!first) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < paragraphs.length) {
      const next = numberOf(paragraphs[j]);
      if (!next || next.delimiter !== first.delimiter || next.n !== first.n + (j - i)) break;
      j++;
    }
    const list = { reference: `verso-ordered-${lists.size}-${i}`, start: first.n, delimiter: first.delimiter };
    for (let k = i; k < j; k++) lists.set(k, list);
    i = j;
  }
  return lists;
}

/** One paragraph; `extra` runs (note references) go at its end. */
function paragraphOf(
  p: ExportParagraph,
  lang: string,
  rtl: boolean,
  list: OrderedList | undefined,
  extra: ParagraphChild[] = [],
): Paragraph | null {
  const text = visibleText(p);
  if (text === '') return null;
  const base = { bidirectional: rtl };
  const runs = (t: string): ParagraphChild[] => [...docxParagraphRuns(t, lang, p.codes), ...extra];
  switch (p.kind) {
    case 'heading':
      return new Paragraph({ ...base, heading: HEADINGS[headingLevel(p.marker) - 1]!, children: runs(text) });
    case 'list-item': {
      if (list) return new Paragraph({ ...base, numbering: { reference: list.reference, level: 0 }, children: runs(text) });
      const ordered = p.marker !== null && /^\d+[.)]$/.test(p.marker);
      return ordered
        ? new Paragraph({ ...base, indent: { left: 720, hanging: 360 }, children: runs(`${p.marker} ${text}`) })
        : new Paragraph({ ...base, bullet: { level: 0 }, children: runs(text) });
    }
    case 'quote':
      return new Paragraph({ ...base, style: QUOTE_STYLE_ID, children: runs(text) });
    case 'paragraph':
      return new Paragraph({ ...base, children: runs(text) });
  }
}

export async function writeDocx(doc: ExportDocument): Promise<Uint8Array> {
  const rtl = languageInfoOrBase(doc.targetLang)?.dir === 'rtl';
  const children: (Paragraph | Table | Textbox)[] = [];
  if (doc.draftNotice !== null) {
    children.push(new Paragraph({ style: DRAFT_STYLE_ID, children: docxParagraphRuns(tidy(doc.draftNotice.text), doc.draftNotice.lang) }));
  }
  const lists = orderedLists(doc.paragraphs);
  const position = new Map(doc.paragraphs.map((p, i) => [p, i]));
  // Notes, tables and text boxes of a Word import are rebuilt (docxStructure.ts); other paragraphs as they are.
  const { blocks, notes } = structuredBlocks(doc.paragraphs, (p, extra) =>
    paragraphOf(p, doc.targetLang, rtl, p.place ? undefined : lists.get(position.get(p)!), extra),
  );
  children.push(...blocks);
  const level = (list: OrderedList): ILevelsOptions => ({
    level: 0,
    format: LevelFormat.DECIMAL,
    text: `%1${list.delimiter}`,
    start: list.start,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720, hanging: 360 } } },
  });
  if (doc.footer) {
    const frtl = languageInfoOrBase(doc.footer.lang)?.dir === 'rtl';
    for (const line of doc.footer.lines) {
      children.push(
        new Paragraph({ style: DISCLOSURE_STYLE_ID, bidirectional: frtl, children: docxParagraphRuns(tidy(line), doc.footer.lang) }),
      );
    }
  }
  const document = new Document({
    creator: 'Verso',
    title: (doc.draftNotice !== null ? `${doc.draftNotice.titlePrefix}: ` : '') + exportTitle(doc),
    description: doc.draftNotice?.text ?? '',
    // Fixed so that the same export gives the same file.
    lastModifiedBy: 'Verso',
    styles: {
      paragraphStyles: [
        {
          id: DISCLOSURE_STYLE_ID,
          name: 'AI Disclosure',
          basedOn: 'Normal',
          next: DISCLOSURE_STYLE_ID,
          run: { italics: true, size: 18, color: '444444' },
          paragraph: { spacing: { before: 240 }, border: { top: { style: 'single', size: 4, color: '999999', space: 6 } } },
        },
        {
          id: DRAFT_STYLE_ID,
          name: 'Verso Draft Notice',
          basedOn: 'Normal',
          run: { bold: true, color: 'B00020' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        {
          id: QUOTE_STYLE_ID,
          name: 'Quote',
          basedOn: 'Normal',
          run: { italics: true },
          paragraph: { indent: { left: 720, right: 720 } },
        },
      ],
    },
    footnotes: notes.footnotes,
    endnotes: notes.endnotes,
    numbering: { config: [...new Set(lists.values())].map((list) => ({ reference: list.reference, levels: [level(list)] })) },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
