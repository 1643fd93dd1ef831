/**
 * Round trips: import → export → import gives the same paragraphs, for every format Verso reads.
 * Each format goes out through its own exporter (and through Markdown and plain text) and comes
 * back in; with the source as the translation, the paragraphs (kind, level/marker, text, inline
 * codes) must survive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFileFormat } from '../../shared/features/exportingApi.js';
import { renderPlainText } from '../../shared/inline/renderInline.js';
import type { Paragraph } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

let dir: string;
let backend: Backend;
beforeAll(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [createFakeEngine({ id: 'fake' })] });
  await backend.api.setProfile({ name: 'Eda', role: 'editor' });
  await backend.api.updateSettings({ footerPolicy: 'never', reason: 'Round trips compare the text only' });
});
afterAll(() => {
  backend.close();
  removeTempDir(dir);
});

const file = (fileName: string, content: string | Uint8Array) => ({
  kind: 'file' as const,
  fileName,
  dataBase64: Buffer.from(content).toString('base64'),
});

const shape = (ps: Paragraph[]) => ps.map((p) => ({ kind: p.kind, marker: p.marker, text: p.source, codes: p.codes ?? [] }));
const plain = (ps: Paragraph[]) => ps.map((p) => renderPlainText(p.source, p.codes ?? []));

const EXTENSION: Record<ExportFileFormat, string> = {
  txt: 'txt',
  md: 'md',
  html: 'html',
  docx: 'docx',
  xliff20: 'xliff',
  xliff12: 'xlf',
  tmx: 'tmx',
  provenance: 'json',
  attestation: 'jsonld',
  xliff12cat: 'xlf',
};

/** Imports, makes each source its own signed-off translation, exports publish-ready, re-imports. */
async function roundTrip(fileName: string, content: string | Uint8Array, via: ExportFileFormat) {
  const { api } = backend;
  const doc = await backend.api.importDocument({ source: file(fileName, content), sourceLang: 'en', targetLang: 'es' });
  for (const p of doc.paragraphs) if (p.target !== p.source) await api.updateParagraphTarget({ paragraphId: p.id, target: p.source });
  const ids = doc.paragraphs.map((p) => p.id);
  await api.confirmParagraphs({ paragraphIds: ids.filter((id) => doc.paragraphs.find((p) => p.id === id)!.status !== 'translated') });
  await api.signOffParagraphs({ paragraphIds: ids });
  const exported = await api.exportFile({ documentId: doc.id, format: via, mode: 'publish' });
  const bytes = exported.encoding === 'base64' ? Buffer.from(exported.content, 'base64') : exported.content;
  const again = await backend.api.importDocument({ source: file(`again.${EXTENSION[via]}`, bytes), sourceLang: 'en', targetLang: 'es' });
  return { first: doc.paragraphs, again: again.paragraphs };
}

const MARKDOWN = `# Flood waters rise

Heavy rain caused the river to **burst its banks**, see [the *report*](https://news.example/flood?id=1).
It rained all night; run \`df -h\`.

## What changes

- More buses
- Fewer cars

1. First step
2. Second step

> "We did it," she said.`;

const HTML = `<html><head><title>T</title></head><body><article>
<h1>Flood waters rise</h1><p>Heavy rain caused the river to <b>burst</b> its banks.<br>It rained all night.</p>
<h2>What changes</h2><ul><li>More buses</li><li>Fewer <i>cars</i></li></ul>
<ol><li>First step</li><li>Second step</li></ol>
<blockquote><p>"We did it," she said.</p></blockquote></article></body></html>`;

const XLIFF_12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es"><body>
<trans-unit id="1"><source>Flood waters rise</source></trans-unit>
<trans-unit id="2"><source>Heavy rain caused the river to <g id="1" ctype="bold">burst</g> its banks<x id="2"/> <ph id="3">&lt;br/&gt;</ph><bx id="4"/>here<ex id="5"/>.</source><target state="translated">Llovió <g id="1" ctype="bold">mucho</g><x id="2"/> <ph id="3">&lt;br/&gt;</ph><bx id="4"/>aquí<ex id="5"/>.</target></trans-unit>
</body></file></xliff>`;

const XLIFF_20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="es"><file id="f">
<unit id="1"><segment><source>Flood waters rise</source></segment></unit>
<unit id="2"><segment state="initial"><source>Heavy rain caused the river to <pc id="1">burst</pc> its banks<ph id="2"/> <sc id="3"/>here<ec startRef="3"/>.</source><target>Llovió <pc id="1">mucho</pc><ph id="2"/> <sc id="3"/>aquí<ec startRef="3"/>.</target></segment></unit>
</file></xliff>`;

