/**
 * Issue 12: the editorial records are chained in the audit log like revisions — the footer policy
 * and templates, declarations that a translation is human, profiles. Written behind Verso's back
 * (SQL on the library file), each is found by the library check, and the footer cannot be dropped
 * or rewritten that way: publish-ready export refuses, a forged declaration is ignored.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../../export/testing/exportFixture.js';
import { DB_FILE_NAME } from '../../backend.js';
import { failure } from '../../testing/failure.js';
import { UNTOLD_XLIFF } from '../../testing/untoldXliff.js';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.cleanup();
});
async function fixture(): Promise<ExportFixture> {
  const f = await exportFixture(['# Storm hits the coast', 'The storm closed roads on Monday.']);
  fixtures.push(f);
  return f;
}

/** What an attacker with the SQLite file does (triggers dropped where they are in the way). */
function tamper(f: ExportFixture, sql: string): void {
  const db = new Database(path.join(f.dataDir, DB_FILE_NAME));
  db.exec(sql);
  db.close();
}

const publish = (f: ExportFixture, documentId = f.doc.id) => f.backend.api.exportFile({ documentId, format: 'txt', mode: 'publish' });
const problems = async (f: ExportFixture) => (await f.backend.api.verifyLibrary({})).problems;
const kinds = (f: ExportFixture) => {
  const db = new Database(path.join(f.dataDir, DB_FILE_NAME), { readonly: true });
  const rows = db
    .prepare<[], { kind: string }>('SELECT kind FROM audit_log ORDER BY seq')
    .all()
    .map((r) => r.kind);
  db.close();
  return rows;
};

describe('footer settings changed behind Verso’s back', () => {
  it('a policy switched to "never" by SQL refuses publish-ready export and is reported, until an editor sets it again', async () => {
    const f = await fixture();
    expect(await problems(f)).toEqual([]);
    tamper(
      f,
      `INSERT INTO settings (key, value) VALUES ('settings.footerPolicy', '"never"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );

    const err = await failure(publish(f));
    expect(err.code).toBe('EXPORT_FOOTER_SETTINGS_UNRECORDED');
    expect(err.message).toMatch(/footer policy .*changed outside Verso/);
    await expect(f.backend.api.exportFile({ documentId: f.doc.id, format: 'txt', mode: 'draft' })).resolves.toBeTruthy();
    expect(await problems(f)).toEqual([{ kind: 'footer-setting', setting: 'footerPolicy', lang: null }]);

    // The editor (the fixture's current profile) sets the same value again, with a reason: now it is on record.
    await f.backend.api.updateSettings({ footerPolicy: 'never', reason: 'Opinion desk: no disclosure on columns' });
    const result = await publish(f);
    expect(result.footer).toBe(false);
    expect(await problems(f)).toEqual([]);
    expect(kinds(f).filter((k) => k === 'settings-change')).toHaveLength(1);
  });

  it('a footer template rewritten by SQL refuses publish-ready export in that language only', async () => {
    const f = await fixture();
    tamper(f, `INSERT INTO settings (key, value) VALUES ('exporting.footerTemplates', '{"es":["Gracias por leer."]}')`);
    expect((await failure(publish(f))).code).toBe('EXPORT_FOOTER_SETTINGS_UNRECORDED');
    expect(await problems(f)).toEqual([{ kind: 'footer-setting', setting: 'footerTemplate', lang: 'es' }]);

    // A German template slipped in does not concern a Spanish export, but the check still finds it.
    tamper(f, `UPDATE settings SET value = '{"de":["Danke."]}' WHERE key = 'exporting.footerTemplates'`);
    expect((await publish(f)).footer).toBe(true);
    expect(await problems(f)).toEqual([{ kind: 'footer-setting', setting: 'footerTemplate', lang: 'de' }]);
  });

  it('a template the editor saved, then deleted by SQL, is reported; resetting it records the change', async () => {
    const f = await fixture();
    const lines = ['Traducido con ayuda de {engines} y revisado por {editor}.', 'Contacto: {contactEmail}.'];
    await f.backend.api.saveFooterTemplate({ lang: 'es', lines, reason: 'House style' });
    expect(await problems(f)).toEqual([]);
    tamper(f, `DELETE FROM settings WHERE key = 'exporting.footerTemplates'`);
    expect(await problems(f)).toEqual([{ kind: 'footer-setting', setting: 'footerTemplate', lang: 'es' }]);
    await f.backend.api.resetFooterTemplate({ lang: 'es', reason: 'Back to the vetted wording' });
    expect(await problems(f)).toEqual([]);
    expect((await publish(f)).footer).toBe(true);
  });

  it('the footer changes history cannot be rewritten: an edited or an inserted record is reported', async () => {
    const f = await fixture();
    await f.backend.api.updateSettings({ footerPolicy: 'when-mt' });
    tamper(f, `DROP TRIGGER settings_changes_no_update; UPDATE settings_changes SET author_name = 'Someone else'`);
    const [edited] = await problems(f);
    expect(edited).toMatchObject({ kind: 'settings-change', setting: 'footerPolicy' });
    tamper(
      f,
      `INSERT INTO settings_changes (id, changed_at, setting, lang, before_value, after_value, reason, profile_id, author_name, role)
       VALUES ('forged', '2026-03-01T11:00:00.000Z', 'footerPolicy', NULL, '"when-mt"', '"never"', 'ok', NULL, 'Elena Editor', 'editor')`,
    );
    expect((await problems(f)).filter((p) => p.kind === 'settings-change')).toHaveLength(2);
  });
});

describe('declarations and profiles behind Verso’s back', () => {
  it('a human-origin declaration written by SQL is ignored (the footer stays) and reported; a real one is chained', async () => {
    const f = await fixture();
    const { api } = f.backend;
    await api.updateSettings({ footerPolicy: 'when-mt' });
    const doc = await api.importDocument({
      source: { kind: 'file', fileName: 'story.xlf', dataBase64: Buffer.from(UNTOLD_XLIFF, 'utf8').toString('base64') },
      sourceLang: 'en',
      targetLang: 'es',
    });
    // Imported as translated (confirmed): the editor signs it off.
    const ids = (await api.getDocument({ documentId: doc.id })).paragraphs.map((p) => p.id);
    await api.signOffParagraphs({ paragraphIds: ids });
    tamper(
      f,
      `UPDATE provenance_origins SET declared_human_by = 'Elena Editor', declared_human_role = 'editor', declared_human_at = '2026-03-01T10:00:00.000Z', declared_human_reason = 'mine'`,
    );

    expect((await api.getDocumentOrigins({ documentId: doc.id })).unknown).toMatchObject([{ number: 1, declaredHuman: null }]);
    expect((await publish(f, doc.id)).footer).toBe(true);
    expect(await problems(f)).toEqual([{ kind: 'declaration', documentId: doc.id, title: expect.any(String), paragraph: 1 }]);

    await api.declareHumanOrigin({ documentId: doc.id, reason: 'Translated by Ana Ruiz' });
    expect((await publish(f, doc.id)).footer).toBe(false);
    expect(await problems(f)).toEqual([]);
    expect(kinds(f)).toContain('origin-declared');
  });

  it('every profile is on record; a role promoted by SQL is reported', async () => {
    const f = await fixture();
    expect(kinds(f).filter((k) => k === 'profile-created')).toHaveLength(2);
    tamper(f, `UPDATE profiles SET role = 'editor' WHERE name = 'Tomás Translator'`);
    expect(await problems(f)).toEqual([{ kind: 'profile', profileId: expect.any(String), name: 'Tomás Translator' }]);
  });
});
