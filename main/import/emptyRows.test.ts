/**
 * No import format ever makes an empty or whitespace-only row: line-break-only and empty-icon
 * elements, no-break spaces, zero-width characters and paragraphs holding only formatting chips
 * are left out, in HTML, Markdown, plain text, DOCX, XLIFF and bilingual pairs alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripTokens } from '../../shared/inline/inlineCodes.js';
import { hasVisibleText } from '../../shared/import/visibleText.js';
import type { ImportedSegment } from '../../shared/import/importedDocument.js';
import { createBackend, type Backend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { parseImportFile, parseImportText } from './parseImport.js';
import { docxParts, makeZip, wp } from './testing/zipWriter.js';

const file = (fileName: string, content: string | Uint8Array) =>
  parseImportFile({ fileName, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });
const texts = (segments: ImportedSegment[]) => segments.map((s) => stripTokens(s.text));

/** Invisible things a CMS or an editor leaves where a paragraph would be. */
const BLANKS = ['\u00a0', '\u200b', '\u200c\u200d', '\u2060', '\ufeff', '\u00ad', '\u3000', '\u2800', '\u3164', ' \u00a0 \u200b '];

function expectNoBlankRows(segments: ImportedSegment[]): void {
  for (const s of segments) expect(hasVisibleText(s.text, s.codes), JSON.stringify(s.text)).toBe(true);
}

describe('HTML', () => {
  const blanks = [
    '<p><br></p>',
    '<p><br/><br/></p>',
    '<p>&nbsp;</p>',
    '<p>&#8203;</p>',
    '<p>&nbsp;&zwnj;&shy;</p>',
    '<p><span class="icon"></span></p>',
    '<p><i class="fa fa-twitter"></i></p>',
    '<p><a href="https://twitter.example/share"><i class="fa fa-twitter"></i></a></p>',
    '<p><a href="https://news.example/x"><svg viewBox="0 0 10 10"><path d="M0 0"/></svg></a></p>',
    '<p><b> </b><em>&#8203;</em></p>',
    '<p><strong><br></strong></p>',
    '<div>&#xfeff;</div>',
    '<h2>&nbsp;</h2>',
    '<ul><li><br></li><li>&nbsp;</li></ul>',
    '<figure><img src="a.jpg" alt="x"><figcaption> &nbsp; </figcaption></figure>',
    '<blockquote><p>&#x2060;</p></blockquote>',
    '<p><a href="https://news.example/"> &nbsp; </a></p>',
    '<table><tr><td>&nbsp;</td><td><br></td></tr></table>',
    ...BLANKS.map((b) => `<p>${b}</p>`),
  ];

  it.each(['article', 'page'] as const)('leaves out every blank element (%s)', async (extract) => {
    const html = `<!doctype html><html><head><title>Blanks</title></head><body><article><h1>Blanks</h1>
      <p>First real paragraph of the story, long enough to be the article.</p>
      ${blanks.join('\n')}
      <p>Last <a href="https://news.example/more">real</a> paragraph.</p></article></body></html>`;
    const parsed = await parseImportFile({ fileName: 'blanks.html', bytes: new TextEncoder().encode(html), extract });
    expectNoBlankRows(parsed.segments);
    expect(texts(parsed.segments)).toEqual([
      'Blanks',
      'First real paragraph of the story, long enough to be the article.',
      'Last real paragraph.',
    ]);
  });

  it('keeps a break inside a real paragraph, but not at its ends', async () => {
    const parsed = await file('a.html', '<p><br>Line one<br>line two<br><br></p>');
    expect(parsed.segments.map((s) => s.text)).toEqual(['Line one\ue200line two']);
    expect(parsed.segments[0]!.codes).toEqual([{ type: 'break' }]);
  });

  it('drops a formatting chip that wraps nothing inside a real paragraph', async () => {
    const parsed = await file('a.html', '<p>Share <a href="https://x.example/"><i class="icon"></i></a> this <b>&nbsp;</b>story.</p>');
    expect(parsed.segments.map((s) => s.text)).toEqual(['Share this story.']);
    expect(parsed.segments[0]!.codes).toBeUndefined();
  });
});

