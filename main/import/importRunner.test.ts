/**
 * The worker thread: parses real files off the main thread, reports errors as the in-process path
 * does, stops runaway parses, and the main event loop keeps turning meanwhile (including for a
 * 200 MB file made here, never committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/inline/renderInline.js';
import { failure } from '../testing/failure.js';
import { createImportRunner } from './importRunner.js';
import { IMPORT_LIMITS } from './limits.js';
import { useWorkerBundle } from './testing/workerBundle.js';

const bundle = useWorkerBundle();

/** Counts event-loop turns while `work` runs: proof the main thread was free, without timing it. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ result: T; ticks: number }> {
  let ticks = 0;
  let done = false;
  const tick = (): void => {
    if (done) return;
    ticks++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work, ticks };
  } finally {
    done = true;
  }
}

describe('import worker', () => {
  it('parses a file in a worker thread', async () => {
    const runner = createImportRunner({ workerFile: bundle.file });
    expect(runner.mode).toBe('worker');
    const parsed = await runner.parse({ kind: 'file', fileName: 'a.md', bytes: new TextEncoder().encode('# Hi\n\nThere.') });
    expect(parsed.segments.map((s) => s.text)).toEqual(['Hi', 'There.']);
  });

  it('reads a Word file (DOCX) in the worker thread', async () => {
    const runner = createImportRunner({ workerFile: bundle.file });
    const parsed = await runner.parse({
      kind: 'file',
      fileName: 'article.docx',
      bytes: fs.readFileSync(path.join(__dirname, 'fixtures', 'docx', 'article.docx')),
    });
    expect(parsed.format).toBe('docx');
    expect(parsed.segments.slice(0, 2).map((s) => [s.kind, renderMarkdown(s.text, s.codes ?? [])])).toEqual([
      ['heading', 'Flood waters rise in Müllheim'],
      ['paragraph', 'Heavy rain caused the river to **burst its banks** on *Monday* night.'],
    ]);
  });

  it('extracts a CMS article (Readability over linkedom, bundled) in the worker exactly as in process, in both readings', async () => {
    const bytes = fs.readFileSync(path.join(__dirname, 'fixtures', 'cms', 'nyt-like.html'));
    for (const extract of ['article', 'page'] as const) {
      const job = { kind: 'file', fileName: 'story.html', bytes, extract } as const;
      const inWorker = await createImportRunner({ workerFile: bundle.file }).parse(job);
      expect(inWorker).toEqual(await createImportRunner({ workerFile: null }).parse(job));
      expect(inWorker.title).toBe('City Council Approves Budget After Monthslong Fight');
      expect(inWorker.segments[0]).toMatchObject({
        kind: 'heading',
        marker: '1',
        text: 'City Council Approves Budget After Monthslong Fight',
      });
    }
    const pasted = await createImportRunner({ workerFile: bundle.file }).parse({
      kind: 'text',
      format: 'html',
      text: '<p>See <a href="https://x.example/">the report</a>.</p>',
    });
    expect(pasted.segments[0]).toMatchObject({
      text: 'See \ue000the report\ue100.',
      codes: [{ type: 'link', href: 'https://x.example/' }],
    });
  });

  it('refuses a lying zip bomb in the worker, naming the part', async () => {
    const runner = createImportRunner({ workerFile: bundle.file });
    const bytes = fs.readFileSync(path.join(__dirname, 'fixtures', 'hostile', 'zip-bomb-lying.docx'));
    const error = await failure(runner.parse({ kind: 'file', fileName: 'bomb.docx', bytes }));
    expect(error).toMatchObject({ code: 'IMPORT_ZIP_SIZE_MISMATCH', details: { entry: 'word/document.xml' } });
  });

  it('reports a refusal with the same code and details as in process', async () => {
    const runner = createImportRunner({ workerFile: bundle.file });
    const error = await failure(runner.parse({ kind: 'file', fileName: 'x.xlf', bytes: new TextEncoder().encode('<xliff version="9"/>') }));
    expect(error).toMatchObject({ code: 'IMPORT_XLIFF_VERSION', details: { version: '9' } });
  });

  it('refuses a 200 MB text file, made at test time, while the main thread keeps running', async () => {
    const big = path.join(bundle.dir, 'huge.txt');
    const line = Buffer.from('All work and no play makes a long article. '.repeat(100) + '\n\n');
    const fd = fs.openSync(big, 'w');
    for (let written = 0; written < 200 * 1024 * 1024; written += line.length) fs.writeSync(fd, line);
    fs.closeSync(fd);
    const bytes = fs.readFileSync(big);
    expect(bytes.length).toBeGreaterThanOrEqual(200 * 1024 * 1024);
    const runner = createImportRunner({ workerFile: bundle.file });
    const { result: error, ticks } = await ticksDuring(failure(runner.parse({ kind: 'file', fileName: 'huge.txt', bytes })));
    expect(error).toMatchObject({ code: 'IMPORT_TOO_LARGE', details: { limitBytes: IMPORT_LIMITS.fileBytes, sizeBytes: bytes.length } });
    expect(ticks).toBeGreaterThan(0);
    fs.rmSync(big);
  }, 120_000);

  it('keeps the main thread free while a big valid file is parsed', async () => {
    const html = `<article>${'<p>Paragraph with <b>bold</b> and <a href="#">a link</a>.</p>'.repeat(4_000)}</article>`;
    const runner = createImportRunner({ workerFile: bundle.file });
    const { result, ticks } = await ticksDuring(
      runner.parse({ kind: 'file', fileName: 'big.html', bytes: new TextEncoder().encode(html) }),
    );
    expect(result.segments).toHaveLength(4_000);
    expect(ticks).toBeGreaterThan(10);
  });

  it('parses a glossary (TBX and CSV) in the worker', async () => {
    const tbx =
      '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body><termEntry><langSet xml:lang="en"><tig><term>prime minister</term></tig></langSet><langSet xml:lang="es"><tig><term>primer ministro</term></tig></langSet></termEntry></body></text></martif>';
    const runner = createImportRunner({ workerFile: bundle.file });
    const { rows, skippedEntries } = await runner.run({ kind: 'glossary', format: 'tbx', text: tbx, sourceLang: 'en', targetLang: 'es' });
    expect(rows.map((r) => [r.input.source, r.input.target])).toEqual([['prime minister', 'primer ministro']]);
    expect(skippedEntries).toBe(0);
    const csv = await runner.run({
      kind: 'glossary',
      format: 'csv',
      text: 'source,target\nBundestag,Bundestag\n',
      sourceLang: 'de',
      targetLang: 'en',
    });
    expect(csv.rows.map((r) => r.input.source)).toEqual(['Bundestag']);
  });

  it('stops a parse that runs over its time limit', async () => {
    const runner = createImportRunner({ workerFile: bundle.file, timeoutMs: 1 });
    const error = await failure(runner.parse({ kind: 'text', text: 'Some text.', format: 'txt' }));
    expect(error).toMatchObject({ code: 'IMPORT_TIMEOUT' });
  });
});
