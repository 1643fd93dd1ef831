/** Issue 14, item 5: regional languages (BCP 47) for documents, glossary, footers and MT pairs, through the whole backend. */
import { afterEach, describe, expect, it } from 'vitest';
import { findFooterTemplate, renderFooter } from '../../../shared/footer.js';
import { exportFixture, FIXTURE_CONTACT, FIXTURE_PUBLISHER, type ExportFixture } from '../../export/testing/exportFixture.js';
import { createBackend, type Backend } from '../../backend.js';
import { createFakeEngine } from '../../testing/fakeEngine.js';
import { failure } from '../../testing/failure.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function start(): Backend {
  const dir = makeTempDir();
  const backend = createBackend({ dataDir: dir, mode: 'electron', version: '1.0.0', engines: [createFakeEngine()] });
  cleanups.push(() => {
    backend.close();
    removeTempDir(dir);
  });
  return backend;
}

const text = (t: string) => ({ kind: 'text' as const, text: t, format: 'txt' as const });

describe('regional languages (BCP 47)', () => {
  it('documents accept any valid tag, stored canonically (en-US, en-GB, es-ES, es-MX, fr-CA, de-DE, de-CH were refused)', async () => {
    const { api } = start();
    await api.setProfile({ name: 'Tomás', role: 'translator' });
    const pairs: [string, string, string, string][] = [
      ['en-US', 'es-MX', 'en-US', 'es-MX'],
      ['en-gb', 'ES-es', 'en-GB', 'es-ES'],
      ['en_US', 'fr-ca', 'en-US', 'fr-CA'],
      ['de-DE', 'de-CH', 'de-DE', 'de-CH'],
      ['en-US', 'en-GB', 'en-US', 'en-GB'],
      ['pt-BR', 'zh-hant-tw', 'pt-BR', 'zh-Hant-TW'],
      ['en', 'es-419', 'en', 'es-419'],
    ];
    for (const [sourceLang, targetLang, source, target] of pairs) {
      const doc = await api.importDocument({ source: text('Hello there.'), sourceLang, targetLang });
      expect([doc.sourceLang, doc.targetLang]).toEqual([source, target]);
    }
    for (const bad of ['xx-nope', 'en-ZZ', 'english', 'x-private', 'und']) {
      const error = await failure(api.importDocument({ source: text('Hello there.'), sourceLang: 'en', targetLang: bad }));
      expect(error.code, bad).toBe('LANGUAGE_UNKNOWN');
      expect(error.message).toContain('BCP 47');
    }
    expect(await api.listLibrary({})).toHaveLength(pairs.length);
  });

  it('the glossary accepts regional pairs; es-MX and es-ES are two glossaries, the same tag twice is refused', async () => {
    const { api } = start();
    await api.setProfile({ name: 'Elena', role: 'editor' });
    const term = { source: 'computer', target: 'computadora', note: '', forbidden: [] };
    await api.addGlossaryTerm({ sourceLang: 'en-us', targetLang: 'es-mx', term });
    await api.addGlossaryTerm({ sourceLang: 'en-US', targetLang: 'es-ES', term: { ...term, target: 'ordenador' } });
    expect((await api.listGlossaryTerms({ sourceLang: 'en-US', targetLang: 'es-MX' })).map((t) => t.target)).toEqual(['computadora']);
    expect((await failure(api.addGlossaryTerm({ sourceLang: 'es-MX', targetLang: 'es-mx', term }))).code).toBe('LANGUAGE_SAME');
    expect((await failure(api.addGlossaryTerm({ sourceLang: 'en', targetLang: 'es-Nope', term }))).code).toBe('LANGUAGE_UNKNOWN');
  });
});

describe('footer and MT pair by BCP 47 lookup within the language', () => {
  let f: ExportFixture | null = null;
  afterEach(() => {
    f?.cleanup();
    f = null;
  });

  it('an en-US → es-MX document gets the Spanish footer (es-MX → es) and MT from the engine’s pair', async () => {
    f = await exportFixture(['The storm closed roads on Monday.'], { sourceLang: 'en-US', targetLang: 'es-MX' });
    expect(f.doc.targetLang).toBe('es-MX');
    const footer = renderFooter(findFooterTemplate('es')!, {
      publisher: FIXTURE_PUBLISHER,
      contactEmail: FIXTURE_CONTACT,
      engines: 'Fake MT',
      editor: 'Elena Editor',
      date: '2026-03-01',
    });
    expect(findFooterTemplate('es-MX')?.lang).toBe('es');
    const txt = await f.backend.api.exportFile({ documentId: f.doc.id, format: 'txt', mode: 'publish' });
    expect(txt.content.trimEnd().endsWith(footer)).toBe(true);
    const html = await f.backend.api.exportFile({ documentId: f.doc.id, format: 'html', mode: 'publish' });
    expect(html.content).toContain('lang="es-MX"');
  });

  it('a regional tag takes its language’s direction: an ar-EG export is right to left with the Arabic footer', async () => {
    f = await exportFixture(['The storm closed roads on Monday.'], { sourceLang: 'en', targetLang: 'ar-EG' });
    const html = (await f.backend.api.exportFile({ documentId: f.doc.id, format: 'html', mode: 'publish' })).content;
    expect(html).toMatch(/<html lang="ar-EG" dir="rtl"|lang="ar-EG"[^>]*dir="rtl"/);
    expect(html).toContain('<footer class="ai-disclosure" lang="ar" dir="rtl"');
  });

  it('never takes another language’s footer: a language without a template has none', () => {
    expect(findFooterTemplate('es-MX')?.lang).toBe('es');
    expect(findFooterTemplate('pt-BR')?.lang).toBe('pt');
    expect(findFooterTemplate('gsw-CH')).toBeNull();
    expect(findFooterTemplate('zh-Hant-TW')).toBeNull();
  });
});
