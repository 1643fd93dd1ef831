/**
 * Round trips: import → export → import gives the same paragraphs, for every format Verso reads.
 * There are no HTML/DOCX/XLIFF exporters in this tree yet, so each format goes out as Markdown and
 * plain text (the core exporters) and comes back in; with the source as the translation, the
 * paragraphs (kind, level/marker, text) must survive exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  await backend.api.updateSettings({ footerPolicy: 'never' });
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

const shape = (ps: Paragraph[]) => ps.map((p) => ({ kind: p.kind, marker: p.marker, text: p.source }));

/** Imports, makes each source its own signed-off translation, exports publish-ready, re-imports. */
async function roundTrip(fileName: string, content: string | Uint8Array, via: 'md' | 'txt') {
  const { api } = backend;
  const doc = await api.importDocument({ source: file(fileName, content), sourceLang: 'en', targetLang: 'es' });
  for (const p of doc.paragraphs) await api.updateParagraphTarget({ paragraphId: p.id, target: p.source });
  const ids = doc.paragraphs.map((p) => p.id);
  await api.confirmParagraphs({ paragraphIds: ids });
  await api.signOffParagraphs({ paragraphIds: ids });
  const exported = await api.exportDocument({ documentId: doc.id, format: via, mode: 'publish' });
  const again = await api.importDocument({ source: file(`again.${via}`, exported.content), sourceLang: 'en', targetLang: 'es' });
  return { first: doc.paragraphs, again: again.paragraphs };
}

const MARKDOWN = `# Flood waters rise

Heavy rain caused the river to burst its banks.
It rained all night.

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
<trans-unit id="2"><source>Heavy rain caused the river to <g id="1">burst</g> its banks.</source><target state="translated">Llovió.</target></trans-unit>
</body></file></xliff>`;

const XLIFF_20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="es"><file id="f">
<unit id="1"><segment><source>Flood waters rise</source></segment></unit>
<unit id="2"><segment state="initial"><source>Heavy rain caused the river to <pc id="1">burst</pc> its banks.</source><target>Llovió.</target></segment></unit>
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
    expect(shape(again)).toEqual(shape(first));
  });

  it.each(cases)('%s via plain text keeps every paragraph text', async (_name, fileName, content) => {
    const { first, again } = await roundTrip(fileName, content, 'txt');
    expect(again.map((p) => p.source)).toEqual(first.map((p) => p.source));
  });
});
