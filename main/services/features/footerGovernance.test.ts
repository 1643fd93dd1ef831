/**
 * Footer governance through the validated dispatcher (issue 12, defeat 2): a translator can neither
 * switch the footer off nor rewrite it; an editor's change is an audit record (who, when, before →
 * after, reason); built-in templates are identified by version and SHA-256, a saved one that
 * differs is custom; provenance and attestation state the policy, the template and who decided.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/types.js';
import type { ExportFileResult, FooterTemplateEntry, SettingsChange } from '../../../shared/features/exportingApi.js';
import { FOOTER_TEMPLATES } from '../../../shared/footer.js';
import type { ApiResult } from '../../../shared/api.js';
import { exportFixture, type ExportFixture } from '../../export/testing/exportFixture.js';
import { footerTemplateSha256, recordedVettedSha256 } from '../footerGovernance.js';
import { actAs } from '../../testing/actAs.js';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.cleanup();
});
async function fixture(): Promise<ExportFixture> {
  const f = await exportFixture(['# Storm hits the coast', 'The storm closed roads on Monday.']);
  fixtures.push(f);
  return f;
}

async function call<T>(f: ExportFixture, method: string, input: unknown): Promise<T> {
  const result = (await f.backend.dispatch(method, input)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
async function refusal(f: ExportFixture, method: string, input: unknown): Promise<ApiError> {
  const result = await f.backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}
const exportOf = (f: ExportFixture, format: string) =>
  call<ExportFileResult>(f, 'exportFile', { documentId: f.doc.id, format, mode: 'publish' });
/** What these tests read of the provenance record (`footer`) and the review attestation (`disclosureFooter`). */
interface FooterRecords {
  footer: { template: unknown };
  '@context': { disclosureFooter: string };
  disclosureFooter: { footerIncluded: boolean; footerTemplate: { templateSha256: string } };
}
const json = (r: ExportFileResult) => JSON.parse(r.content) as FooterRecords;
const ES_VETTED = FOOTER_TEMPLATES.es!.lines;

