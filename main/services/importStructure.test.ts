/** Word places, comments and the import report through the API: stored with the import, replaced by a re-import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripTokens } from '../../shared/inline/inlineCodes.js';
import { createBackend, type Backend } from '../backend.js';
import { richDocx } from '../import/testing/docxFixtures.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

let dir: string;
let backend: Backend;
beforeAll(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [createFakeEngine({ id: 'fake' })] });
  await backend.api.setProfile({ name: 'Eda', role: 'editor' });
});
afterAll(() => {
  backend.close();
  removeTempDir(dir);
});

const source = (bytes: Buffer) => ({ kind: 'file' as const, fileName: 'floods.docx', dataBase64: bytes.toString('base64') });

describe('Word structure and re-import', () => {
  it('a revised Word file without the table and the footnote: places and report follow the revised file', async () => {
    const { api } = backend;
    const doc = await api.importDocument({ source: source(await richDocx()), sourceLang: 'en', targetLang: 'es' });
    expect(doc.paragraphs.filter((p) => p.place?.kind === 'cell')).toHaveLength(7);
    const { document } = await api.reimportDocument({
      documentId: doc.id,
      source: source(await richDocx({ table: false, footnote: false, comment: false })),
    });
    const placed = document.paragraphs.filter((p) => p.place).map((p) => [stripTokens(p.source), p.place!.kind]);
    expect(placed).toEqual([
      ['Helpline: call 112.', 'textbox'],
      ['Source: cantonal police.', 'endnote'],
    ]);
    const endnote = document.paragraphs.find((p) => p.place?.kind === 'endnote')!;
    const ref = document.paragraphs.find((p) => p.id === (endnote.place as { refParagraphId: string }).refParagraphId);
    expect(ref?.source).toBe('Residents were evacuated.');
    expect(document.importReport?.entries.map((e) => e.item)).toEqual(['endnote', 'textBox', 'strike', 'image', 'equation']);
    // The comment imported the first time stays once; a re-import never repeats comments.
    expect(await api.listComments({ documentId: doc.id })).toHaveLength(1);
  });

  it('a re-import from a format without a report removes the report and the places', async () => {
    const { api } = backend;
    const doc = await api.importDocument({ source: source(await richDocx()), sourceLang: 'en', targetLang: 'es' });
    const text = doc.paragraphs.map((p) => stripTokens(p.source)).join('\n\n');
    const { document } = await api.reimportDocument({ documentId: doc.id, source: { kind: 'text', text, format: 'txt' } });
    expect(document.importReport).toBeUndefined();
    expect(document.paragraphs.some((p) => p.place)).toBe(false);
  });
});
