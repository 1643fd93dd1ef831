/** `verso tm import` (issue 17): a pipeline's TMX import, its summary and units/s, clear errors and exit codes, nothing stored on failure. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend.js';
import { runCli } from './runCli.js';
import { useCliLibrary } from './testing/cliLibrary.js';

const cli = useCliLibrary();
const { out, err, io } = cli;

const tu = (i: number) =>
  `<tu><tuv xml:lang="en-GB"><seg>Unit ${i} of the memory.</seg></tuv><tuv xml:lang="es-ES"><seg>Unidad ${i} de la memoria.</seg></tuv></tu>\n`;
const tmx = (body: string) => `<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n${body}</body></tmx>\n`;
const many = (n: number) => Array.from({ length: n }, (_, i) => tu(i)).join('');

async function units(): Promise<number> {
  const backend = createBackend({ dataDir: path.join(cli.dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
  try {
    return (await backend.api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).units;
  } finally {
    backend.close();
  }
}

describe('verso tm import', () => {
  it('imports a TMX, prints the summary with units/s on stdout, and indexes the units before it ends', async () => {
    fs.writeFileSync(path.join(cli.dir, 'memory.tmx'), tmx(many(3000)));
    expect(await runCli(['tm', 'import', 'memory.tmx', '--pair', 'en-es'], io)).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/^Imported 3,000 units into en→es from memory\.tmx: 0 skipped, 0 earlier TMX units removed\./);
    expect(text).toMatch(/Read and stored 3,000 units in [\d.]+ s \([\d,]+ units\/s\)/);
    expect(text).toMatch(/Indexed: lookups find every unit/);
    expect(await units()).toBe(3000);
    fs.writeFileSync(path.join(cli.dir, 'small.tmx'), tmx(many(10)));
    out.length = 0;
    expect(await runCli(['tm', 'import', path.join(cli.dir, 'small.tmx'), '--pair', 'en:es', '--replace'], io)).toBe(0);
    expect(out.join('')).toMatch(/Imported 10 units .*3,000 earlier TMX units removed/);
    expect(await units()).toBe(10);
  });

  it('a wrong pair: usage (exit 2), an unknown language or a pair the file does not have (exit 1), nothing stored', async () => {
    fs.writeFileSync(path.join(cli.dir, 'memory.tmx'), tmx(many(5)));
    expect(await runCli(['tm', 'import', 'memory.tmx', '--pair', 'english'], io)).toBe(2);
    expect(err.join('')).toMatch(/--pair "english" is not a pair/);
    expect(await runCli(['tm', 'import', 'memory.tmx'], io)).toBe(2);
    err.length = 0;
    expect(await runCli(['tm', 'import', 'memory.tmx', '--pair', 'en:xx-nope-nope-nope'], io)).toBe(1);
    expect(err.join('')).toMatch(/LANGUAGE_UNKNOWN/);
    err.length = 0;
    expect(await runCli(['tm', 'import', 'memory.tmx', '--pair', 'en-fr'], io)).toBe(1);
    expect(err.join('')).toMatch(/memory\.tmx has no translation units from en to fr.*\(TMX_NO_UNITS\)/);
    expect(await units()).toBe(0);
  });

  it('a missing file or a file broken half-way: exit 1, one line naming the file (and the line and unit), nothing stored', async () => {
    expect(await runCli(['tm', 'import', 'nowhere.tmx', '--pair', 'en-es'], io)).toBe(1);
    expect(err.join('')).toMatch(/The TMX file nowhere\.tmx cannot be read \(not found\)\. Nothing was imported\. \(TMX_FILE_UNREADABLE\)/);
    err.length = 0;
    fs.writeFileSync(path.join(cli.dir, 'broken.tmx'), tmx(many(4000) + '<tu><tuv xml:lang="en"><seg>x</seg></tu>\n' + many(10)));
    expect(await runCli(['tm', 'import', 'broken.tmx', '--pair', 'en-es'], io)).toBe(1);
    expect(err.join('')).toMatch(
      /verso: broken\.tmx is broken at line 4003, column \d+ \(translation unit 4001\): .*Nothing was imported\. \(TMX_INVALID\)/,
    );
    expect(await units()).toBe(0);
  });

  it('is in the help, and an unknown tm command is a usage error', async () => {
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/verso tm import <file\.tmx> --pair <source>-<target> \[--replace\]/);
    expect(await runCli(['tm', 'export'], io)).toBe(2);
  });
});
