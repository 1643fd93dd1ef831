/** Which workers a command starts while the CLI loads (cliWorkersAhead.ts), and that its jobs then take them. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../import/limits.js';
import { startImportWorker, workersAheadWaiting } from '../import/importWorkers.js';
import { useWorkerBundle } from '../import/testing/workerBundle.js';
import { startWorkersAhead, workersAheadFor } from './workersAhead.js';

const bundle = useWorkerBundle();
const { workerHeapMb: DOCUMENT, tmxWorkerHeapMb: TMX } = IMPORT_LIMITS;

describe('the workers a CLI command starts ahead', () => {
  it('the document parser for import and reimport, the TMX reader for tm import, both for import --prefill-from', () => {
    expect(TMX).not.toBe(DOCUMENT);
    const heaps = (args: string[]) => workersAheadFor(args, '/w').map((w) => w.heapMb);
    expect(heaps(['import', 'a.txt', '--source', 'en', '--target', 'es'])).toEqual([DOCUMENT]);
    expect(heaps(['import', 'a.txt', '--prefill-from', 'm.tmx'])).toEqual([TMX, DOCUMENT]);
    expect(heaps(['import', 'a.txt', '--prefill-from=m.tmx', '--prefill'])).toEqual([TMX, DOCUMENT]);
    expect(heaps(['reimport', 'doc', 'a.xlf'])).toEqual([DOCUMENT]);
    expect(heaps(['tm', 'import', 'm.tmx', '--pair', 'en-es'])).toEqual([TMX]);
    for (const args of [[], ['list'], ['tm'], ['export', 'import'], ['--help'], ['glossary-export']]) expect(heaps(args)).toEqual([]);
    // Arguments the command refuses (a value that reads like an option, an unknown option) start the parser only.
    expect(heaps(['import', 'a.txt', '--title', '--prefill-from'])).toEqual([DOCUMENT]);
    expect(heaps(['import', 'a.txt', '--bogus', '--prefill-from', 'm.tmx'])).toEqual([DOCUMENT]);
  });

  it("import's parser parses the file the command names, resolved against the working folder, and only that", () => {
    const parsed = (args: string[]) => workersAheadFor(args, '/w').map((w) => w.parseAhead);
    expect(parsed(['import', 'in/a.txt', '--source', 'en', '--target', 'es'])).toEqual([path.resolve('/w', 'in/a.txt')]);
    // The TMX named by --prefill-from (either form) is not the document.
    expect(parsed(['import', '--prefill-from', 'm.tmx', 'a.txt', '--source=en'])).toEqual([undefined, path.resolve('/w', 'a.txt')]);
    expect(parsed(['import', '/abs/b.md', '--title', 'T b.md', '--prefill'])).toEqual(['/abs/b.md']);
    // What the command refuses is not parsed ahead: two files, none, an unknown option.
    expect(parsed(['import', 'a.txt', 'b.txt'])).toEqual([undefined]);
    expect(parsed(['import', '--source', 'en'])).toEqual([undefined]);
    expect(parsed(['import', 'a.txt', '--bogus'])).toEqual([undefined]);
    expect(parsed(['reimport', 'doc', 'a.xlf'])).toEqual([undefined]);
  });

  it('starts none without a worker bundle or for another command', () => {
    expect(startWorkersAhead(['import', 'a.txt'], null)).toBe(0);
    expect(startWorkersAhead(['list'], bundle.file)).toBe(0);
    expect(workersAheadWaiting()).toBe(0);
  });

  it('starts those the command then takes', async () => {
    expect(startWorkersAhead(['import', 'a.txt', '--prefill-from', 'm.tmx'], bundle.file)).toBe(2);
    expect(workersAheadWaiting()).toBe(2);
    const reader = startImportWorker(bundle.file, TMX);
    const parser = startImportWorker(bundle.file, DOCUMENT);
    expect(workersAheadWaiting()).toBe(0);
    await Promise.all([reader.terminate(), parser.terminate()]);
  });
});