describe('footer governance', () => {
  it('a translator can neither switch the footer off nor rewrite it: refused, nothing saved, the export keeps the vetted footer', async () => {
    const f = await fixture();
    await actAs(f.backend.api, { name: 'Tomás Translator', role: 'translator' });

    const never = await refusal(f, 'updateSettings', { footerPolicy: 'never', reason: 'I do not like it' });
    expect(never.code).toBe('FOOTER_EDITOR_ONLY');
    expect(never.message).toContain('Only an editor can change the disclosure footer policy');
    expect(never.message).toContain('Tomás Translator');
    const rewrite = await refusal(f, 'saveFooterTemplate', { lang: 'es', lines: ['Gracias por leer.'], reason: 'shorter' });
    expect(rewrite.code).toBe('FOOTER_EDITOR_ONLY');
    expect(rewrite.message).toContain('disclosure footer templates');
    expect((await refusal(f, 'resetFooterTemplate', { lang: 'es' })).code).toBe('FOOTER_EDITOR_ONLY');

    expect((await call<{ footerPolicy: string }>(f, 'getSettings', {})).footerPolicy).toBe('always');
    expect((await call<FooterTemplateEntry[]>(f, 'listFooterTemplates', {})).find((e) => e.lang === 'es')?.override).toBeNull();
    expect(await call<SettingsChange[]>(f, 'listSettingsChanges', {})).toEqual([]);
    const txt = await exportOf(f, 'txt');
    expect(txt.footer).toBe(true);
    expect(txt.content).toContain(ES_VETTED[0]);
    expect(txt.content).not.toContain('Gracias por leer.');
    expect(txt.warnings).toEqual([]);
    // Other settings stay open to translators; an unchanged policy is no change.
    await call(f, 'updateSettings', { publisher: 'Diario Nuevo', footerPolicy: 'always' });
  });

  it('an editor switching the footer off needs a reason; the change is recorded and every export states who decided it and why', async () => {
    const f = await fixture();
    const noReason = await refusal(f, 'updateSettings', { footerPolicy: 'never', reason: '   ' });
    expect(noReason.code).toBe('FOOTER_REASON_REQUIRED');
    expect((await call<{ footerPolicy: string }>(f, 'getSettings', {})).footerPolicy).toBe('always');
    expect(await call<SettingsChange[]>(f, 'listSettingsChanges', {})).toEqual([]);

    await call(f, 'updateSettings', { footerPolicy: 'never', reason: 'Syndication partner adds its own disclosure' });
    const [change, ...older] = await call<SettingsChange[]>(f, 'listSettingsChanges', {});
    expect(older).toEqual([]);
    expect(change).toMatchObject({
      setting: 'footerPolicy',
      lang: null,
      before: 'always',
      after: 'never',
      reason: 'Syndication partner adds its own disclosure',
      by: { name: 'Elena Editor', role: 'editor' },
      at: '2026-03-01T10:00:00.000Z',
    });
    expect(change!.id).toMatch(/\S/);

    const txt = await exportOf(f, 'txt');
    expect(txt.footer).toBe(false);
    expect(txt.warnings).toEqual([
      { code: 'FOOTER_OMITTED', policy: 'never', decidedBy: 'Elena Editor', reason: 'Syndication partner adds its own disclosure' },
    ]);
    const provenance = json(await exportOf(f, 'provenance'));
    expect(provenance.footer).toMatchObject({
      policy: 'never',
      footerIncluded: false,
      template: { lang: 'es', id: 'verso:footer:es:v1', version: 1, builtIn: true, custom: false },
      policySetBy: { name: 'Elena Editor', role: 'editor', reason: 'Syndication partner adds its own disclosure', changeId: change!.id },
      omitted: { because: 'policy-never', decidedBy: 'Elena Editor', reason: 'Syndication partner adds its own disclosure' },
    });
    const attestation = json(await exportOf(f, 'attestation'));
    expect(attestation['@context'].disclosureFooter).toBe('verso:disclosureFooter');
    expect(attestation.disclosureFooter).toMatchObject({
      footerPolicy: 'never',
      footerIncluded: false,
      omittedBecause: 'policy-never',
      decidedBy: 'Elena Editor',
      reason: 'Syndication partner adds its own disclosure',
      footerTemplate: { templateId: 'verso:footer:es:v1', templateVersion: 1, builtIn: true, custom: false },
    });

    // Back to "always": recorded too (no reason needed), before → after.
    await call(f, 'updateSettings', { footerPolicy: 'always' });
    const latest = (await call<SettingsChange[]>(f, 'listSettingsChanges', {}))[0]!;
    expect(latest).toMatchObject({ before: 'never', after: 'always', reason: null });
    expect((await exportOf(f, 'txt')).warnings).toEqual([]);
  });

  it('built-in templates are versioned and identified by SHA-256; a saved template that differs is custom, needs a reason and is named in the exports', async () => {
    const f = await fixture();
    const entry = (await call<FooterTemplateEntry[]>(f, 'listFooterTemplates', {})).find((e) => e.lang === 'es')!;
    expect(entry.vettedIdentity).toEqual({ id: 'verso:footer:es:v1', version: 1, sha256: footerTemplateSha256(ES_VETTED) });
    const attestationBefore = json(await exportOf(f, 'attestation'));
    expect(attestationBefore.disclosureFooter.footerTemplate.templateSha256).toBe(footerTemplateSha256(ES_VETTED));
    expect(attestationBefore.disclosureFooter.footerIncluded).toBe(true);

    const noReason = await refusal(f, 'saveFooterTemplate', { lang: 'es', lines: ['Gracias por leer.'] });
    expect(noReason.code).toBe('FOOTER_REASON_REQUIRED');
    expect(await call<SettingsChange[]>(f, 'listSettingsChanges', {})).toEqual([]);

    const saved = await call<FooterTemplateEntry>(f, 'saveFooterTemplate', {
      lang: 'es',
      lines: ['Gracias por leer.'],
      reason: 'Shorter for the app',
    });
    const customHash = footerTemplateSha256(['Gracias por leer.']);
    expect(saved.overrideIdentity).toEqual({ sha256: customHash, custom: true });
    const [change] = await call<SettingsChange[]>(f, 'listSettingsChanges', {});
    expect(change).toMatchObject({
      setting: 'footerTemplate',
      lang: 'es',
      before: null,
      after: ['Gracias por leer.'],
      reason: 'Shorter for the app',
      by: { role: 'editor' },
    });

    const txt = await exportOf(f, 'txt');
    expect(txt.content).toContain('Gracias por leer.');
    expect(txt.warnings).toEqual([{ code: 'FOOTER_TEMPLATE_CUSTOM', lang: 'es', sha256: customHash }]);
    const provenance = json(await exportOf(f, 'provenance'));
    expect(provenance.footer.template).toEqual({
      lang: 'es',
      id: 'custom:es',
      version: null,
      sha256: customHash,
      builtIn: false,
      custom: true,
      savedBy: {
        name: 'Elena Editor',
        role: 'editor',
        at: '2026-03-01T10:00:00.000Z',
        reason: 'Shorter for the app',
        changeId: change!.id,
      },
    });
    const attestation = json(await exportOf(f, 'attestation'));
    expect(attestation.disclosureFooter.footerTemplate).toMatchObject({
      templateId: 'custom:es',
      templateSha256: customHash,
      builtIn: false,
      custom: true,
    });

    // Saving the vetted wording itself is not custom (no reason needed), and is recorded.
    const vettedAgain = await call<FooterTemplateEntry>(f, 'saveFooterTemplate', { lang: 'es', lines: [...ES_VETTED] });
    expect(vettedAgain.overrideIdentity).toEqual({ sha256: footerTemplateSha256(ES_VETTED), custom: false });
    expect(json(await exportOf(f, 'attestation')).disclosureFooter.footerTemplate).toMatchObject({
      templateId: 'verso:footer:es:v1',
      builtIn: true,
      custom: false,
    });
    await call(f, 'resetFooterTemplate', { lang: 'es', reason: 'tidy' });
    const history = await call<SettingsChange[]>(f, 'listSettingsChanges', {});
    expect(history.map((c) => [c.before === null ? null : 'lines', c.after === null ? null : 'lines', c.reason])).toEqual([
      ['lines', null, 'tidy'],
      ['lines', 'lines', null],
      [null, 'lines', 'Shorter for the app'],
    ]);
  });

  it('the audit record is append-only', async () => {
    const f = await fixture();
    await call(f, 'updateSettings', { footerPolicy: 'when-mt' });
    const db = new Database(f.backend.dbPath);
    try {
      expect(db.prepare('SELECT count(*) FROM settings_changes').pluck().get()).toBe(1);
      expect(() => db.exec("UPDATE settings_changes SET author_name = 'Someone else'")).toThrow(/append-only/);
      expect(() => db.exec('DELETE FROM settings_changes')).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('every vetted template matches its recorded version hash (a changed template needs a new version in shared/footer/versions.json)', () => {
    for (const [lang, template] of Object.entries(FOOTER_TEMPLATES)) {
      expect(footerTemplateSha256(template.lines), lang).toBe(recordedVettedSha256(lang));
    }
  });
});
