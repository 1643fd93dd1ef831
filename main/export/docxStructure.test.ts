/**
 * Issue 14, item 6, end to end through the API: a Word file with notes, a merged table, a text
 * box, a comment, strikethrough and an image is imported, translated and exported as DOCX; the
 * export's XML has the table with the translated cells (spans kept) and real foot-/endnotes, our
 * importer reads the same structure back, and LibreOffice opens it and shows the translated notes
 * and cells. LibreOffice is required here: a missing `soffice` fails this test, never skips it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripTokens } from '../../shared/inline/inlineCodes.js';
import type { DocumentDetail } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { parseDocx } from '../import/formats/docx.js';
import { richDocx } from '../import/testing/docxFixtures.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { docxParts } from './testing/docxParagraphs.js';

let dir: string;
let backend: Backend;
let doc: DocumentDetail;
let exported: Buffer;

/** The "translation": Spanish marker before the source, tokens kept. */
const es = (source: string) => `ES ${source}`;

beforeAll(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [createFakeEngine({ id: 'fake' })] });
  const { api } = backend;
  await api.setProfile({ name: 'Eda', role: 'editor' });
  await api.updateSettings({ footerPolicy: 'never', reason: 'The test compares the text only' });
  const bytes = await richDocx();
  doc = await api.importDocument({
    source: { kind: 'file', fileName: 'floods.docx', dataBase64: bytes.toString('base64') },
    sourceLang: 'en',
    targetLang: 'es',
  });
  for (const p of doc.paragraphs) await api.updateParagraphTarget({ paragraphId: p.id, target: es(p.source) });
  const ids = doc.paragraphs.map((p) => p.id);
  await api.confirmParagraphs({ paragraphIds: ids });
  await api.signOffParagraphs({ paragraphIds: ids });
  const result = await api.exportFile({ documentId: doc.id, format: 'docx', mode: 'publish' });
  exported = Buffer.from(result.content, result.encoding === 'base64' ? 'base64' : 'utf8');
}, 60_000);

afterAll(() => {
  backend.close();
  removeTempDir(dir);
});

