/** The exporting services over a real database: gate, footer (every language, every policy), warnings, templates. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_FILE_FORMATS, FOOTER_FORMATS } from '../../../shared/features/exportingApi.js';
import { REQUIRED_FOOTER_LANGUAGES } from '../../../shared/features/exportingFooter.js';
import { findFooterTemplate, renderFooter } from '../../../shared/footer.js';
import { exportFixture, FIXTURE_CONTACT, FIXTURE_PUBLISHER, type ExportFixture } from '../../export/testing/exportFixture.js';
import { docxParagraphs } from '../../export/testing/docxParagraphs.js';
import { failure } from '../../testing/failure.js';
import { createAuditRecorder } from '../../db/audit/auditRecorder.js';
import { createSigningKeys, sessionProtector } from '../../db/audit/signingKeys.js';

const fixtures: ExportFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.cleanup();
});
async function fixture(...args: Parameters<typeof exportFixture>): Promise<ExportFixture> {
  const f = await exportFixture(...args);
  fixtures.push(f);
  return f;
}
const count = (text: string, part: string) => text.split(part).length - 1;
const ARTICLE = ['# Storm hits the coast', 'The storm closed roads on Monday.', 'Schools stay open.'];

function footerText(lang: string): string {
  return renderFooter(findFooterTemplate(lang)!, {
    publisher: FIXTURE_PUBLISHER,
    contactEmail: FIXTURE_CONTACT,
    engines: 'Fake MT',
    editor: 'Elena Editor',
    date: '2026-03-01',
  });
}

describe('exportFile', () => {
  it('exports every format of a signed-off article; the footer is in the text formats only, once', async () => {
    const { backend, doc } = await fixture(ARTICLE);
    const footer = footerText('es');
    for (const format of EXPORT_FILE_FORMATS) {
      const result = await backend.api.exportFile({ documentId: doc.id, format, mode: 'publish' });
      expect(result.draft).toBe(false);
      expect(result.footer).toBe(FOOTER_FORMATS.includes(format));
      if (format === 'docx') {
        expect(result.encoding).toBe('base64');
        const paragraphs = docxParagraphs(Buffer.from(result.content, 'base64'));
        expect(
          paragraphs
            .filter((p) => p.style === 'AiDisclosure')
            .map((p) => p.text)
            .join('\n\n'),
        ).toBe(footer);
        expect(paragraphs.at(-1)!.style).toBe('AiDisclosure');
        continue;
      }
      const firstLine = footer.split('\n\n')[0]!;
      expect(count(result.content, firstLine), format).toBe(FOOTER_FORMATS.includes(format) ? 1 : 0);
    }
    const txt = await backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' });
    expect(txt.fileName).toBe('storm-hits-the-coast.es.txt');
    expect(txt.content).toBe(`Storm hits the coast\n\nMT The storm closed roads on Monday.\n\nMT Schools stay open.\n\n${footer}\n`);
    // Every paragraph signed off: the TMX holds them all, no warning.
    expect((await backend.api.exportFile({ documentId: doc.id, format: 'tmx', mode: 'publish' })).warnings).toEqual([]);
    // Exporting again gives the same file: the footer never doubles.
    expect((await backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' })).content).toBe(txt.content);
  });

  it('publish-ready needs every paragraph signed off; a draft is always possible and says so', async () => {
    const { backend, doc } = await fixture(ARTICLE, { signOff: false });
    const err = await failure(backend.api.exportFile({ documentId: doc.id, format: 'html', mode: 'publish' }));
    expect(err).toMatchObject({ code: 'EXPORT_NOT_SIGNED_OFF', details: { count: 3, paragraphs: [1, 2, 3] } });
    const draft = await backend.api.exportFile({ documentId: doc.id, format: 'html', mode: 'draft' });
    expect(draft.fileName).toBe('storm-hits-the-coast.es.draft.html');
    // In the target language: the draft is read by whoever reads the translation.
    expect(draft.content).toContain('<title>BORRADOR: Storm hits the coast</title>');
    expect(draft.content).toContain(
      '<p class="verso-draft" role="note"><strong>BORRADOR — no aprobado para su publicación (párrafos aprobados: 0 de 3)</strong></p>',
    );
    expect(draft.content).not.toContain('DRAFT');
    expect(draft.content).not.toContain('<footer');
    // A TMX of a draft holds no unit, and says so rather than handing over an empty memory in silence.
    const tmx = await backend.api.exportFile({ documentId: doc.id, format: 'tmx', mode: 'draft' });
    expect(tmx.content).not.toContain('<tu ');
    expect(tmx.warnings).toEqual([{ code: 'TMX_SIGNED_OFF_ONLY', units: 0, paragraphs: 3 }]);
  });

  it('an unresolved QA error blocks publish-ready export; an override reason at sign-off resolves it', async () => {
    const { backend, doc } = await fixture(['In 2024, 300 people came.', 'The house is red.']);
    const ids = doc.paragraphs.map((p) => p.id);
    // A signed-off paragraph whose text lost a number. Changed by SQL alone, its signature no longer matches (issue 12).
    const db = new Database(backend.dbPath);
    db.prepare('UPDATE paragraphs SET target = ? WHERE id = ?').run('En 2024 vinieron personas.', ids[0]);
    const broken = await failure(backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' }));
    expect(broken).toMatchObject({ code: 'EXPORT_SIGNATURE_BROKEN', details: { count: 1, paragraphs: [1] } });
    // Signed as Verso signs (as if QA had gained this check after a real sign-off): now the QA gate speaks.
    const last = db
      .prepare<[string], { id: number }>(`SELECT id FROM revisions WHERE paragraph_id = ? AND action = 'sign-off'`)
      .get(ids[0]!)!;
    const editor = db.prepare<[], { id: string; name: string }>(`SELECT id, name FROM profiles WHERE role = 'editor'`).get()!;
    createAuditRecorder(db, createSigningKeys(db, sessionProtector())).revisionInserted({
      revisionId: last.id,
      documentId: doc.id,
      paragraphId: ids[0]!,
      profileId: editor.id,
      authorName: editor.name,
      role: 'editor',
      origin: 'human',
      action: 'sign-off',
      beforeText: 'En 2024 vinieron personas.',
      afterText: 'En 2024 vinieron personas.',
      statusBefore: 'translated',
      statusAfter: 'signed-off',
      at: '2026-03-01T10:00:00.000Z',
    });
    db.close();
    const err = await failure(backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' }));
    expect(err).toMatchObject({ code: 'EXPORT_QA_UNRESOLVED', details: { count: 1, paragraphs: [1] } });
    await backend.api.updateParagraphTarget({ paragraphId: ids[0]!, target: 'En 2024 vinieron unas personas.' });
    await backend.api.confirmParagraphs({ paragraphIds: [ids[0]!] });
    await backend.api.signOffReviewed({
      paragraphIds: [ids[0]!],
      overrides: [{ paragraphId: ids[0]!, reason: 'Number checked with the desk' }],
    });
    const ok = await backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' });
    expect(ok.content).toContain('En 2024 vinieron unas personas.');
  });

  it('renders the footer exactly once in every required language, and follows the policy', async () => {
    for (const lang of REQUIRED_FOOTER_LANGUAGES) {
      const f = await exportFixture(['A short story.', 'The end.'], { targetLang: lang, sourceLang: lang === 'en' ? 'es' : 'en' });
      try {
        const { api } = f.backend;
        const footer = footerText(lang);
        const txt = await api.exportFile({ documentId: f.doc.id, format: 'txt', mode: 'publish' });
        expect(count(txt.content, footer), lang).toBe(1);
        expect(txt.content.trimEnd().endsWith(footer), lang).toBe(true);
        const html = await api.exportFile({ documentId: f.doc.id, format: 'html', mode: 'publish' });
        expect(html.content, lang).toContain(`<footer class="ai-disclosure" lang="${lang}"`);
        await api.updateSettings({ footerPolicy: 'never', reason: 'Policy test' });
        expect((await api.exportFile({ documentId: f.doc.id, format: 'txt', mode: 'publish' })).footer, lang).toBe(false);
        await api.updateSettings({ footerPolicy: 'when-mt' });
        expect((await api.exportFile({ documentId: f.doc.id, format: 'md', mode: 'publish' })).footer, lang).toBe(true);
      } finally {
        f.cleanup();
      }
    }
  });

  it('"when MT was used" leaves the footer off a human-only translation', async () => {
    const { backend, doc } = await fixture(['A short story.'], { translate: false });
    const { api } = backend;
    await api.updateParagraphTarget({ paragraphId: doc.paragraphs[0]!.id, target: 'Una historia corta.' });
    await api.confirmParagraphs({ paragraphIds: [doc.paragraphs[0]!.id] });
    await api.setProfile({ name: 'Elena Editor', role: 'editor' });
    await api.signOffParagraphs({ paragraphIds: [doc.paragraphs[0]!.id] });
    await api.updateSettings({ footerPolicy: 'when-mt' });
    expect((await api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' })).content).toBe('Una historia corta.\n');
  });

  it('a target language without a template stops publish-ready export and says how to add one; a saved template fixes it', async () => {
    const { backend, doc } = await fixture(['A short story.'], { targetLang: 'fi' });
    const err = await failure(backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' }));
    expect(err.code).toBe('FOOTER_TEMPLATE_MISSING');
    expect(err.message).toContain('Settings → Disclosure footer');
    expect(err.details).toEqual({ lang: 'fi' });
    // Never English instead.
    expect((await backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'draft' })).content).not.toContain(
      'translated with the help of AI',
    );
    await backend.api.saveFooterTemplate({
      lang: 'fi',
      lines: ['Käännetty tekoälyn avulla; {publisher} tarkisti.'],
      reason: 'No vetted Finnish footer yet',
    });
    const ok = await backend.api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' });
    expect(ok.content.trimEnd().endsWith(`Käännetty tekoälyn avulla; ${FIXTURE_PUBLISHER} tarkisti.`)).toBe(true);
  });

  it('reports footer-like paragraphs and never doubles a footer the translation already ends with', async () => {
    const footer = footerText('es');
    const english = renderFooter(findFooterTemplate('en')!, { publisher: 'Daily', contactEmail: 'a@b.org' }).split('\n\n')[0]!;
    const { backend, doc } = await fixture(['A short story.', english, 'The end.']);
    const { api } = backend;
    const first = await api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' });
    expect(first.warnings).toEqual([{ code: 'FOOTER_LIKE_PARAGRAPH', paragraph: 2, side: 'source' }]);

    // The translation of the last paragraphs is the footer itself (e.g. a re-imported export).
    const lines = footer.split('\n\n');
    const ids = doc.paragraphs.map((p) => p.id);
    await api.updateParagraphTarget({ paragraphId: ids[1]!, target: lines[0]! });
    await api.updateParagraphTarget({ paragraphId: ids[2]!, target: lines[1]! });
    await api.confirmParagraphs({ paragraphIds: ids.slice(1) });
    // The footer's e-mail address is not in the source: QA flags it, the editor overrides.
    await api.signOffReviewed({
      paragraphIds: ids.slice(1),
      overrides: ids.slice(1).map((paragraphId) => ({ paragraphId, reason: 'Footer kept on purpose' })),
    });
    const again = await api.exportFile({ documentId: doc.id, format: 'txt', mode: 'publish' });
    expect(count(again.content, lines[0]!)).toBe(1);
    expect(again.content.trimEnd().endsWith(footer)).toBe(true);
    expect(again.warnings).toContainEqual({ code: 'FOOTER_ALREADY_PRESENT', paragraphs: [2, 3] });
  });
});

describe('footer templates', () => {
  it('lists every required language, saves an override as data, validates it, and resets it', async () => {
    const { backend } = await fixture(['x'], { translate: false });
    const { api } = backend;
    await api.setProfile({ name: 'Elena Editor', role: 'editor' });
    const list = await api.listFooterTemplates({});
    for (const lang of REQUIRED_FOOTER_LANGUAGES) expect(list.find((e) => e.lang === lang)?.vetted, lang).not.toBeNull();
    const saved = await api.saveFooterTemplate({
      lang: 'de',
      lines: ['  Mit KI übersetzt von {publisher}. ', 'Fragen: {contactEmail}'],
      reason: 'House style',
    });
    expect(saved.override).toEqual(['Mit KI übersetzt von {publisher}.', 'Fragen: {contactEmail}']);
    expect((await api.listFooterTemplates({})).find((e) => e.lang === 'de')?.override).toEqual(saved.override);

    const bad = await failure(api.saveFooterTemplate({ lang: 'de', lines: ['Hi {reader}'], reason: 'x' }));
    expect(bad.code).toBe('FOOTER_TEMPLATE_INVALID');
    expect((await api.listFooterTemplates({})).find((e) => e.lang === 'de')?.override).toEqual(saved.override);
    expect((await failure(api.saveFooterTemplate({ lang: 'xx-nope', lines: ['x'] }))).code).toBe('LANGUAGE_UNKNOWN');

    const reset = await api.resetFooterTemplate({ lang: 'de' });
    expect(reset.override).toBeNull();
    expect(reset.vetted).not.toBeNull();
  });

  it('the dispatcher refuses bad payloads', async () => {
    const { backend } = await fixture(['x'], { translate: false });
    const r = await backend.dispatch('exportFile', { documentId: 'd', format: 'pdf', mode: 'publish' });
    expect(r.ok).toBe(false);
  });
});
