/**
 * Issue 14, item 6: a Word file's notes, tables, text boxes, comments and strikethrough are
 * imported, and whatever cannot be (images, equations, charts…) is listed in the import report.
 * Fixtures are written with the `docx` package (docxFixtures.ts) or, for WordprocessingML the
 * package cannot write (mc:AlternateContent, charts, fields), by hand from ECMA-376.
 */
import { describe, expect, it } from 'vitest';
import { failure } from '../../testing/failure.js';
import { stripTokens } from '../../../shared/inline/inlineCodes.js';
import type { ImportReportEntry } from '../../../shared/import/importReport.js';
import { parseImportFile } from '../parseImport.js';
import { richDocx, textBoxOnlyDocx } from '../testing/docxFixtures.js';
import { docxParts, makeZip } from '../testing/zipWriter.js';
import { parseDocx } from './docx.js';

const entry = (entries: ImportReportEntry[], item: string) => entries.find((e) => e.item === item);

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"';

/** A document part with the namespaces Word declares (docxParts' own declares fewer). */
function wordFile(body: string): Buffer {
  return makeZip(
    docxParts('').map((p) =>
      p.name === 'word/document.xml'
        ? { ...p, data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>` }
        : p,
    ),
  );
}

const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (inner: string) => `<w:p>${inner}</w:p>`;

describe('DOCX made with the docx package: nothing vanishes silently', () => {
  it('imports footnotes and endnotes after the body, each knowing its note and the paragraph with its reference', async () => {
    const parsed = await parseDocx(await richDocx());
    const texts = parsed.segments.map((s) => stripTokens(s.text));
    const foot = parsed.segments.findIndex((s) => s.place?.kind === 'footnote');
    const end = parsed.segments.findIndex((s) => s.place?.kind === 'endnote');
    expect(texts[foot]).toBe('Measured at the Basel gauge.');
    expect(parsed.segments[foot]!.place).toEqual({
      kind: 'footnote',
      note: 1,
      ref: texts.indexOf('The river rose by two metres on Monday.'),
    });
    expect(texts[end]).toBe('Source: cantonal police.');
    expect(parsed.segments[end]!.place).toEqual({ kind: 'endnote', note: 1, ref: texts.indexOf('Residents were evacuated.') });
    expect(foot).toBeGreaterThan(texts.indexOf('Residents were evacuated.'));
    expect(entry(parsed.report!.entries, 'footnote')).toMatchObject({ kept: true, count: 1 });
    expect(entry(parsed.report!.entries, 'endnote')).toMatchObject({ kept: true, count: 1 });
  });

  it('keeps table cells as paragraphs with their table, row, column and merged spans', async () => {
    const parsed = await parseDocx(await richDocx());
    const cells = parsed.segments.filter((s) => s.place?.kind === 'cell').map((s) => [s.text, s.place]);
    const at = (row: number, col: number, colSpan = 1, rowSpan = 1) => ({
      kind: 'cell',
      table: 1,
      row,
      col,
      colSpan,
      rowSpan,
      rows: 3,
      cols: 3,
    });
    expect(cells).toEqual([
      ['Town', at(0, 0, 2)],
      ['Level', at(0, 2)],
      ['Müllheim', at(1, 0)],
      ['Rhine', at(1, 1, 1, 2)],
      ['4.2 m', at(1, 2)],
      ['Basel', at(2, 0)],
      ['3.1 m', at(2, 2)],
    ]);
    expect(entry(parsed.report!.entries, 'table')).toMatchObject({
      kept: true,
      count: 1,
      paragraphs: [parsed.segments.findIndex((s) => s.text === 'Town') + 1],
    });
  });

  it('reads a text box (VML v:textbox) as its own paragraph after its anchor', async () => {
    const parsed = await parseDocx(await richDocx());
    const box = parsed.segments.find((s) => s.place?.kind === 'textbox');
    expect(box).toMatchObject({ text: 'Helpline: call 112.', place: { kind: 'textbox', box: 1 } });
    expect(entry(parsed.report!.entries, 'textBox')).toMatchObject({ kept: true, count: 1 });
  });

  it('imports a document whose only text is in a text box (it used to be refused as empty)', async () => {
    const parsed = await parseImportFile({ fileName: 'box.docx', bytes: await textBoxOnlyDocx() });
    expect(parsed.segments.map((s) => s.text)).toEqual(['Only in the box.']);
  });

  it('attaches a comment to the paragraph it anchors to, with its author and date', async () => {
    const parsed = await parseDocx(await richDocx());
    const commented = parsed.segments.filter((s) => s.comments);
    expect(commented.map((s) => stripTokens(s.text))).toEqual(['The river rose by two metres on Monday.']);
    expect(commented[0]!.comments).toEqual([
      { author: 'Ana Editor', at: '2026-01-05T10:00:00.000Z', text: 'Check the figure with the agency.' },
    ]);
  });

  it('keeps strikethrough as a paired inline code', async () => {
    const parsed = await parseDocx(await richDocx());
    const p = parsed.segments.find((s) => stripTokens(s.text) === 'The bridge is open closed.')!;
    expect(p.codes).toEqual([{ type: 'strike' }]);
    expect(p.text).toBe('The bridge is \uE000open\uE100 closed.');
    expect(entry(parsed.report!.entries, 'strike')).toMatchObject({ kept: true, count: 1 });
  });

  it('lists the image and the equation it cannot import, with where they were', async () => {
    const parsed = await parseDocx(await richDocx());
    const texts = parsed.segments.map((s) => stripTokens(s.text));
    expect(entry(parsed.report!.entries, 'image')).toEqual({
      item: 'image',
      kept: false,
      count: 1,
      paragraphs: [texts.indexOf('The bridge is open closed.') + 1],
      details: [],
    });
    expect(entry(parsed.report!.entries, 'equation')).toEqual({
      item: 'equation',
      kept: false,
      count: 1,
      paragraphs: [texts.indexOf('The flow is') + 1],
      details: [],
    });
  });

  it('a plain document has an empty report', async () => {
    const parsed = await parseDocx(
      await richDocx({
        footnote: false,
        endnote: false,
        table: false,
        textBox: false,
        comment: false,
        strike: false,
        image: false,
        equation: false,
      }),
    );
    expect(parsed.report).toEqual({ format: 'docx', entries: [] });
  });
});

describe('WordprocessingML written by hand (ECMA-376)', () => {
  const drawingBox = (t: string) =>
    `<w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${para(run(t))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
  const vmlBox = (t: string) => `<w:pict><v:shape><v:textbox><w:txbxContent>${para(run(t))}</w:txbxContent></v:textbox></v:shape></w:pict>`;

  it('reads a DrawingML text box once, never again from its mc:Fallback copy', async () => {
    const body = para(
      `${run('Anchor')}<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawingBox('Boxed text')}</mc:Choice><mc:Fallback>${vmlBox('Boxed text')}</mc:Fallback></mc:AlternateContent></w:r>`,
    );
    const parsed = await parseDocx(wordFile(body));
    expect(parsed.segments.map((s) => [s.text, s.place?.kind ?? 'body'])).toEqual([
      ['Anchor', 'body'],
      ['Boxed text', 'textbox'],
    ]);
    expect(entry(parsed.report!.entries, 'textBox')).toMatchObject({ count: 1, paragraphs: [1] });
  });

  it('lists charts, SmartArt, embedded objects and documents, symbol characters, fields, tracked deletions and nested tables', async () => {
    const graphic = (uri: string) =>
      `<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="${uri}"/></a:graphic></wp:inline></w:drawing></w:r>`;
    const body = [
      para(run('Chart here') + graphic('http://schemas.openxmlformats.org/drawingml/2006/chart')),
      para(run('Diagram here') + graphic('http://schemas.openxmlformats.org/drawingml/2006/diagram')),
      para(run('Object here') + '<w:r><w:object><v:shape><v:imagedata r:id="x"/></v:shape></w:object></w:r>'),
      para(
        run('Page ') +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          run('3') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
      para(run('Date ') + `<w:fldSimple w:instr=" DATE \\@ &quot;d.M.yyyy&quot; ">${run('5.1.2026')}</w:fldSimple>`),
      para(run('Kept') + '<w:del w:id="1"><w:r><w:delText>gone</w:delText></w:r></w:del>'),
      para(run('Arrow') + '<w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>') + '<w:altChunk r:id="chunk1"/>',
      `<w:tbl><w:tr><w:tc>${para(run('Outer'))}<w:tbl><w:tr><w:tc>${para(run('Inner'))}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`,
    ].join('');
    const parsed = await parseDocx(wordFile(body));
    const e = parsed.report!.entries;
    expect(entry(e, 'chart')).toMatchObject({ kept: false, count: 1, paragraphs: [1] });
    expect(entry(e, 'smartArt')).toMatchObject({ kept: false, count: 1, paragraphs: [2] });
    expect(entry(e, 'field')).toMatchObject({ kept: false, count: 2, paragraphs: [4, 5], details: ['PAGE', 'DATE'] });
    expect(entry(e, 'trackedDeletion')).toMatchObject({ kept: false, count: 1, paragraphs: [6] });
    expect(entry(e, 'nestedTable')).toMatchObject({ kept: false, count: 1 });
    expect(entry(e, 'symbol')).toMatchObject({ kept: false, count: 1, paragraphs: [7], details: ['Wingdings'] });
    expect(entry(e, 'object')).toMatchObject({ count: 2, paragraphs: [3, 7], details: ['altChunk'] });
    // A field's shown text and a nested table's text are still imported (the nested cell as a paragraph of the outer cell).
    expect(parsed.segments.map((s) => s.text)).toEqual([
      'Chart here',
      'Diagram here',
      'Object here',
      'Page 3',
      'Date 5.1.2026',
      'Kept',
      'Arrow',
      'Outer',
      'Inner',
    ]);
    expect(parsed.segments[8]!.place).toMatchObject({ kind: 'cell', table: 1, row: 0, col: 0 });
  });

  it('lists headers and footers (not imported) and notes nothing refers to', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const parts = [
      ...docxParts(para(run('Body')), {
        rels: rel('h1', 'header', 'header1.xml') + rel('f1', 'footer', 'footer1.xml') + rel('n1', 'footnotes', 'footnotes.xml'),
      }),
      { name: 'word/header1.xml', data: `<w:hdr ${W}>${para(run('Header'))}</w:hdr>` },
      { name: 'word/footer1.xml', data: `<w:ftr ${W}>${para(run('Footer'))}</w:ftr>` },
      {
        name: 'word/footnotes.xml',
        data: `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1">${para('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="5">${para(run('Orphan note'))}</w:footnote></w:footnotes>`,
      },
    ];
    const parsed = await parseDocx(makeZip(parts));
    expect(parsed.segments.map((s) => s.text)).toEqual(['Body']);
    expect(entry(parsed.report!.entries, 'headerFooter')).toMatchObject({ kept: false, count: 2, paragraphs: [] });
    expect(entry(parsed.report!.entries, 'unreferencedNote')).toMatchObject({ kept: false, count: 1 });
  });

  it('reads a hyperlink in a note through the relationships of the notes part, not those of the document', async () => {
    const W =
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const link = (id: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`;
    const parts = [
      ...docxParts(para(run('Claim') + '<w:r><w:footnoteReference w:id="1"/></w:r>'), {
        rels:
          '<Relationship Id="n1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' +
          link('rId9', 'https://wrong.example/'),
      }),
      {
        name: 'word/footnotes.xml',
        data: `<w:footnotes ${W}><w:footnote w:id="1">${para(`<w:hyperlink r:id="rId9">${run('the source')}</w:hyperlink>`)}</w:footnote></w:footnotes>`,
      },
      {
        name: 'word/_rels/footnotes.xml.rels',
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${link('rId9', 'https://right.example/')}</Relationships>`,
      },
    ];
    const note = (await parseDocx(makeZip(parts))).segments[1]!;
    expect(note.place).toEqual({ kind: 'footnote', note: 1, ref: 0 });
    expect(note.codes).toEqual([{ type: 'link', href: 'https://right.example/' }]);
  });

  it('counts the notes and comments parts in the archive limits (a bomb in comments.xml is refused, lying or not)', async () => {
    const rel =
      '<Relationship Id="c1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>';
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const comments = `<w:comments ${W}>${'<w:comment w:id="1"><w:p/></w:comment>'.repeat(2000)}</w:comments>`;
    const honest = makeZip([...docxParts(para(run('Body')), { rels: rel }), { name: 'word/comments.xml', data: comments }]);
    const limits = { entries: 100, partBytes: 20_000, totalBytes: 1_000_000 };
    expect(await failure(parseDocx(honest, limits))).toMatchObject({ code: 'IMPORT_ZIP_TOO_LARGE' });
    const lying = makeZip([
      ...docxParts(para(run('Body')), { rels: rel }),
      { name: 'word/comments.xml', data: comments, declaredSize: 100 },
    ]);
    expect(await failure(parseDocx(lying, limits))).toMatchObject({ code: 'IMPORT_ZIP_SIZE_MISMATCH' });
  });

  it('still refuses a document with no text at all, and a note part cannot hold an entity bomb', async () => {
    expect(await failure(parseImportFile({ fileName: 'empty.docx', bytes: wordFile(para('<w:r><w:drawing/></w:r>')) }))).toMatchObject({
      code: 'IMPORT_EMPTY',
    });
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:footnotes>';
    const parts = [
      ...docxParts(para(run('Body')), {
        rels: '<Relationship Id="n1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
      }),
      { name: 'word/footnotes.xml', data: bomb },
    ];
    expect(await failure(parseImportFile({ fileName: 'bomb.docx', bytes: makeZip(parts) }))).toMatchObject({ code: 'IMPORT_XML_ENTITIES' });
  });
});
