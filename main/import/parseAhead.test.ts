/**
 * A document parsed ahead (parseAhead.ts): taken only by the same parse (same file name, the very
 * same bytes, no extraction choice), used up by the first job either way; and, in a real worker
 * started ahead, the job's answer is the parse of the bytes the job carries, also when the file
 * changed after it was read ahead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportJob } from './importJob.js';
import { createImportRunner } from './importRunner.js';
import { startImportWorkerAhead, workersAheadWaiting } from './importWorkers.js';
import { IMPORT_LIMITS } from './limits.js';
import { startParseAhead, takeParsedAhead } from './parseAhead.js';
import { useWorkerBundle } from './testing/workerBundle.js';

const bundle = useWorkerBundle();
const TEXT = 'Storm closes the coast road.\n\nThe mayor said on Monday the bridge would reopen.\n';

function file(name: string, text: string): string {
  const f = path.join(bundle.dir, name);
  fs.writeFileSync(f, text);
  return f;
}

const job = (f: string, text = fs.readFileSync(f, 'utf8')) => ({
  kind: 'file' as const,
  fileName: path.basename(f),
  bytes: new Uint8Array(Buffer.from(text)),
});

describe('a document parsed ahead, in process', () => {
  it('the same parse takes it, once; its outcome is the one a parse of the job gives', async () => {
    const f = file('story.txt', TEXT);
    startParseAhead({ kind: 'parseAhead', path: f });
    const taken = takeParsedAhead(job(f));
    expect(taken).not.toBeNull();
    expect(await taken).toEqual(await runImportJob(job(f)));
    expect(takeParsedAhead(job(f))).toBeNull();
  });

  it('another name, other bytes, an extraction choice or another kind of job parses anew', () => {
    const f = file('other.txt', TEXT);
    const others = [
      { ...job(f), fileName: 'renamed.txt' },
      job(f, TEXT.replace('Monday', 'Tuesday')),
      job(f, `${TEXT}\n`),
      { ...job(f), extract: { mode: 'readability' } },
      { kind: 'text' as const, text: TEXT, format: 'txt' as const },
    ];
    for (const other of others) {
      startParseAhead({ kind: 'parseAhead', path: f });
      expect(takeParsedAhead(other as Parameters<typeof takeParsedAhead>[0])).toBeNull();
      // Used up by that job: the same parse after it does not take it either.
      expect(takeParsedAhead(job(f))).toBeNull();
    }
  });

  it('a file that cannot be read, a folder or one over the size limit is not parsed ahead', () => {
    const missing = path.join(bundle.dir, 'missing.txt');
    startParseAhead({ kind: 'parseAhead', path: missing });
    expect(takeParsedAhead({ kind: 'file', fileName: 'missing.txt', bytes: new Uint8Array() })).toBeNull();
    startParseAhead({ kind: 'parseAhead', path: bundle.dir });
    expect(takeParsedAhead({ kind: 'file', fileName: path.basename(bundle.dir), bytes: new Uint8Array() })).toBeNull();
    const big = path.join(bundle.dir, 'big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, IMPORT_LIMITS.fileBytes + 1);
    startParseAhead({ kind: 'parseAhead', path: big });
    expect(takeParsedAhead({ kind: 'file', fileName: 'big.txt', bytes: new Uint8Array(8) })).toBeNull();
    fs.rmSync(big);
  });
});

describe('a document parsed ahead in a worker started ahead', () => {
  const texts = (p: { segments: { text: string }[] }) => p.segments.map((s) => s.text);

  it("the job's answer is its file's parse, the same as without the parse ahead", async () => {
    const f = file('ahead.txt', TEXT);
    startImportWorkerAhead(bundle.file, IMPORT_LIMITS.workerHeapMb, f);
    const runner = createImportRunner({ workerFile: bundle.file });
    const parsed = await runner.parse(job(f));
    expect(workersAheadWaiting()).toBe(0);
    expect(parsed).toEqual(await runner.parse(job(f)));
    expect(texts(parsed)).toEqual(['Storm closes the coast road.', 'The mayor said on Monday the bridge would reopen.']);
  });

  it('a file changed after it was read ahead gives the parse of the bytes the job carries', async () => {
    const f = file('changed.txt', TEXT);
    startImportWorkerAhead(bundle.file, IMPORT_LIMITS.workerHeapMb, f);
    const runner = createImportRunner({ workerFile: bundle.file });
    const changed = TEXT.replace('Monday', 'Tuesday');
    const parsed = await runner.parse(job(f, changed));
    expect(texts(parsed)[1]).toBe('The mayor said on Tuesday the bridge would reopen.');
  });

  it('a file that cannot be parsed gives the same refusal, and a job of another kind its own answer', async () => {
    const f = path.join(bundle.dir, 'binary.txt');
    fs.writeFileSync(f, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const runner = createImportRunner({ workerFile: bundle.file });
    startImportWorkerAhead(bundle.file, IMPORT_LIMITS.workerHeapMb, f);
    const binary = () => ({ kind: 'file' as const, fileName: 'binary.txt', bytes: new Uint8Array(fs.readFileSync(f)) });
    const ahead = await runner.parse(binary()).catch((e: Error) => e);
    const fresh = await runner.parse(binary()).catch((e: Error) => e);
    expect(ahead).toBeInstanceOf(Error);
    expect((ahead as Error).message).toBe((fresh as Error).message);
    startImportWorkerAhead(bundle.file, IMPORT_LIMITS.workerHeapMb, file('unused.txt', TEXT));
    const text = await runner.parse({ kind: 'text', text: 'One.\n\nTwo.', format: 'txt' });
    expect(texts(text)).toEqual(['One.', 'Two.']);
  });
});
