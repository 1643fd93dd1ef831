/**
 * An import answers with the document as it has just written it (documentService.ts), not read
 * back: that answer must be the document a read gives, field for field as it crosses the bridge
 * (JSON), for every kind of paragraph an import makes: inline markup, Word places and comments,
 * XLIFF targets of every origin and state, excluded units, a bilingual import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../shared/types.js';
import { createBackend, type Backend } from '../backend.js';
import { richDocx } from '../import/testing/docxFixtures.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

let dir: string;
let backend: Backend;
beforeAll(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [] });
  await backend.api.setProfile({ name: 'Eda', role: 'editor' });
});
afterAll(() => {
  backend.close();
  removeTempDir(dir);
});

const file = (fileName: string, bytes: Buffer | string) => ({
  kind: 'file' as const,
  fileName,
  dataBase64: Buffer.from(bytes).toString('base64'),
});

const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="story.txt" source-language="en" target-language="es" datatype="plaintext">
    <header><tool tool-id="omegat" tool-name="OmegaT" tool-version="3.6"/></header>
    <body>
      <trans-unit id="1"><source>The storm <g id="b1" ctype="bold">closed</g> roads.</source><target state="translated">La tormenta <g id="b1" ctype="bold">cerró</g> carreteras.</target></trans-unit>
      <trans-unit id="2"><source>Schools stay shut.</source><target state="needs-review-translation" state-qualifier="mt-suggestion">Las escuelas siguen cerradas.</target></trans-unit>
      <trans-unit id="3"><source>Police said so.</source><target state="final">La policía lo dijo.</target></trans-unit>
      <trans-unit id="4" translate="no"><source>AP-1234</source><target>AP-1234</target></trans-unit>
      <trans-unit id="5"><source>More later.</source></trans-unit>
    </body>
  </file>
</xliff>`;

/** What crosses the bridge. */
const wire = (doc: DocumentDetail): unknown => JSON.parse(JSON.stringify(doc));

async function answeredAsRead(answer: DocumentDetail): Promise<DocumentDetail> {
  expect(wire(answer)).toStrictEqual(wire(await backend.api.getDocument({ documentId: answer.id })));
  return answer;
}

describe('the answer of an import is the document as a read gives it', () => {
  it('Markdown with inline markup, headings, lists and quotes', async () => {
    const text = '# Floods **rise**\n\nThe [river](https://example.org) *burst* its banks.\n\n- One\n- Two\n\n> A quote.\n\nPlain.';
    const doc = await answeredAsRead(
      await backend.api.importDocument({ source: file('story.md', text), sourceLang: 'en', targetLang: 'es' }),
    );
    expect(doc.paragraphs.filter((p) => p.codes !== undefined).length).toBeGreaterThan(0);
    expect(doc.paragraphs.some((p) => p.codes === undefined)).toBe(true);
  });

  it('a news page (HTML)', async () => {
    const html = fs.readFileSync(path.join(__dirname, '..', 'import', 'fixtures', 'cms', 'nyt-like.html'));
    await answeredAsRead(await backend.api.importDocument({ source: file('story.html', html), sourceLang: 'en', targetLang: 'es' }));
  });

  it('a Word file with places, comments and a report', async () => {
    const doc = await answeredAsRead(
      await backend.api.importDocument({ source: file('floods.docx', await richDocx()), sourceLang: 'en', targetLang: 'es' }),
    );
    expect(doc.paragraphs.some((p) => p.place)).toBe(true);
    expect(doc.importReport).toBeDefined();
  });

  it('an XLIFF with targets of every origin and state, and an excluded unit', async () => {
    const doc = await answeredAsRead(
      await backend.api.importDocument({ source: file('story.xlf', XLIFF), sourceLang: 'en', targetLang: 'es' }),
    );
    expect(doc.paragraphs.map((p) => [p.status, p.mt !== null, p.excluded !== undefined])).toEqual([
      ['translated', false, false],
      ['machine', true, false],
      ['translated', false, false],
      ['edited', false, true],
      ['new', false, false],
    ]);
  });

  it('a bilingual import (source and aligned translations)', async () => {
    const doc = await backend.api.importBilingual({
      source: { kind: 'text', text: 'One **bold** line.\n\nTwo.', format: 'md' },
      targets: ['Una línea.', ''],
      sourceLang: 'en',
      targetLang: 'es',
    });
    expect(wire(doc)).toStrictEqual(wire(await backend.api.getDocument({ documentId: doc.id })));
    expect(doc.paragraphs.map((p) => p.status)).toEqual(['edited', 'new']);
  });
});
