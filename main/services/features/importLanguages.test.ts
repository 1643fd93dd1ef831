/** Issue 14 item 2: an XLIFF's declared languages are checked against the ones chosen; a mismatch is refused (the UI asks), never relabelled. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { dbDigest } from '../../import/testing/dbDigest.js';
import { failure } from '../../testing/failure.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

let dir: string;
let backend: Backend;
beforeEach(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [] });
  await backend.api.setProfile({ name: 'Tina', role: 'translator' });
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

const xliff = (src: string, trg: string | null) => ({
  kind: 'file' as const,
  fileName: 'story.xlf',
  dataBase64: Buffer.from(
    `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="s" source-language="${src}"${trg ? ` target-language="${trg}"` : ''} datatype="plaintext"><body><trans-unit id="1"><source>Good morning.</source><target state="translated">Bon dia.</target></trans-unit></body></file></xliff>`,
  ).toString('base64'),
});

describe('XLIFF languages', () => {
  it('a Catalan file imported as en→es is refused, naming both pairs, and nothing is stored', async () => {
    const before = dbDigest(backend.dbPath);
    const err = await failure(backend.api.importDocument({ source: xliff('en', 'ca'), sourceLang: 'en', targetLang: 'es' }));
    expect(err.code).toBe('IMPORT_LANGUAGE_MISMATCH');
    expect(err.details).toMatchObject({ fileSourceLang: 'en', fileTargetLang: 'ca', sourceLang: 'en', targetLang: 'es' });
    expect(dbDigest(backend.dbPath)).toEqual(before);
  });

  it("importing with the file's languages works; a region the choice leaves open is no mismatch", async () => {
    const doc = await backend.api.importDocument({ source: xliff('en', 'ca'), sourceLang: 'en', targetLang: 'ca' });
    expect([doc.sourceLang, doc.targetLang, doc.paragraphs[0]!.target]).toEqual(['en', 'ca', 'Bon dia.']);
    const regional = await backend.api.importDocument({ source: xliff('en-US', 'ca'), sourceLang: 'en', targetLang: 'ca' });
    expect(regional.targetLang).toBe('ca');
  });

  it('a file that declares no target language is taken with the chosen one', async () => {
    const doc = await backend.api.importDocument({ source: xliff('en', null), sourceLang: 'en', targetLang: 'ca' });
    expect(doc.targetLang).toBe('ca');
  });

  it('a re-import of a file in other languages than the document is refused', async () => {
    const doc = await backend.api.importDocument({ source: xliff('en', 'ca'), sourceLang: 'en', targetLang: 'ca' });
    const err = await failure(backend.api.reimportDocument({ documentId: doc.id, source: xliff('en', 'es') }));
    expect(err.code).toBe('IMPORT_LANGUAGE_MISMATCH');
  });
});

describe('XLIFF targets the file says nothing about', () => {
  it('a bare <target> (no state, no tool) is an unconfirmed draft of unknown origin: no MT record, no engine called "XLIFF"', async () => {
    const bare = {
      kind: 'file' as const,
      fileName: 'bare.xlf',
      dataBase64: Buffer.from(
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="s" source-language="en" target-language="ca" datatype="plaintext"><body><trans-unit id="1"><source>Good morning.</source><target>Bon dia.</target></trans-unit></body></file></xliff>',
      ).toString('base64'),
    };
    const doc = await backend.api.importDocument({ source: bare, sourceLang: 'en', targetLang: 'ca' });
    expect(doc.paragraphs.map((p) => [p.target, p.status, p.mt])).toEqual([['Bon dia.', 'edited', null]]);
    const origins = await backend.api.getDocumentOrigins({ documentId: doc.id });
    expect(origins.unknown.map((o) => [o.number, o.tool])).toEqual([[1, null]]);
    const history = await backend.api.getParagraphHistory({ paragraphId: doc.paragraphs[0]!.id });
    expect(history.entries.map((e) => [e.origin, e.mtEngine])).toEqual([
      ['import', null],
      ['import', null],
    ]);
  });
});
