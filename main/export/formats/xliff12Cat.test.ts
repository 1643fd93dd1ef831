/**
 * "Export for another CAT tool" (issue 14 item 3): the XLIFF 1.2 variant that OmegaT 3.6 translates
 * from the source. The round trip runs the real OmegaT (Debian `omegat`, console mode) on the file
 * with a TMX in tm/auto/, and brings its output back into the Verso document. OmegaT must be
 * installed: a missing tool fails this test, it does not skip it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend.js';
import { parseXliff } from '../../import/formats/xliff.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import { xmlSchemaErrors } from '../../testing/validateXml.js';
import { escapeXml } from '../../../shared/xml/escapeXml.js';
import { omegatProject } from '../../testing/omegatProject.js';

const STORY = `# Flood waters rise

Heavy rain fell on **Tuesday** night.

- More buses

1. Stay indoors

> Nobody knows why.`;

let dir: string;
let backend: Backend;
beforeEach(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
  await backend.api.setProfile({ name: 'Eda', role: 'editor' });
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

const md = (text: string) => ({ kind: 'file' as const, fileName: 'story.md', dataBase64: Buffer.from(text).toString('base64') });
const xlf = (text: string, fileName: string) => ({ kind: 'file' as const, fileName, dataBase64: Buffer.from(text).toString('base64') });

/** A document with a signed-off headline, the rest untranslated; its CAT export. */
async function exported() {
  const { api } = backend;
  const doc = await api.importDocument({ source: md(STORY), sourceLang: 'en', targetLang: 'es' });
  const headline = doc.paragraphs[0]!;
  await api.updateParagraphTarget({ paragraphId: headline.id, target: 'Sube el agua' });
  await api.confirmParagraphs({ paragraphIds: [headline.id] });
  await api.signOffParagraphs({ paragraphIds: [headline.id] });
  const file = await api.exportFile({ documentId: doc.id, format: 'xliff12cat', mode: 'draft' });
  return { doc, file };
}

