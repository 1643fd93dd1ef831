/** `verso glossary-export` in process, on a real library: TBX-Basic 2008 by default, v3 and CSV on request, clear usage errors. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import type { CliIo } from './cliIo.js';
import { runCli } from './runCli.js';

let dataDir: string;
let out: string;

beforeAll(async () => {
  dataDir = makeTempDir();
  out = makeTempDir();
  const backend = createBackend({ dataDir, mode: 'electron', version: '1.0.0' });
  await backend.api.addGlossaryTerm({
    sourceLang: 'en',
    targetLang: 'es',
    term: { source: 'R&D', target: 'I+D', definition: 'Research & development.' },
  });
  backend.close();
});

afterAll(() => {
  removeTempDir(dataDir);
  removeTempDir(out);
});

async function verso(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    env: {},
    cwd: out,
    version: '1.0.0',
    resolveDataDir: () => dataDir,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('verso glossary-export', () => {
  it('writes TBX-Basic 2008 (v2) by default, with the definition, into a folder under its own name', async () => {
    const r = await verso(['glossary-export', '--source', 'en', '--target', 'es', '--out', '.']);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(out, 'glossary.en-es.tbx');
    expect(r.stdout.trim()).toBe(file);
    const tbx = fs.readFileSync(file, 'utf8');
    expect(tbx).toContain('<martif type="TBX-Basic" xml:lang="en">');
    expect(tbx).toContain('<descrip type="definition">Research &amp; development.</descrip>');
    // Never overwrites without --force.
    expect((await verso(['glossary-export', '--source', 'en', '--target', 'es', '--out', '.'])).code).toBe(1);
    expect((await verso(['glossary-export', '--source', 'en', '--target', 'es', '--out', '.', '--force'])).code).toBe(0);
  });

  it('writes TBX v3 and CSV on request', async () => {
    const v3 = await verso(['glossary-export', '--source', 'en', '--target', 'es', '--format', 'tbx-v3', '--out', 'v3.tbx']);
    expect(v3.code, v3.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'v3.tbx'), 'utf8')).toContain('<tbx type="TBX-Basic" style="dca"');
    const csv = await verso(['glossary-export', '--source', 'en', '--target', 'es', '--format', 'csv', '--out', 'g.csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'g.csv'), 'utf8')).toContain('Research & development.');
  });

  it('says what is wrong: usage (exit 2), an empty pair (exit 1)', async () => {
    const noLang = await verso(['glossary-export', '--out', '.']);
    expect(noLang.code).toBe(2);
    expect(noLang.stderr).toContain('--source and --target');
    const badFormat = await verso(['glossary-export', '--source', 'en', '--target', 'es', '--format', 'xlsx', '--out', '.']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Unknown glossary format "xlsx"');
    const empty = await verso(['glossary-export', '--source', 'en', '--target', 'de', '--out', '.']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('GLOSSARY_EXPORT_EMPTY');
    expect((await verso(['--help'])).stdout).toContain('verso glossary-export');
  });
});
