/**
 * Paragraphs stored before issue 14 hold XLIFF codes with the file's raw attributes (1.2 ctype,
 * equiv-text and xid; 2.0 dataRef, isolated, a subType with a space): they still load, and every
 * XLIFF export of them is valid, written from their meaning.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { DB_FILE_NAME } from '../backend.js';
import { xmlSchemaErrors } from '../testing/validateXml.js';
import { xliffRuleErrors } from '../testing/xliffRules.js';
import { exportFixture, type ExportFixture } from './testing/exportFixture.js';

let fixture: ExportFixture | null = null;
afterEach(() => fixture?.cleanup());

const OLD_CODES = [
  { type: 'xliff', element: 'g', attrs: { id: '7', ctype: 'bold', xid: 'tu3', 'equiv-text': '*' }, content: '' },
  { type: 'xliff', element: 'ph', attrs: { id: '8', dataRef: 'd1', type: 'fmt', subType: 'verso:Boo 1.0', equiv: 'x' }, content: '' },
  { type: 'xliff', element: 'sc', attrs: { id: '9', isolated: 'yes', ctype: 'x-span', 'equiv-text': '[' }, content: '' },
  { type: 'xliff', element: 'ex', attrs: { id: '9', rid: '4' }, content: '' },
  { type: 'xliff', element: 'ph', attrs: { id: '1' }, content: '<br/>' },
];

describe('XLIFF codes stored before issue 14', () => {
  it('load and export as valid XLIFF 1.2 and 2.0', async () => {
    fixture = await exportFixture(['Plain words here.'], { translate: false });
    const { dataDir, doc } = fixture;
    fixture.backend.close();
    const db = new Database(path.join(dataDir, DB_FILE_NAME));
    const text = 'A \uE000bold\uE100 \uE201 and \uE202span\uE203 \uE204end';
    db.prepare('UPDATE paragraphs SET source = ?, target = ?, inline_codes = ? WHERE id = ?').run(
      text,
      '',
      JSON.stringify(OLD_CODES),
      doc.paragraphs[0]!.id,
    );
    db.close();
    const backend = createBackend({ dataDir, mode: 'browser', version: '0.1.0', engines: [] });
    fixture = { ...fixture, backend, cleanup: () => backend.close() };
    const loaded = await backend.api.getDocument({ documentId: doc.id });
    expect(loaded.paragraphs[0]!.codes).toEqual(OLD_CODES);
    const x12 = (await backend.api.exportFile({ documentId: doc.id, format: 'xliff12', mode: 'draft' })).content;
    const x20 = (await backend.api.exportFile({ documentId: doc.id, format: 'xliff20', mode: 'draft' })).content;
    expect(xmlSchemaErrors(x12, 'xliff12')).toBeNull();
    expect(xmlSchemaErrors(x20, 'xliff20')).toBeNull();
    expect(xliffRuleErrors(x12)).toEqual([]);
    expect(xliffRuleErrors(x20)).toEqual([]);
    expect(x12).toContain(
      '<source xml:lang="en">A <g id="1" ctype="bold" equiv-text="*">bold</g> <x id="2" ctype="x-fmt" equiv-text="x"/> and <bx id="3" ctype="x-span" equiv-text="["/>span<ex id="4"/> <ph id="5">&lt;br/&gt;</ph>end</source>',
    );
    expect(x20).toContain(
      '<source xml:space="preserve">A <pc id="1" type="fmt" subType="xlf:b" equivStart="*">bold</pc> <ph id="2" type="fmt" equiv="x"/> and <sc id="3" type="other" equiv="[" isolated="yes"/>span<ec id="4" isolated="yes"/> <ph id="5" dataRef="d5"/>end</source>',
    );
  });
});

describe('the VT case (issue 14, found in review)', () => {
  it('an imported paragraph with inline codes and a vertical tab, machine-translated, exports as well-formed, valid XLIFF', async () => {
    fixture = await exportFixture(['The **storm** closed [the roads](https://news.example/roads) today.'], { signOff: false });
    const p = fixture.doc.paragraphs[0]!;
    expect(p.codes?.map((k) => k.type)).toEqual(['bold', 'link']);
    // Word's line break (VT) typed or pasted into the translation, between the codes.
    const target = p.target.replace(' ', '\u000B');
    await fixture.backend.api.updateParagraphTarget({ paragraphId: p.id, target });
    const saved = (await fixture.backend.api.getDocument({ documentId: fixture.doc.id })).paragraphs[0]!;
    expect(saved.target).toContain('\u000B');
    for (const [format, schema] of [
      ['xliff20', 'xliff20'],
      ['xliff12', 'xliff12'],
    ] as const) {
      const xml = (await fixture.backend.api.exportFile({ documentId: fixture.doc.id, format, mode: 'draft' })).content;
      expect(xmlSchemaErrors(xml, schema), format).toBeNull();
      expect(xliffRuleErrors(xml), format).toEqual([]);
      expect(xml).not.toContain('\u000B');
      expect(xml).toMatch(/<target[^>]*>[^<]*\n/);
    }
  });
});
