/** Issue 14: an XLIFF's unit notes become comments on their paragraphs, and the import report lists what was not kept. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
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

const FILE = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="s" source-language="en" target-language="es" datatype="plaintext"><body>
  <trans-unit id="1"><source>The dam held.</source><target state="translated">La presa resistió.</target>
    <alt-trans origin="TM"><target>La presa aguantó.</target></alt-trans>
    <note from="desk">Check the river's name.</note></trans-unit>
  <trans-unit id="2"><source>Rain fell.</source></trans-unit>
</body></file></xliff>`;

describe('XLIFF notes and the import report', () => {
  it('stores the note as a comment on its paragraph and returns the report with the document', async () => {
    const doc = await backend.api.importDocument({
      source: { kind: 'file', fileName: 'story.xlf', dataBase64: Buffer.from(FILE).toString('base64') },
      sourceLang: 'en',
      targetLang: 'es',
    });
    const comments = await backend.api.listComments({ documentId: doc.id });
    expect(comments.map((c) => [c.paragraphId, c.authorName, c.body])).toEqual([
      [doc.paragraphs[0]!.id, 'XLIFF (desk)', "Check the river's name."],
    ]);
    expect(doc.importReport?.entries.map((e) => [e.item, e.kept, e.count, e.paragraphs])).toEqual([
      ['note', true, 1, [1]],
      ['alternative', false, 1, [1]],
    ]);
    const again = await backend.api.getDocument({ documentId: doc.id });
    expect(again.importReport).toEqual(doc.importReport);
  });
});
