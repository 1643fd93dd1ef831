/**
 * Other tools read Verso's TBX-Basic 2008 (v2) export: translate-toolkit's `tbx2po` turns it into a
 * PO file with our terms, OmegaT 3.6's own TBX glossary reader (run from OmegaT.jar with Java's
 * single-file launcher) loads our terms, translations and definitions, and the file validates with
 * xmllint against the TBX core-structure schema OmegaT ships (schemas/tbx.xsd in OmegaT.jar, an
 * XSD form of ISO 30042:2008's TBXcoreStructV02 DTD). The v3 export is the control: neither tool
 * reads it, which is why v2 is the default. A missing tool fails these tests; it never skips them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { writeTbx } from './tbxWriter.js';

const OMEGAT_JAR = '/usr/share/omegat/OmegaT.jar';
const TBX2PO = '/usr/bin/tbx2po';
const PYTHON = '/usr/bin/python3';
const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/ReadTbxWithOmegat.java');

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

function term(source: string, target: string, extra: Partial<GlossaryTerm> = {}): GlossaryTerm {
  return {
    id: source,
    sourceLang: 'en',
    targetLang: 'es',
    source,
    target,
    note: '',
    definition: '',
    forbidden: [],
    caseSensitive: false,
    createdAt: 'a',
    updatedAt: 'a',
    ...extra,
  };
}

const PAIR = { sourceLang: 'en', targetLang: 'es' };
const TERMS = [
  term('European Union', 'Unión Europea', {
    definition: 'Political & economic union of 27 <member> states.',
    note: 'Spell out in body text.',
    forbidden: ['UE'],
  }),
  term('R&D', 'I+D', { definition: 'Research and development.' }),
  term('prime minister', 'primer ministro'),
];

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.error)
    throw new Error(
      `${command} could not run (is it installed? Debian packages: translate-toolkit, omegat (brings java), libxml2-utils): ${r.error.message}`,
    );
  return r;
}

/** The PO units (msgid, msgstr, context, developer comments) as translate-toolkit reads them back. */
function readPo(file: string): { source: string; target: string; context: string; notes: string }[] {
  const script = [
    'import json, sys',
    'from translate.storage import po',
    'store = po.pofile.parsefile(sys.argv[1])',
    'print(json.dumps([{"source": u.source, "target": u.target, "context": u.getcontext(), "notes": u.getnotes()} for u in store.units if not u.isheader()]))',
  ].join('\n');
  const r = run(PYTHON, ['-c', script, file]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { source: string; target: string; context: string; notes: string }[];
}

function tbx2po(tbx: string, name: string) {
  const out = path.join(dir, `${name}.po`);
  const r = run(TBX2PO, ['--errorlevel=traceback', write(`${name}.tbx`, tbx), out]);
  return { r, out };
}

/** What OmegaT's GlossaryReaderTBX loads from the file, for an en → es project. */
function omegat(tbx: string, name: string) {
  const r = run('java', ['-cp', OMEGAT_JAR, READER, write(`${name}.tbx`, tbx), 'en', 'es']);
  const entries =
    r.status === 0
      ? r.stdout
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { source: string; target: string; comment: string })
      : [];
  return { r, entries };
}

describe('translate-toolkit reads the TBX-Basic 2008 export', () => {
  it('tbx2po turns every term into a PO unit with its translation and definition', () => {
    const { r, out } = tbx2po(writeTbx(TERMS, PAIR, 'v2'), 'verso-v2');
    expect(r.status, r.stderr).toBe(0);
    const units = readPo(out);
    expect(units.map((u) => [u.source, u.target])).toEqual([
      ['European Union', 'Unión Europea'],
      ['R&D', 'I+D'],
      ['prime minister', 'primer ministro'],
    ]);
    const eu = units[0]!;
    expect(`${eu.context}\n${eu.notes}`).toContain('Political & economic union of 27 <member> states.');
  });

  it('(control) finds no terms in the v3 export', () => {
    const { r, out } = tbx2po(writeTbx(TERMS, PAIR, 'v3'), 'verso-v3');
    const units = r.status === 0 && fs.existsSync(out) ? readPo(out) : [];
    expect(units).toEqual([]);
  });
});

describe('OmegaT 3.6 reads the TBX-Basic 2008 export', () => {
  it('its TBX glossary reader loads each term, its translation and its definition', () => {
    expect(fs.existsSync(OMEGAT_JAR), `${OMEGAT_JAR} is missing (apt-get install omegat)`).toBe(true);
    const { r, entries } = omegat(writeTbx(TERMS, PAIR, 'v2'), 'omegat-v2');
    expect(r.status, r.stderr).toBe(0);
    const pairs = entries.map((e) => [e.source, e.target]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['European Union', 'Unión Europea'],
        ['R&D', 'I+D'],
        ['prime minister', 'primer ministro'],
      ]),
    );
    // The preferred translation comes first (OmegaT also lists the deprecated variant, with its status in the comment).
    expect(pairs.filter(([s]) => s === 'European Union')[0]).toEqual(['European Union', 'Unión Europea']);
    const eu = entries.find((e) => e.source === 'European Union')!;
    expect(eu.comment).toContain('definition: Political & economic union of 27 <member> states.');
    expect(eu.comment).toContain('Spell out in body text.');
    expect(entries.find((e) => e.source === 'R&D')?.comment).toContain('definition: Research and development.');
  });

  it('(control) loads nothing from the v3 export', () => {
    const { entries } = omegat(writeTbx(TERMS, PAIR, 'v3'), 'omegat-v3');
    expect(entries).toEqual([]);
  });
});

describe('the TBX-Basic 2008 export validates', () => {
  it('against the TBX core-structure schema shipped in OmegaT.jar (xmllint, nothing fetched)', () => {
    const schemas = path.join(dir, 'schemas');
    fs.mkdirSync(schemas);
    const copy = run('java', ['-cp', OMEGAT_JAR, READER, '--schemas', schemas]);
    expect(copy.status, copy.stderr).toBe(0);
    const xsd = path.join(schemas, 'tbx.xsd');
    const valid = run('xmllint', ['--noout', '--nonet', '--schema', xsd, write('valid.tbx', writeTbx(TERMS, PAIR, 'v2'))]);
    expect(valid.status, valid.stderr).toBe(0);
    // The schema does reject what the core structure forbids (a termEntry without a langSet).
    const broken = writeTbx(TERMS, PAIR, 'v2').replace(/<langSet[\s\S]*?<\/langSet>\s*<langSet[\s\S]*?<\/langSet>/, '');
    const invalid = run('xmllint', ['--noout', '--nonet', '--schema', xsd, write('invalid.tbx', broken)]);
    expect(invalid.status).not.toBe(0);
  });
});