describe('a Word file imported, translated and exported as DOCX', () => {
  it('stores where paragraphs sat, the import report and the Word comment', async () => {
    const byText = (t: string) => doc.paragraphs.find((p) => stripTokens(p.source) === t)!;
    expect(byText('Measured at the Basel gauge.').place).toEqual({
      kind: 'footnote',
      note: 1,
      refParagraphId: byText('The river rose by two metres on Monday.').id,
    });
    expect(byText('Rhine').place).toMatchObject({ kind: 'cell', table: 1, row: 1, col: 1, rowSpan: 2 });
    expect(byText('Helpline: call 112.').place).toEqual({ kind: 'textbox', box: 1 });
    expect(doc.importReport?.entries.map((e) => [e.item, e.kept])).toEqual([
      ['footnote', true],
      ['endnote', true],
      ['textBox', true],
      ['table', true],
      ['comment', true],
      ['strike', true],
      ['image', false],
      ['equation', false],
    ]);
    // Read again, the document still has them (getDocument, getParagraphPage).
    const again = await backend.api.getDocument({ documentId: doc.id });
    expect(again.importReport).toEqual(doc.importReport);
    const page = await backend.api.getParagraphPage({ documentId: doc.id, from: 0 });
    expect(page.paragraphs.filter((p) => p.place).length).toBe(10);
    const comments = await backend.api.listComments({ documentId: doc.id });
    expect(comments.map((c) => [c.paragraphId, c.authorName, c.body])).toEqual([
      [byText('The river rose by two metres on Monday.').id, 'Ana Editor', 'Check the figure with the agency.'],
    ]);
  });

  it('rebuilds the table (merged cells kept) and writes real foot- and endnotes', () => {
    const parts = docxParts(exported);
    const body = parts['word/document.xml']!;
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(body)?.[0] ?? '';
    for (const cell of ['ES Town', 'ES Level', 'ES Müllheim', 'ES Rhine', 'ES 4.2 m', 'ES Basel', 'ES 3.1 m'])
      expect(table).toContain(`>${cell}<`);
    expect(table).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(table).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(table).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect(body).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(body).toMatch(/<w:endnoteReference w:id="1"\/>/);
    expect(parts['word/footnotes.xml']).toContain('ES Measured at the Basel gauge.');
    expect(parts['word/endnotes.xml']).toContain('ES Source: cantonal police.');
    // The note paragraphs are notes, not body text; the strikethrough run is still struck through.
    expect(body).not.toContain('ES Measured at the Basel gauge.');
    expect(body).toMatch(/<w:strike\/>(?:<[^>]+>)*<w:t[^>]*>open<\/w:t>/);
  });

  it('reads back with the same structure through our own importer', async () => {
    const parsed = await parseDocx(exported);
    const texts = parsed.segments.map((s) => stripTokens(s.text));
    const cell = parsed.segments.find((s) => s.text === 'ES Rhine');
    expect(cell?.place).toMatchObject({ kind: 'cell', row: 1, col: 1, rowSpan: 2, rows: 3, cols: 3 });
    const note = parsed.segments.find((s) => s.place?.kind === 'footnote');
    expect(note?.text).toBe('ES Measured at the Basel gauge.');
    expect(note?.place).toMatchObject({ ref: texts.indexOf('ES The river rose by two metres on Monday.') });
    expect(parsed.segments.find((s) => s.place?.kind === 'endnote')?.text).toBe('ES Source: cantonal police.');
    expect(parsed.segments.find((s) => s.place?.kind === 'textbox')?.text).toBe('ES Helpline: call 112.');
  });

  it('opens in LibreOffice as real notes and a real table with the translated text', { timeout: 180_000 }, () => {
    const file = path.join(dir, 'floods-es.docx');
    fs.writeFileSync(file, exported);
    const out = path.join(dir, 'lo-out');
    // Flat ODT: LibreOffice's own reading of the file, where notes and tables are elements (its plain-text export leaves notes out).
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'fodt',
        '--outdir',
        out,
        file,
      ],
      {
        encoding: 'utf8',
        timeout: 170_000,
      },
    );
    expect(r.error, 'LibreOffice (soffice) must be installed for this test').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const xml = fs.readFileSync(path.join(out, 'floods-es.fodt'), 'utf8');
    const textOf = (fragment: string) => fragment.replace(/<[^>]+>/g, '');
    const notes = [...xml.matchAll(/<text:note text:id="[^"]*" text:note-class="(footnote|endnote)">([\s\S]*?)<\/text:note>/g)].map((m) => [
      m[1],
      textOf(m[2]!),
    ]);
    expect(notes).toEqual([
      ['footnote', expect.stringContaining('ES Measured at the Basel gauge.')],
      ['endnote', expect.stringContaining('ES Source: cantonal police.')],
    ]);
    const table = /<table:table [\s\S]*?<\/table:table>/.exec(xml)?.[0] ?? '';
    for (const cell of ['ES Town', 'ES Level', 'ES Müllheim', 'ES Rhine', 'ES 4.2 m', 'ES Basel', 'ES 3.1 m'])
      expect(textOf(table)).toContain(cell);
    expect(table).toMatch(/table:number-columns-spanned="2"/);
    expect(table).toMatch(/table:number-rows-spanned="2"/);
    expect(textOf(xml)).toContain('ES Helpline: call 112.');
  });

  it(
    'saved again as DOCX by LibreOffice (its text box in mc:AlternateContent), imports with the same structure',
    { timeout: 180_000 },
    async () => {
      const file = path.join(dir, 'floods-es.docx');
      fs.writeFileSync(file, exported);
      const out = path.join(dir, 'lo-docx');
      const r = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          out,
          file,
        ],
        { encoding: 'utf8', timeout: 170_000 },
      );
      expect(r.error, 'LibreOffice (soffice) must be installed for this test').toBeUndefined();
      expect(r.status, r.stderr).toBe(0);
      const parsed = await parseDocx(fs.readFileSync(path.join(out, 'floods-es.docx')));
      const placed = parsed.segments.filter((s) => s.place).map((s) => [stripTokens(s.text), s.place!.kind]);
      expect(placed).toEqual([
        ['ES Town', 'cell'],
        ['ES Level', 'cell'],
        ['ES Müllheim', 'cell'],
        ['ES Rhine', 'cell'],
        ['ES 4.2 m', 'cell'],
        ['ES Basel', 'cell'],
        ['ES 3.1 m', 'cell'],
        ['ES Helpline: call 112.', 'textbox'],
        ['ES Measured at the Basel gauge.', 'footnote'],
        ['ES Source: cantonal police.', 'endnote'],
      ]);
      expect(parsed.report!.entries.find((e) => e.item === 'textBox')?.count).toBe(1);
    },
  );
});
