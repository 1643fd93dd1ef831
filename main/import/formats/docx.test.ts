import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from '../../testing/failure.js';
import { LIMITS } from '../../../shared/limits.js';
import { parseImportFile } from '../parseImport.js';
import { IMPORT_LIMITS } from '../limits.js';
import { docxParts, makeZip, wp } from '../testing/zipWriter.js';
import { readDocx, runsText, type DocxParagraph } from './docx.js';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'docx');

const shape = (ps: DocxParagraph[]) => ps.map((p) => [p.kind, p.marker, runsText(p.runs)]);
const marks = (p: DocxParagraph) => p.runs.map((r) => [r.text, (r.bold ? 'b' : '') + (r.italic ? 'i' : ''), r.href]);

describe('DOCX made by LibreOffice', () => {
  it('reads headings, paragraphs and list items with their numbers, in order', async () => {
    const paragraphs = await readDocx(fs.readFileSync(path.join(FIXTURES, 'article.docx')));
    expect(shape(paragraphs)).toEqual([
      ['heading', '1', 'Flood waters rise in Müllheim'],
      ['paragraph', null, 'Heavy rain caused the river to burst its banks on Monday night.'],
      ['heading', '2', 'What the council said'],
      ['paragraph', null, 'The mayor announced new measures, see the council site for details.'],
      ['list-item', null, 'More buses'],
      ['list-item', null, 'Fewer cars'],
      ['list-item', '1.', 'First step'],
      ['list-item', '2.', 'Second step'],
      ['heading', '3', 'Background'],
      ['paragraph', null, 'Residents said the water rose “faster than ever”.'],
    ]);
  });

  it('keeps bold and italic runs and hyperlink targets (a heading style’s own bold is not inline markup)', async () => {
    const paragraphs = await readDocx(fs.readFileSync(path.join(FIXTURES, 'article.docx')));
    expect(marks(paragraphs[0]!)).toEqual([['Flood waters rise in Müllheim', '', null]]);
    expect(marks(paragraphs[1]!)).toEqual([
      ['Heavy rain caused the river to ', '', null],
      ['burst its banks', 'b', null],
      [' on ', '', null],
      ['Monday', 'i', null],
      [' night.', '', null],
    ]);
    expect(marks(paragraphs[3]!)).toContainEqual(['the council site', '', 'https://example.org/council']);
  });

  it('imports through parseImportFile as the docx format', async () => {
    const parsed = await parseImportFile({ fileName: 'Story.DOCX', bytes: fs.readFileSync(path.join(FIXTURES, 'article.docx')) });
    expect(parsed.format).toBe('docx');
    expect(parsed.segments[0]).toEqual({ kind: 'heading', marker: '1', text: 'Flood waters rise in Müllheim', target: null });
  });
});

