/**
 * Interop with real tools from Debian's packages (installed by .ci/run): LibreOffice reads our DOCX,
 * translate-toolkit reads our XLIFF 1.2 and TMX, and our own importer reads XLIFF 2.0 back
 * (translate-toolkit 3.8 has no XLIFF 2.0 reader). A missing tool skips its test with the reason printed,
 * except in CI (CI=true), where a missing tool is a failure: .ci/run installs them all.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseXliff } from '../import/formats/xliff.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { writeDocx } from './formats/docx.js';
import { writePlainText } from './formats/plainText.js';
import { writeTmx } from './formats/tmx.js';
import { writeXliff12 } from './formats/xliff12.js';
import { writeXliff20 } from './formats/xliff20.js';
import { sampleExport } from './testing/sampleExport.js';
import { omegatProject } from '../testing/omegatProject.js';

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

function has(command: string, args: string[]): boolean {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0;
}
const PYTHON = '/usr/bin/python3';
const hasSoffice = has('soffice', ['--version']);
const hasOmegat = spawnSync('sh', ['-c', 'command -v omegat'], { encoding: 'utf8' }).status === 0;
const hasToolkit = fs.existsSync(PYTHON) && has(PYTHON, ['-c', 'import translate.storage.xliff, translate.storage.tmx']);
if (!hasSoffice) console.log('SKIPPED LibreOffice interop: `soffice` is not installed (apt-get install libreoffice-writer-nogui).');
if (!hasOmegat) console.log('SKIPPED OmegaT interop: `omegat` is not installed (apt-get install omegat).');
if (!hasToolkit)
  console.log('SKIPPED translate-toolkit interop: /usr/bin/python3 cannot import translate (apt-get install translate-toolkit).');
if (process.env.CI && !(hasSoffice && hasOmegat && hasToolkit)) {
  throw new Error(
    'CI must have LibreOffice, OmegaT and translate-toolkit (.ci/run installs them): a missing tool fails here, never skips.',
  );
}

/** Non-empty lines, without list bullets and surrounding spaces. */
function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[•◦▪-]\s+/, '').trim())
    .filter((l) => l !== '');
}

describe.skipIf(!hasSoffice)('LibreOffice', () => {
  it('converts our DOCX to text that matches our plain-text export', { timeout: 180_000 }, async () => {
    const doc = sampleExport();
    const docx = path.join(dir, 'article.docx');
    fs.writeFileSync(docx, await writeDocx(doc));
    const out = path.join(dir, 'lo-out');
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'txt:Text',
        '--outdir',
        out,
        docx,
      ],
      { encoding: 'utf8', timeout: 170_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const converted = fs.readFileSync(path.join(out, 'article.txt'), 'utf8');
    expect(lines(converted)).toEqual(lines(writePlainText(doc)));
  });
});

interface ToolkitUnit {
  source: string;
  target: string | null;
  state: number;
  approved: boolean;
  alt: string[];
}

function toolkitRead(kind: 'xliff' | 'tmx', file: string): ToolkitUnit[] {
  const script = [
    'import json, sys',
    'from translate.storage import xliff, tmx',
    `store = ${kind === 'xliff' ? 'xliff.xlifffile' : 'tmx.tmxfile'}.parsefile(sys.argv[1])`,
    'out = []',
    'for u in store.unit_iter():',
    '    alt = [a.target for a in u.getalttrans()] if hasattr(u, "getalttrans") else []',
    '    out.append({"source": u.source, "target": u.target, "state": u.get_state_n() if hasattr(u, "get_state_n") else 0, "approved": bool(u.isapproved()) if hasattr(u, "isapproved") else False, "alt": alt})',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as ToolkitUnit[];
}

describe.skipIf(!hasToolkit)('translate-toolkit', () => {
  it('reads our XLIFF 1.2 with every unit, its state, approval and the MT as alt-trans', () => {
    const doc = sampleExport();
    const file = path.join(dir, 'article.xlf');
    fs.writeFileSync(file, writeXliff12(doc));
    const units = toolkitRead('xliff', file);
    expect(units.map((u) => u.source)).toEqual(doc.paragraphs.map((p) => p.source));
    expect(units.map((u) => u.target)).toEqual(doc.paragraphs.map((p) => (p.status === 'new' ? null : p.target)));
    expect(units.map((u) => u.approved)).toEqual(doc.paragraphs.map((p) => p.status === 'signed-off'));
    // translate-toolkit's state numbers: 0 untranslated, 80 needs review, 100 translated, 121 final.
    expect(units.map((u) => u.state)).toEqual([121, 121, 100, 80, 80, 0]);
    expect(units.map((u) => u.alt)).toEqual(doc.paragraphs.map((p) => (p.mt ? [p.mt.text] : [])));
  });

  it('reads our TMX: the signed-off paragraphs, source and target', () => {
    const doc = sampleExport();
    const file = path.join(dir, 'article.tmx');
    fs.writeFileSync(file, writeTmx(doc));
    const units = toolkitRead('tmx', file);
    const signed = doc.paragraphs.filter((p) => p.status === 'signed-off');
    expect(units.map((u) => [u.source, u.target])).toEqual(signed.map((p) => [p.source, p.target]));
  });

  it('xliff2po converts our XLIFF 1.2 without complaint', () => {
    const file = path.join(dir, 'cli.xlf');
    fs.writeFileSync(file, writeXliff12(sampleExport()));
    const po = path.join(dir, 'cli.po');
    const r = spawnSync('xliff2po', [file, po], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const text = fs.readFileSync(po, 'utf8');
    expect(text).toContain('msgid "Rain & <wind> hit the coast"');
    expect(text).toContain('msgstr "Lluvia y <viento> azotan la costa"');
  });
});

const OMEGAT_PROJECT = omegatProject('EN', 'ES');

describe.skipIf(!hasOmegat)('OmegaT 3.6 (console mode)', () => {
  it('takes our TMX as project memory (tm/auto) and inserts the signed-off translations', { timeout: 180_000 }, () => {
    const project = path.join(dir, 'omegat-project');
    for (const sub of ['source', 'target', 'tm/auto', 'omegat', 'glossary', 'dictionary'])
      fs.mkdirSync(path.join(project, sub), { recursive: true });
    fs.writeFileSync(path.join(project, 'omegat.project'), OMEGAT_PROJECT);
    const doc = sampleExport();
    fs.writeFileSync(path.join(project, 'tm/auto/verso.tmx'), writeTmx(doc));
    // One signed-off paragraph (in the TMX) and one that is not.
    fs.writeFileSync(path.join(project, 'source/article.txt'), `${doc.paragraphs[1]!.source}\n\n${doc.paragraphs[2]!.source}\n`);
    const r = spawnSync('omegat', [project, '--mode=console-translate'], {
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, HOME: dir },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('verso.tmx');
    const translated = fs.readFileSync(path.join(project, 'target/article.txt'), 'utf8');
    expect(lines(translated)).toEqual([doc.paragraphs[1]!.target, doc.paragraphs[2]!.source]);
  });
});

describe('XLIFF 2.0 read back', () => {
  it('our own XLIFF importer reads every unit, target and state back', () => {
    const doc = sampleExport();
    const parsed = parseXliff(writeXliff20(doc));
    expect(parsed.sourceLang).toBe('en');
    expect(parsed.targetLang).toBe('es');
    expect(parsed.segments.map((s) => s.text)).toEqual(doc.paragraphs.map((p) => p.source));
    expect(parsed.segments.map((s) => s.target?.text ?? '')).toEqual(doc.paragraphs.map((p) => (p.status === 'new' ? '' : p.target)));
  });
});
