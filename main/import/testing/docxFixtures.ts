/**
 * Tests only: Word files made with the `docx` package (as another program would write them, not
 * by Verso's own exporter), with the parts issue 14 is about: foot- and endnotes, tables with
 * merged cells, a text box, comments, strikethrough, an image and an equation.
 */
import zlib from 'node:zlib';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  ImageRun,
  Math as DocxMath,
  MathRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  type FileChild,
} from 'docx';

/** A 2×2 PNG (valid CRC and zlib data), enough for Word and LibreOffice to show a picture. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const cell = (text: string, extra: { columnSpan?: number; rowSpan?: number } = {}): TableCell =>
  new TableCell({ children: text === '' ? [new Paragraph('')] : [new Paragraph(text)], ...extra });

/**
 * The table of the rich fixture (3 grid columns):
 *   | Town (2 columns)         | Level  |
 *   | Müllheim | Rhine (2 rows)| 4.2 m  |
 *   | Basel    |               | 3.1 m  |
 */
export function mergedTable(): Table {
  return new Table({
    rows: [
      new TableRow({ children: [cell('Town', { columnSpan: 2 }), cell('Level')] }),
      new TableRow({ children: [cell('Müllheim'), cell('Rhine', { rowSpan: 2 }), cell('4.2 m')] }),
      new TableRow({ children: [cell('Basel'), cell('3.1 m')] }),
    ],
  });
}

export interface RichDocxOptions {
  footnote?: boolean;
  endnote?: boolean;
  table?: boolean;
  textBox?: boolean;
  comment?: boolean;
  strike?: boolean;
  image?: boolean;
  equation?: boolean;
}

/** A news article in Word with every feature asked for (all by default). */
export async function richDocx(options: RichDocxOptions = {}): Promise<Buffer> {
  const o = {
    footnote: true,
    endnote: true,
    table: true,
    textBox: true,
    comment: true,
    strike: true,
    image: true,
    equation: true,
    ...options,
  };
  const children: FileChild[] = [new Paragraph({ children: [new TextRun('Floods in the valley')], heading: 'Heading1' })];
  children.push(
    new Paragraph({
      children: [
        ...(o.comment ? [new CommentRangeStart(0)] : []),
        new TextRun('The river rose by two metres'),
        ...(o.footnote ? [new FootnoteReferenceRun(1)] : []),
        new TextRun(' on Monday.'),
        ...(o.comment ? [new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] : []),
      ],
    }),
  );
  if (o.strike) {
    children.push(
      new Paragraph({ children: [new TextRun('The bridge is '), new TextRun({ text: 'open', strike: true }), new TextRun(' closed.')] }),
    );
  }
  if (o.image) {
    children.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: tinyPng(),
            transformation: { width: 40, height: 40 },
            altText: { name: 'Map', description: 'Map of the flood', title: 'Map' },
          }),
        ],
      }),
    );
    children.push(new Paragraph('The map shows the flooded streets.'));
  }
  if (o.table) children.push(mergedTable());
  if (o.textBox) {
    children.push(new Textbox({ style: { width: '200pt', height: '50pt' }, children: [new Paragraph('Helpline: call 112.')] }));
  }
  if (o.equation) {
    children.push(new Paragraph({ children: [new TextRun('The flow is '), new DocxMath({ children: [new MathRun('Q = v·A')] })] }));
  }
  children.push(
    new Paragraph({
      children: [new TextRun('Residents were evacuated'), ...(o.endnote ? [new EndnoteReferenceRun(1)] : []), new TextRun('.')],
    }),
  );
  const doc = new Document({
    creator: 'Fixture',
    ...(o.footnote ? { footnotes: { 1: { children: [new Paragraph('Measured at the Basel gauge.')] } } } : {}),
    ...(o.endnote ? { endnotes: { 1: { children: [new Paragraph('Source: cantonal police.')] } } } : {}),
    ...(o.comment
      ? {
          comments: {
            children: [
              {
                id: 0,
                author: 'Ana Editor',
                date: new Date('2026-01-05T10:00:00Z'),
                children: [new Paragraph('Check the figure with the agency.')],
              },
            ],
          },
        }
      : {}),
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** A document whose only text is in a text box. */
export async function textBoxOnlyDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: [new Textbox({ style: { width: '200pt', height: '50pt' }, children: [new Paragraph('Only in the box.')] })] }],
  });
  return Packer.toBuffer(doc);
}
