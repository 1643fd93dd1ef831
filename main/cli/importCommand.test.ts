/** `verso import` / `verso reimport` (issue 14): an XLIFF in other languages is a clear error unless --file-languages. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import type { CliIo } from './cliIo.js';
import { runCli } from './runCli.js';

let dir: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  dir = makeTempDir();
  const backend = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
  await backend.api.setProfile({ name: 'Pipeline', role: 'editor' });
  backend.close();
  out = [];
  err = [];
  io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    cwd: dir,
    version: '1.0.0',
    resolveDataDir: () => path.join(dir, 'data'),
  };
});
afterEach(() => removeTempDir(dir));

const CATALAN = `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="s" source-language="en" target-language="ca" datatype="plaintext"><header><tool tool-id="t" tool-name="memoQ" tool-version="9.12"/></header><body>
<trans-unit id="1"><source>Good morning.</source><target state="translated">Bon dia.</target></trans-unit>
<trans-unit id="2"><source>Good night.</source></trans-unit></body></file></xliff>`;

describe('verso import', () => {
  it('refuses an XLIFF in other languages than --source/--target, naming both, and imports nothing', async () => {
    fs.writeFileSync(path.join(dir, 'story.xlf'), CATALAN);
    expect(await runCli(['import', 'story.xlf', '--source', 'en', '--target', 'es'], io)).toBe(1);
    expect(err.join('')).toContain('The file is in en→ca, not en→es.');
    expect(err.join('')).toContain('--file-languages');
    expect(await runCli(['list'], io)).toBe(0);
    expect(out.join('')).toContain('The library is empty.');
  });

  it("--file-languages imports it in the file's languages; reimport applies another tool's targets with a summary", async () => {
    fs.writeFileSync(path.join(dir, 'story.xlf'), CATALAN);
    expect(await runCli(['import', 'story.xlf', '--source', 'en', '--target', 'es', '--file-languages'], io)).toBe(0);
    const [id] = out.join('').split('\t');
    expect(out.join('')).toContain('en→ca\t2 paragraphs');
    fs.writeFileSync(
      path.join(dir, 'back.xlf'),
      CATALAN.replace('Bon dia.', 'Bon dia a tothom.').replace(
        '<source>Good night.</source>',
        '<source>Good night.</source><target state="translated">Bona nit.</target>',
      ),
    );
    out = [];
    expect(await runCli(['reimport', id!, 'back.xlf'], io)).toBe(0);
    expect(out.join('')).toContain('translations from memoQ 9.12: applied 2 (1, 2), unchanged 0, sign-offs reopened 0');
  });
});
