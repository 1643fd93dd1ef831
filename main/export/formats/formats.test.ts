/** Golden tests of every format writer on one sample document (main/export/testing/sampleExport.ts). */
import { describe, expect, it } from 'vitest';
import { sampleExport } from '../testing/sampleExport.js';
import { docxParagraphs, docxParts } from '../testing/docxParagraphs.js';
import { writeAttestation } from './attestation.js';
import { DISCLOSURE_STYLE_ID, DRAFT_STYLE_ID, writeDocx } from './docx.js';
import { writeHtml } from './html.js';
import { escapeMarkdownLine, writeMarkdown } from './markdown.js';
import { writePlainText } from './plainText.js';
import { writeProvenance } from './provenance.js';
import { tmxDate, writeTmx } from './tmx.js';
import { writeXliff12 } from './xliff12.js';
import { writeXliff20 } from './xliff20.js';
import { draftNoticeFor } from '../../../shared/features/exportingDraftNotice.js';

const FOOTER = ['Este artículo fue traducido con ayuda de IA.', 'Escríbanos a redaccion@example.org.'];
const count = (text: string, part: string) => text.split(part).length - 1;
const draft = () => sampleExport({ mode: 'draft', footer: null, draftNotice: draftNoticeFor('es', 2, 6) });
const NOTICE_ES = 'BORRADOR — no aprobado para su publicación (párrafos aprobados: 2 de 6)';

describe('plain text', () => {
  it('matches the golden file, footer once after the last paragraph', async () => {
    const text = writePlainText(sampleExport());
    await expect(text).toMatchFileSnapshot('./golden/sample.publish.txt');
    expect(count(text, FOOTER[0]!)).toBe(1);
    expect(text.trimEnd().endsWith(FOOTER.join('\n\n'))).toBe(true);
  });
  it('a draft starts with the notice and has no footer', async () => {
    const text = writePlainText(draft());
    await expect(text).toMatchFileSnapshot('./golden/sample.draft.txt');
    expect(text.startsWith(`${NOTICE_ES}\n\n`)).toBe(true);
    expect(text).not.toContain(FOOTER[0]);
  });
});

describe('Markdown', () => {
  it('matches the golden file; source markup is escaped, structure kept', async () => {
    const md = writeMarkdown(sampleExport());
    await expect(md).toMatchFileSnapshot('./golden/sample.publish.md');
    expect(md.startsWith('# Lluvia y \\<viento\\> azotan la costa')).toBe(true);
    expect(md).toContain('- Escuelas \\*cerradas\\*');
    expect(md).toContain('> «Quédense en casa», dijo.\n> Luego se fue.');
    expect(count(md, FOOTER[0]!)).toBe(1);
  });
  it('escapes line-start syntax', () => {
    expect(escapeMarkdownLine('# a')).toBe('\\# a');
    expect(escapeMarkdownLine('1. a')).toBe('1\\. a');
    expect(escapeMarkdownLine('[x](javascript:y)')).toBe('\\[x\\](javascript:y)');
  });
});

describe('HTML', () => {
  it('matches the golden file: semantic, escaped, a <footer lang> after the article', async () => {
    const html = writeHtml(sampleExport());
    await expect(html).toMatchFileSnapshot('./golden/sample.publish.html');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<h1>Lluvia y &lt;viento&gt; azotan la costa</h1>');
    expect(html).toContain('<ul>\n<li>Escuelas *cerradas*</li>');
    expect(count(html, '<footer')).toBe(1);
    expect(html.indexOf('</article>')).toBeLessThan(html.indexOf('<footer class="ai-disclosure" lang="es" dir="ltr">'));
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
  });
  it('a draft is marked in the title, a notice and noindex; no footer', () => {
    const html = writeHtml(draft());
    expect(html).toContain('<title>BORRADOR: Lluvia y &lt;viento&gt; azotan la costa</title>');
    expect(html).toContain(`<p class="verso-draft" role="note"><strong>${NOTICE_ES}</strong></p>`);
    expect(html).toContain('noindex');
    expect(html).not.toContain('<footer');
  });
  it('a draft into a language without its own notice gets the English one, marked as English', () => {
    const html = writeHtml(sampleExport({ targetLang: 'ko', mode: 'draft', footer: null, draftNotice: draftNoticeFor('ko', 0, 6) }));
    expect(html).toContain('<title>DRAFT: ');
    expect(html).toContain(
      '<p class="verso-draft" role="note" lang="en" dir="ltr"><strong>DRAFT — not approved for publication (0 of 6 paragraphs signed off)</strong></p>',
    );
  });
  it('right-to-left targets get dir="rtl"', () => {
    const html = writeHtml(sampleExport({ targetLang: 'ar', footer: { lang: 'ar', lines: ['نص'] } }));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<footer class="ai-disclosure" lang="ar" dir="rtl">');
  });
});

