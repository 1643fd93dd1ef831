/** Which workers a command starts while the CLI loads (cliWorkersAhead.ts), and that its jobs then take them. */
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
    expect(workersAheadFor(['import', 'a.txt', '--source', 'en', '--target', 'es'])).toEqual([DOCUMENT]);
    expect(workersAheadFor(['import', 'a.txt', '--prefill-from', 'm.tmx'])).toEqual([TMX, DOCUMENT]);
    expect(workersAheadFor(['import', 'a.txt', '--prefill-from=m.tmx', '--prefill'])).toEqual([TMX, DOCUMENT]);
    expect(workersAheadFor(['reimport', 'doc', 'a.xlf'])).toEqual([DOCUMENT]);
    expect(workersAheadFor(['tm', 'import', 'm.tmx', '--pair', 'en-es'])).toEqual([TMX]);
    for (const args of [[], ['list'], ['tm'], ['export', 'import'], ['--help'], ['glossary-export']])
      expect(workersAheadFor(args)).toEqual([]);
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
