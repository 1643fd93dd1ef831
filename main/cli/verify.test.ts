/** `verso verify` (issue 12) in process, on a real library: a good and a tampered attestation, --text, --library, usage. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFixture, type ExportFixture } from '../export/testing/exportFixture.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { runCli } from './runCli.js';

let f: ExportFixture;
let dir: string;
beforeEach(async () => {
  f = await exportFixture(['# Storm hits the coast', 'The storm closed roads on Monday.', 'Schools stay open.']);
  dir = makeTempDir();
});
afterEach(() => {
  f.cleanup();
  removeTempDir(dir);
});

async function verso(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    env: { VERSO_DATA_DIR: f.dataDir },
    cwd: dir,
    version: '9.9.9-test',
    resolveDataDir: (env) => env.VERSO_DATA_DIR!,
  });
  return { code, stdout, stderr };
}

async function exported(format: 'attestation' | 'txt', file: string): Promise<string> {
  const r = await f.backend.api.exportFile({ documentId: f.doc.id, format, mode: 'publish' });
  fs.writeFileSync(path.join(dir, file), r.content);
  return r.content;
}

type Json = {
  hasPart: { signOff?: Record<string, string | null>; textSha256?: string }[];
  signers: { keyId: string; publicKey: string }[];
};
function edit(file: string, change: (att: Json) => void): void {
  const p = path.join(dir, file);
  const att = JSON.parse(fs.readFileSync(p, 'utf8')) as Json;
  change(att);
  fs.writeFileSync(p, JSON.stringify(att));
}

describe('verso verify <attestation>', () => {
  it('verifies a good attestation with only the file (keys and signatures embedded)', async () => {
    const text = await exported('attestation', 'a.jsonld');
    const att = JSON.parse(text) as Json;
    expect(att.signers).toEqual([expect.objectContaining({ identity: 'self-declared', name: 'Elena Editor', role: 'editor' })]);
    expect(att.hasPart[0]!.signOff).toMatchObject({ documentId: f.doc.id, role: 'editor', signature: expect.any(String) });
    const r = await verso('verify', 'a.jsonld');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a.jsonld: 3 paragraphs verified, signed by 1 key\n');
  });

  it('a tampered attestation fails with one line per problem and exit code 1', async () => {
    await exported('attestation', 'a.jsonld');
    edit('a.jsonld', (att) => {
      att.hasPart[1]!.signOff!.targetSha256 = '0'.repeat(64); // a claim rewritten
      att.hasPart[2]!.textSha256 = '1'.repeat(64); // text hash rewritten
    });
    const r = await verso('verify', 'a.jsonld');
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'a.jsonld: paragraph 2: the exported text differs from the text signed off',
      'a.jsonld: paragraph 2: signature does not verify (the sign-off or its text hash was changed)',
      'a.jsonld: paragraph 3: the exported text differs from the text signed off',
    ]);
  });

  it('a public key swapped for another one (and the signatures then forged) is refused by its id', async () => {
    await exported('attestation', 'a.jsonld');
    edit('a.jsonld', (att) => {
      att.signers[0]!.publicKey = Buffer.alloc(32, 7).toString('base64');
    });
    const r = await verso('verify', 'a.jsonld');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('its public key does not match its id');
  });

  it('--text checks an exported text against the attestation', async () => {
    await exported('attestation', 'a.jsonld');
    const txt = await exported('txt', 'story.txt');
    expect((await verso('verify', 'a.jsonld', '--text', 'story.txt')).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'story.txt'), txt.replace('Schools stay open.', 'Schools close.'));
    const r = await verso('verify', 'a.jsonld', '--text', 'story.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('story.txt: paragraph 3 differs from the text signed off\n');
  });

  it('not an attestation, or a missing file: one line, exit code 1; wrong usage: exit code 2', async () => {
    fs.writeFileSync(path.join(dir, 'x.jsonld'), '{"hello": 1}');
    const bad = await verso('verify', 'x.jsonld');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^verso: x\.jsonld: not a Verso attestation/);
    expect((await verso('verify', 'missing.jsonld')).stderr).toBe('verso: cannot read the attestation missing.jsonld: no such file\n');
    expect((await verso('verify')).code).toBe(2);
    expect((await verso('verify', 'a', 'b')).code).toBe(2);
    expect((await verso('verify', '--library', 'a')).code).toBe(2);
  });
});

describe('verso verify --library', () => {
  it('passes a clean library and names what a direct SQL edit broke', async () => {
    f.backend.close();
    const ok = await verso('verify', '--library');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^library verified: \d+ audit records, \d+ revisions, 3 signed-off paragraphs\n$/);
    const db = new Database(path.join(f.dataDir, 'verso.sqlite'));
    db.prepare('UPDATE paragraphs SET target = ? WHERE id = ?').run('Las escuelas cierran.', f.doc.paragraphs[2]!.id);
    db.close();
    const r = await verso('verify', '--library');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('library: “Storm hits the coast” paragraph 3: signature broken (text-changed)\n');
  });
});