describe('DOCX', () => {
  it('a regional right-to-left target (ar-EG) is right to left, like its language', async () => {
    const xml = (lang: string) => async () =>
      docxParts(await writeDocx(sampleExport({ targetLang: lang, footer: { lang, lines: ['نص'] } })))['word/document.xml']!;
    expect(await xml('ar-EG')()).toContain('<w:bidi/>');
    expect(await xml('ar')()).toContain('<w:bidi/>');
    expect(await xml('es-MX')()).not.toContain('<w:bidi/>');
  });

  it('has Word headings, paragraphs, and the footer as its own styled paragraphs, once, at the end', async () => {
    const bytes = await writeDocx(sampleExport());
    const paragraphs = docxParagraphs(bytes);
    await expect(JSON.stringify(paragraphs, null, 2) + '\n').toMatchFileSnapshot('./golden/sample.publish.docx.json');
    expect(paragraphs[0]).toEqual({ style: 'Heading1', text: 'Lluvia y <viento> azotan la costa' });
    expect(paragraphs.slice(-2)).toEqual(FOOTER.map((text) => ({ style: DISCLOSURE_STYLE_ID, text })));
    expect(paragraphs.filter((p) => p.style === DISCLOSURE_STYLE_ID)).toHaveLength(2);
    expect(docxParts(bytes)['word/styles.xml']).toContain('w:styleId="AiDisclosure"');
  });
  it('a draft starts with the draft notice paragraph and has no footer', async () => {
    const paragraphs = docxParagraphs(await writeDocx(draft()));
    expect(paragraphs[0]).toEqual({ style: DRAFT_STYLE_ID, text: NOTICE_ES });
    expect(paragraphs.some((p) => p.style === DISCLOSURE_STYLE_ID)).toBe(false);
  });
});

describe('XLIFF', () => {
  it('1.2 matches the golden file: states, MT as alt-trans, no footer', async () => {
    const xlf = writeXliff12(sampleExport());
    await expect(xlf).toMatchFileSnapshot('./golden/sample.xliff12.xlf');
    expect(xlf).not.toContain(FOOTER[0]);
    expect(count(xlf, '<trans-unit ')).toBe(6);
    expect(count(xlf, 'state="final"')).toBe(2);
    expect(count(xlf, 'approved="yes"')).toBe(2);
    expect(xlf).toContain('state="needs-review-translation" state-qualifier="leveraged-mt"');
    expect(count(xlf, '<alt-trans ')).toBe(3);
  });
  it('2.0 matches the golden file: states, MT as mtc:match, no footer', async () => {
    const xlf = writeXliff20(sampleExport());
    await expect(xlf).toMatchFileSnapshot('./golden/sample.xliff20.xlf');
    expect(xlf).not.toContain(FOOTER[0]);
    expect(count(xlf, '<unit ')).toBe(6);
    expect(count(xlf, 'state="final"')).toBe(2);
    // The new paragraph and the raw MT one: raw MT is never "translated" (issue 12).
    expect(count(xlf, 'state="initial"')).toBe(2);
    expect(xlf).toContain('state="initial" subState="verso:machine"');
    expect(count(xlf, '<mtc:match ')).toBe(3);
    expect(count(xlf, '<mda:meta type="origin">mt</mda:meta>')).toBe(3);
  });
});

describe('TMX', () => {
  it('matches the golden file: only signed-off paragraphs, with creation/change ids and dates; no footer', async () => {
    const tmx = writeTmx(sampleExport());
    await expect(tmx).toMatchFileSnapshot('./golden/sample.tmx');
    expect(count(tmx, '<tu ')).toBe(2);
    expect(tmx).toContain(
      'creationid="Tomás Translator" creationdate="20260301T100000Z" changeid="Elena Editor" changedate="20260301T103000Z"',
    );
    expect(tmx).not.toContain(FOOTER[0]);
  });
  it('a draft says so in the header', () => {
    expect(writeTmx(draft())).toContain(`<note>${NOTICE_ES}</note>`);
    expect(writeXliff12(draft())).toContain(`<note from="verso" priority="1">${NOTICE_ES}</note>`);
    expect(writeXliff20(draft())).toContain(`<note category="draft" priority="1">${NOTICE_ES}</note>`);
    expect(JSON.parse(writeProvenance(draft()))).toMatchObject({ draftNotice: NOTICE_ES });
    expect(JSON.parse(writeProvenance(draft()))).toMatchObject({ draft: true });
    expect(JSON.parse(writeAttestation(draft()))).toMatchObject({ draft: true });
  });
  it('dates are TMX basic format', () => {
    expect(tmxDate('2026-11-29T03:04:05.678Z')).toBe('20261129T030405Z');
  });
});

describe('JSON provenance and attestation', () => {
  it('provenance matches the golden file: engine, edit distance, confirmer, sign-off and hash check', async () => {
    const json = writeProvenance(sampleExport());
    await expect(json).toMatchFileSnapshot('./golden/sample.provenance.json');
    const value = JSON.parse(json) as {
      paragraphs: { mt: unknown; editDistance: { characters: number } | null; signedOff: { matchesText: boolean } | null }[];
    };
    expect(value.paragraphs).toHaveLength(6);
    expect(value.paragraphs[1]!.editDistance!.characters).toBe(28);
    expect(value.paragraphs[5]!.mt).toBeNull();
    // The sample's hashes are fake, so they do not match the text.
    expect(value.paragraphs[0]!.signedOff!.matchesText).toBe(false);
    expect(json).not.toContain(FOOTER[0]);
  });
  it('attestation matches the golden file: JSON-LD with engines and who signed off each paragraph', async () => {
    const json = writeAttestation(sampleExport());
    await expect(json).toMatchFileSnapshot('./golden/sample.attestation.jsonld');
    const value = JSON.parse(json) as Record<string, unknown> & {
      hasPart: { machineTranslated: boolean; signedOffBy?: { name: string } }[];
    };
    expect(value['@context']).toBeTypeOf('object');
    expect(value['aiAssisted']).toBe(true);
    expect(value['humanReviewComplete']).toBe(false);
    expect(value.hasPart.map((p) => p.machineTranslated)).toEqual([true, true, false, false, true, false]);
    expect(value.hasPart[0]!.signedOffBy!.name).toBe('Elena Editor');
  });
});