const utf16 = (s: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);

describe('round trips (import → export → import)', () => {
  const cases: [string, string, string | Uint8Array][] = [
    ['Markdown', 'story.md', MARKDOWN],
    ['plain text (CRLF, UTF-16 with BOM)', 'story.txt', utf16('First paragraph.\r\nSame paragraph.\r\n\r\nSecond one.')],
    ['HTML', 'story.html', HTML],
    ['XLIFF 1.2', 'story.xlf', XLIFF_12],
    ['XLIFF 2.0', 'story.xliff', XLIFF_20],
    ['DOCX (made by LibreOffice)', 'story.docx', fs.readFileSync(path.join(__dirname, 'fixtures', 'docx', 'article.docx'))],
  ];

  it.each(cases)('%s via Markdown keeps every paragraph, its kind and marker', async (_name, fileName, content) => {
    const { first, again } = await roundTrip(fileName, content, 'md');
    expect(first.length).toBeGreaterThan(1);
    // XLIFF inline codes have no Markdown form: compare the text; the tokens are compared below.
    const outline = (ps: Paragraph[]) => ps.map((p, i) => ({ kind: p.kind, marker: p.marker, text: plain(ps)[i] }));
    expect(outline(again)).toEqual(outline(first));
  });

  it.each(cases)('%s via plain text keeps every paragraph text', async (_name, fileName, content) => {
    const { first, again } = await roundTrip(fileName, content, 'txt');
    expect(plain(again)).toEqual(plain(first));
  });

  it('Markdown keeps links, emphasis and code as the same tokens and codes', async () => {
    const { first, again } = await roundTrip('story.md', MARKDOWN, 'md');
    expect(first[1]!.codes).toEqual([
      { type: 'bold' },
      { type: 'link', href: 'https://news.example/flood?id=1' },
      { type: 'italic' },
      { type: 'code', text: 'df -h' },
    ]);
    expect(shape(again)).toEqual(shape(first));
  });
});

describe("round trips through each format's own exporter", () => {
  it.each([
    ['HTML', 'story.html', HTML, 'html'],
    ['Markdown', 'story.md', MARKDOWN, 'md'],
    ['XLIFF 1.2', 'story.xlf', XLIFF_12, 'xliff12'],
    ['XLIFF 2.0', 'story.xliff', XLIFF_20, 'xliff20'],
    ['DOCX (made by LibreOffice)', 'story.docx', fs.readFileSync(path.join(__dirname, 'fixtures', 'docx', 'article.docx')), 'docx'],
  ] as const)('%s keeps paragraphs, kinds, markers, inline tokens and codes', async (_name, fileName, content, via) => {
    const { first, again } = await roundTrip(fileName, content, via);
    expect(first.length).toBeGreaterThan(1);
    expect(shape(again)).toEqual(shape(first));
  });

  it('HTML drops unsafe links on the way in and keeps the rest of the markup', async () => {
    const html = `<article><h1>Flood <em>waters</em> rise</h1><p>The <a href="https://news.example/a?b=1&amp;c=2">river</a> burst its <strong>banks</strong>.<br>Run <code>df -h</code>.</p>
      <p><a href="javascript:alert(1)">Not a link</a> &lt;b&gt; &amp; more</p><ul><li>More <b>buses</b></li></ul></article>`;
    const { first, again } = await roundTrip('story.html', html, 'html');
    expect(first[1]!.codes).toEqual([
      { type: 'link', href: 'https://news.example/a?b=1&c=2' },
      { type: 'bold' },
      { type: 'break' },
      { type: 'code', text: 'df -h' },
    ]);
    expect(first[2]!.codes).toBeUndefined();
    expect(shape(again)).toEqual(shape(first));
  });
});