describe('Export for another CAT tool (XLIFF 1.2)', () => {
  it('every paragraph is a unit whose target copies its source, schema-valid, structure kept', async () => {
    const { doc, file } = await exported();
    expect(file.fileName).toMatch(/\.cat\.xlf$/);
    expect(xmlSchemaErrors(file.content, 'xliff12')).toBeNull();
    const units = [...file.content.matchAll(/<source[^>]*>(.*?)<\/source>\s*<target[^>]*state="needs-translation">(.*?)<\/target>/g)];
    expect(units).toHaveLength(doc.paragraphs.length);
    for (const u of units) expect(u[2]).toBe(u[1]);
    // Verso's own translation is not a target ("Sube el agua" goes to another tool as a TMX).
    expect(file.content).not.toContain('Sube el agua');
    // Read back: the same paragraphs, kinds and markers; the copies are no translation.
    const back = parseXliff(file.content).segments;
    expect(back.map((s) => [s.kind, s.marker, s.target])).toEqual(doc.paragraphs.map((p) => [p.kind, p.marker, null]));
  });

  it('an excluded paragraph is a unit with translate="no" (still schema-valid), so a re-import lines up', async () => {
    const { api } = backend;
    const doc = await api.importDocument({ source: md(STORY), sourceLang: 'en', targetLang: 'es' });
    await api.setParagraphsExcluded({ paragraphIds: [doc.paragraphs[4]!.id], excluded: true });
    const file = await api.exportFile({ documentId: doc.id, format: 'xliff12cat', mode: 'draft' });
    expect(xmlSchemaErrors(file.content, 'xliff12')).toBeNull();
    expect(parseXliff(file.content).segments.map((s) => s.excluded === true)).toEqual([false, false, false, false, true]);
    const { summary } = await api.reimportDocument({ documentId: doc.id, source: xlf(file.content, file.fileName) });
    expect([summary.unchanged, summary.changed, summary.added, summary.removed]).toEqual([5, [], [], []]);
  });

  it('OmegaT 3.6 translates it from the source with a TMX, and its output comes back as revisions credited to OmegaT', async () => {
    const { api } = backend;
    const { doc, file } = await exported();
    // An OmegaT project: omegat.project, source/ with the file, tm/auto/ with a TMX (OmegaT's tags <g0>…</g0> for inline codes).
    const project = path.join(dir, 'omt');
    for (const sub of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat', 'home'])
      fs.mkdirSync(path.join(project, sub), { recursive: true });
    fs.writeFileSync(path.join(project, 'omegat.project'), OMEGAT_PROJECT);
    fs.writeFileSync(path.join(project, 'source', file.fileName), file.content);
    const memory: [string, string][] = [
      ['Flood waters rise', 'Suben las aguas'],
      ['Heavy rain fell on <g0>Tuesday</g0> night.', 'Llovió mucho la noche del <g0>martes</g0>.'],
      ['More buses', 'Más autobuses'],
      ['Stay indoors', 'Quédense en casa'],
    ];
    fs.writeFileSync(path.join(project, 'tm/auto/verso.tmx'), tmx(memory));

    const started = process.hrtime.bigint();
    const run = spawnSync('omegat', [project, '--mode=console-translate'], {
      env: { ...process.env, HOME: path.join(project, 'home'), JAVA_TOOL_OPTIONS: `-Duser.home=${path.join(project, 'home')}` },
      encoding: 'utf8',
      timeout: 300_000,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.info(`OmegaT console-translate: ${seconds.toFixed(1)} s`);
    expect(run.error, 'OmegaT (Debian package omegat) must be installed').toBeUndefined();
    expect(run.status, run.stderr + run.stdout).toBe(0);

    const translated = fs.readFileSync(path.join(project, 'target', file.fileName), 'utf8');
    expect(translated).toContain('Suben las aguas');
    const { document: after, summary } = await api.reimportDocument({
      documentId: doc.id,
      source: xlf(translated, file.fileName),
      tool: 'OmegaT 3.6',
    });

    expect(summary.unchanged).toBe(doc.paragraphs.length);
    expect(summary.translations).toEqual({
      tool: 'OmegaT 3.6',
      applied: [1, 2, 3, 4],
      unchanged: 0,
      signOffsReopened: [1],
      skipped: [{ paragraph: 5, reason: 'no-target' }],
    });
    const [headline, rain, buses, stay, quote] = after.paragraphs;
    expect([headline!.target, headline!.status, headline!.signOff]).toEqual(['Suben las aguas', 'edited', null]);
    // The inline code came back around the translated word, as the same token.
    expect(rain!.target).toBe(
      rain!.source.replace('Heavy rain fell on ', 'Llovió mucho la noche del ').replace('Tuesday', 'martes').replace(' night.', '.'),
    );
    expect([buses!.target, stay!.target, quote!.target]).toEqual(['Más autobuses', 'Quédense en casa', '']);
    const history = await api.getParagraphHistory({ paragraphId: buses!.id });
    expect(history.entries.at(-1)).toMatchObject({ origin: 'import', action: 'edit', afterText: 'Más autobuses', mtEngine: 'OmegaT 3.6' });
    const origins = await api.getDocumentOrigins({ documentId: doc.id });
    expect(origins.unknown.map((o) => o.tool)).toEqual(['OmegaT 3.6', 'OmegaT 3.6', 'OmegaT 3.6', 'OmegaT 3.6']);
  }, 320_000);
});

function tmx(units: [string, string][]): string {
  const tu = units.map(
    ([en, es]) => `<tu><tuv xml:lang="en"><seg>${escapeXml(en)}</seg></tuv><tuv xml:lang="es"><seg>${escapeXml(es)}</seg></tuv></tu>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="Verso test" creationtoolversion="1" segtype="paragraph" o-tmf="verso" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
${tu.join('\n')}
</body></tmx>
`;
}

const OMEGAT_PROJECT = omegatProject('en', 'es');