describe('WordprocessingML details', () => {
  const styles = `
    <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
    <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:rPr><w:b/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/></w:style>
    <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My heading"/><w:basedOn w:val="berschrift2"/></w:style>
    <w:style w:type="paragraph" w:styleId="Aufz"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
    <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>`;
  const numbering = `
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
  const rels = `<Relationship Id="rL1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://news.example/a?b=1&amp;c=2" TargetMode="External"/>
    <Relationship Id="rL2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>`;
  const item = (text: string, numId: string, ilvl = 0) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const body = [
    wp('The Title', 'Titel'),
    wp('Localised heading 2', 'berschrift2'),
    wp('Inherited heading', 'MyHeading'),
    '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Outline level heading</w:t></w:r></w:p>',
    wp('A quote.', 'Zitat'),
    '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del w:id="1"><w:r><w:delText>deleted </w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>inserted</w:t></w:r></w:ins>' +
      '<w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:tab/><w:t>tab</w:t><w:br/><w:t>line</w:t></w:r></w:p>',
    '<w:p><w:r><w:rPr><w:b/><w:i/></w:rPr><w:t xml:space="preserve">Both </w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">none </w:t></w:r>' +
      '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">strong </w:t></w:r>' +
      '<w:hyperlink r:id="rL1"><w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> and </w:t></w:r>' +
      '<w:hyperlink r:id="rL2"><w:r><w:t>bad link</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> and </w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://field.example/" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      '<w:r><w:t>field link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>',
    item('One', '1'),
    item('One a', '1', 1),
    item('One b', '1', 1),
    item('Two', '1'),
    item('Two a', '1', 1),
    wp('Bullet by style', 'Aufz'),
    '<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>After the box</w:t></w:r></w:p>',
    '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>In a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    '<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>',
    '<w:sectPr><w:p><w:r><w:t>never</w:t></w:r></w:p></w:sectPr>',
  ].join('');

  it('maps styles (by name, localised ids, inheritance, outline level), lists, fields, tables; leaves out deletions, drawings and empty paragraphs', async () => {
    const paragraphs = await readDocx(makeZip(docxParts(body, { styles, numbering, rels })));
    expect(shape(paragraphs)).toEqual([
      ['heading', '1', 'The Title'],
      ['heading', '2', 'Localised heading 2'],
      ['heading', '2', 'Inherited heading'],
      ['heading', '3', 'Outline level heading'],
      ['quote', null, 'A quote.'],
      ['paragraph', null, 'Kept inserted tab\nline'],
      ['paragraph', null, 'Both none strong link and bad link and field link.'],
      ['list-item', '1.', 'One'],
      ['list-item', '1.', 'One a'],
      ['list-item', '2.', 'One b'],
      ['list-item', '2.', 'Two'],
      ['list-item', '1.', 'Two a'],
      ['list-item', null, 'Bullet by style'],
      ['paragraph', null, 'Cell one'],
      ['paragraph', null, 'Cell two'],
      ['paragraph', null, 'After the box'],
      ['paragraph', null, 'In a content control'],
    ]);
    expect(marks(paragraphs[6]!)).toEqual([
      ['Both ', 'bi', null],
      ['none ', '', null],
      ['strong ', 'b', null],
      ['link', '', 'https://news.example/a?b=1&c=2'],
      [' and bad link and ', '', null],
      ['field link', '', 'https://field.example/'],
      ['.', '', null],
    ]);
  });

  it('reads a document without styles, numbering or relationships parts (built-in style ids)', async () => {
    const paragraphs = await readDocx(makeZip(docxParts(wp('Head', 'Heading3') + wp('Title', 'Title') + wp('Body'))));
    expect(shape(paragraphs)).toEqual([
      ['heading', '3', 'Head'],
      ['heading', '1', 'Title'],
      ['paragraph', null, 'Body'],
    ]);
  });

  it('follows the package relationship to a main document with another name', async () => {
    const parts = docxParts(wp('Elsewhere')).map((p) =>
      p.name === 'word/document.xml'
        ? { ...p, name: 'word/document2.xml' }
        : p.name === '_rels/.rels'
          ? { ...p, data: String(p.data).replace('word/document.xml', '/word/document2.xml') }
          : p,
    );
    expect(shape(await readDocx(makeZip(parts)))).toEqual([['paragraph', null, 'Elsewhere']]);
  });

  it('refuses more paragraphs than the import limit like any other format', async () => {
    const many = Array.from({ length: IMPORT_LIMITS.paragraphs + 1 }, (_, i) => wp(`P${i}`)).join('');
    expect(await failure(parseImportFile({ fileName: 'many.docx', bytes: makeZip(docxParts(many)) }))).toMatchObject({
      code: 'IMPORT_TOO_MANY_PARAGRAPHS',
    });
  });

  it('imports a Word file with photos larger than a pasted article may be (its pictures are never unpacked)', async () => {
    // 20 MB of incompressible "photo", stored: over the 16 MB for pasted text, under the 32 MB file limit.
    let x = 2463534242;
    const photo = new Uint8Array(20 * 1024 * 1024).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
    const bytes = makeZip([...docxParts(wp('The river rose.')), { name: 'word/media/image1.jpeg', data: photo, method: 'store' }]);
    expect(bytes.length).toBeGreaterThan(LIMITS.importBytes);
    expect(bytes.length).toBeLessThan(LIMITS.importFileBytes);
    const parsed = await parseImportFile({ fileName: 'photos.docx', bytes });
    expect(parsed.segments.map((s) => s.text)).toEqual(['The river rose.']);
  });
});
