/**
 * npm run bench:import — what a user waits for when importing a hostile or pathological file:
 * each file of main/import/testing/pathological.ts (about 200 KB by default) is imported through
 * the whole app (browser mode's bridge: upload, import worker, storage, reply), beside an ordinary
 * article of the same format and size imported in the same run. Prints, per file, the median time,
 * the outcome (imported, or the refusal's code) and the ratio to its format's ordinary article;
 * then the files over the goal of 1 s. Figures only: nothing is timed against a limit.
 * Options: --size BYTES (default 200000), --runs N (median of N; default 3), --only SUBSTRING.
 */
import { makeDataDir, startServer, type RunningServer } from '../../e2e/support/server.js';
import { PATHOLOGICAL_FILES, ordinaryArticle, type PathologicalFile } from '../../main/import/testing/pathological.js';

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const SIZE = Number(arg('size', '200000'));
const RUNS = Number(arg('runs', '3'));
const ONLY = arg('only', '');
const GOAL_MS = 1_000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One import over the bridge: milliseconds until the reply, and the outcome. */
async function importOnce(server: RunningServer, fileName: string, bytes: Buffer): Promise<{ ms: number; outcome: string }> {
  const body = JSON.stringify({
    source: { kind: 'file', fileName, dataBase64: bytes.toString('base64') },
    sourceLang: 'en',
    targetLang: 'es',
  });
  const t = performance.now();
  const res = await fetch(`${server.origin}/api/invoke/importDocument`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body,
  });
  const reply = (await res.json()) as { ok: true; value: { paragraphs: unknown[] } } | { ok: false; error: { code: string } };
  const ms = performance.now() - t;
  return { ms, outcome: reply.ok ? `imported ${reply.value.paragraphs.length} paragraphs` : `refused: ${reply.error.code}` };
}

async function timed(server: RunningServer, fileName: string, bytes: Buffer): Promise<{ ms: number; outcome: string }> {
  const runs: number[] = [];
  let outcome = '';
  for (let i = 0; i < RUNS; i++) {
    const r = await importOnce(server, fileName, bytes);
    runs.push(r.ms);
    outcome = r.outcome;
  }
  return { ms: median(runs), outcome };
}

async function setProfile(server: RunningServer): Promise<void> {
  const res = await fetch(`${server.origin}/api/invoke/setProfile`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Translator', role: 'translator' }),
  });
  if (!((await res.json()) as { ok: boolean }).ok) throw new Error('bench:import could not create a profile');
}

async function main(): Promise<void> {
  const server = await startServer(makeDataDir());
  try {
    await setProfile(server);
    const files = PATHOLOGICAL_FILES.filter((f: PathologicalFile) => f.name.includes(ONLY));
    const baselines = new Map<string, number>();
    console.log(`bench:import — ${files.length} files of about ${SIZE / 1000} KB through browser mode, median of ${RUNS}`);
    for (const fileName of [...new Set(files.map((f) => f.fileName))]) {
      const base = await timed(server, fileName, ordinaryArticle(fileName, SIZE));
      if (!base.outcome.startsWith('imported'))
        throw new Error(`the ordinary ${fileName} was not imported (${base.outcome}): nothing to compare with`);
      baselines.set(fileName, base.ms);
      console.log(`  baseline ${fileName.padEnd(7)} ordinary article: ${base.ms.toFixed(0).padStart(5)} ms (${base.outcome})`);
    }
    const over: string[] = [];
    for (const f of files) {
      const r = await timed(server, f.fileName, f.make(SIZE));
      const ratio = r.ms / baselines.get(f.fileName)!;
      if (r.ms > GOAL_MS) over.push(`${f.name} (${r.ms.toFixed(0)} ms)`);
      console.log(`  ${f.name.padEnd(44)} ${r.ms.toFixed(0).padStart(5)} ms  ×${ratio.toFixed(2).padStart(6)} of ordinary  ${r.outcome}`);
    }
    console.log(
      over.length === 0
        ? `every file finished or was refused within ${GOAL_MS} ms`
        : `over ${GOAL_MS} ms on this machine now: ${over.join('; ')}`,
    );
  } finally {
    await server.stop();
  }
}

await main();