describe('Markdown and plain text', () => {
  it.each(BLANKS)('a paragraph of %j is no row', async (blank) => {
    for (const name of ['a.md', 'a.txt']) {
      const parsed = await file(name, `First.\n\n${blank}\n\nSecond.`);
      expect(texts(parsed.segments), name).toEqual(['First.', 'Second.']);
    }
  });

  it('a line of invisible characters separates paragraphs like a blank line', async () => {
    const parsed = await file('a.txt', 'First.\n\u200b\u00a0\nSecond.');
    expect(texts(parsed.segments)).toEqual(['First.', 'Second.']);
  });

  it('Markdown paragraphs of empty links, empty emphasis or a lone break are no rows', async () => {
    const parsed = await file('a.md', 'First.\n\n[](https://x.example/)\n\n** **\n\n[\u200b](https://x.example/)\n\nSecond.');
    expectNoBlankRows(parsed.segments);
    expect(texts(parsed.segments)).toEqual(['First.', 'Second.']);
  });

  it('pasted text is held to the same rule', async () => {
    expect(texts((await parseImportText('One.\n\n\u200b\n\n\u00a0\n\nTwo.', 'txt')).segments)).toEqual(['One.', 'Two.']);
    await expect(parseImportText('\u200b\n\n\u00a0', 'md')).rejects.toThrow(/no text/);
  });
});

describe('DOCX', () => {
  it('leaves out paragraphs of breaks, tabs, no-break spaces, zero-width characters or an empty link', async () => {
    const rels = `<Relationship Id="rL1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://x.example/" TargetMode="External"/>`;
    const body = [
      wp('First.'),
      '<w:p><w:r><w:br/></w:r></w:p>',
      '<w:p><w:r><w:br/><w:br/></w:r></w:p>',
      '<w:p><w:r><w:tab/></w:r></w:p>',
      ...BLANKS.map((b) => wp(b)),
      '<w:p><w:hyperlink r:id="rL1"><w:r><w:t xml:space="preserve"> </w:t></w:r></w:hyperlink></w:p>',
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>\u200b</w:t></w:r></w:p>',
      wp('Second.'),
    ].join('');
    const parsed = await file('a.docx', makeZip(docxParts(body, { rels })));
    expectNoBlankRows(parsed.segments);
    expect(texts(parsed.segments)).toEqual(['First.', 'Second.']);
  });
});

describe('XLIFF', () => {
  it('leaves out units whose source shows nothing', async () => {
    const unit = (id: number, source: string) => `<trans-unit id="${id}"><source>${source}</source></trans-unit>`;
    const xml = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de" datatype="plaintext" original="a"><body>
      ${unit(1, 'First.')}${unit(2, '&#xa0;')}${unit(3, '&#x200b;')}${unit(4, '<x id="1"/>')}${unit(5, '<g id="2"> </g>')}${unit(6, ' <ph id="3">&lt;br/&gt;</ph> ')}${unit(7, 'Second.')}
    </body></file></xliff>`;
    const parsed = await file('a.xlf', xml);
    expectNoBlankRows(parsed.segments);
    expect(texts(parsed.segments)).toEqual(['First.', 'Second.']);
  });
});

describe('bilingual pairs', () => {
  let dir: string;
  let backend: Backend;
  beforeEach(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [createFakeEngine({ id: 'fake', name: 'Fake' })] });
    await backend.api.setProfile({ name: 'Ana', role: 'translator' });
  });
  afterEach(() => {
    backend.close();
    removeTempDir(dir);
  });
  const md = (text: string, fileName: string) => ({ kind: 'file' as const, fileName, dataBase64: Buffer.from(text).toString('base64') });

  it('aligns and stores no blank row on either side, and an invisible translation counts as none', async () => {
    const source = md('# Title\n\n\u200b\n\nFirst.\n\n\u00a0\n\nSecond.', 'a.md');
    const translation = md('Titel\n\n\u2060\n\nErstens.\n\nZweitens.', 'a.de.txt');
    const aligned = await backend.api.alignBilingual({ source, translation });
    expect(aligned.sources.map((s) => s.text)).toEqual(['Title', 'First.', 'Second.']);
    expect(aligned.translations).toEqual(['Titel', 'Erstens.', 'Zweitens.']);
    const doc = await backend.api.importBilingual({
      source,
      targets: ['Titel', '\u200b\u00a0', 'Zweitens.'],
      sourceLang: 'en',
      targetLang: 'de',
    });
    expect(doc.paragraphs.map((p) => [p.source, p.target, p.status])).toEqual([
      ['Title', 'Titel', 'edited'],
      ['First.', '', 'new'],
      ['Second.', 'Zweitens.', 'edited'],
    ]);
  });
});
