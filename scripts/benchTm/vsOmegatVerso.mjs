// bench:tm --vs-omegat, Verso's side, through the whole app as a pipeline runs it: the `verso` CLI
// (bundled as scripts/build.mjs bundles dist/main/cli.cjs, beside its import worker: scripts/cliBundles.mjs) on a fresh
// library whose profile is set up first (as the app's first start does; not timed). Two ways, each
// on its own library, timed:
// - what OmegaT does with tm/auto (read the TMX once, fill, store nothing), `runVersoPrefillFrom`:
//     verso import article.txt --source en --target es --prefill-from memory.tmx
// - storing the TMX in the translation memory first, `runVerso`:
//     verso tm import memory.tmx --pair en-es [--no-index-wait]
//     verso import article.txt --source en --target es --prefill
// Exact matches filled: the count the command prints, checked against a draft export.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cliBundles } from '../cliBundles.mjs';
import { measureRun } from './measureRun.mjs';
import { countFilled } from './vsOmegatOmegat.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles the CLI, the import worker and the bench's helpers into dist/bench/vs-omegat-<pid>/ (one per run). */
export async function bundleVerso() {
  const out = path.join(root, 'dist', 'bench', `vs-omegat-${process.pid}`);
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    external: ['electron', 'better-sqlite3'],
    define: { __VERSO_VERSION__: JSON.stringify(version) },
  };
  await Promise.all([
    ...cliBundles(root, out).map((entry) => build({ ...common, ...entry })),
    build({
      ...common,
      stdin: {
        contents: `export { createBackend } from './main/backend.ts';
          export { omegatProject } from './main/testing/omegatProject.ts';`,
        resolveDir: root,
        loader: 'ts',
      },
      outfile: path.join(out, 'bench.cjs'),
    }),
  ]);
  const helpers = createRequire(path.join(root, 'package.json'))(path.join(out, 'bench.cjs'));
  return { dir: out, cli: path.join(out, 'cli.cjs'), bench: path.join(out, 'bench.cjs'), ...helpers };
}

/** Each unit's target in an XLIFF 2.0 export ('' where it has none); the generated texts need no unescaping. */
const xliffTargets = (xml) =>
  xml
    .split('<unit ')
    .slice(1)
    .map((unit) => /<target[^>]*>([^<]*)<\/target>/.exec(unit)?.[1] ?? '');

function cli(verso, dataDir, args, cwd) {
  const run = measureRun(process.execPath, [verso.cli, ...args], { env: { ...process.env, VERSO_DATA_DIR: dataDir }, cwd });
  return run;
}

const failed = (what, run) => new Error(`${what} failed (${run.status}):\n${(run.stderr + run.stdout).slice(-2000)}`);

/** `verso tm import`, which returns once the units are stored and indexed (with --no-index-wait: stored; exact matches need no index). */
function importTmx(verso, dataDir, dir, indexWait) {
  const args = ['tm', 'import', 'memory.tmx', '--pair', 'en-es', ...(indexWait ? [] : ['--no-index-wait'])];
  const run = cli(verso, dataDir, args, dir);
  if (run.status !== 0) throw failed('verso tm import', run);
  return { ...run, step: `verso ${args.join(' ')}` };
}

/** A fresh library with its profile (not timed). */
async function freshLibrary(verso, dataDir) {
  const setup = verso.createBackend({ dataDir, mode: 'browser', version: 'bench', engines: [] });
  await setup.api.setProfile({ name: 'Bench', role: 'editor' });
  setup.close();
}

/** `verso import … <prefill flag>`, its count, and the count checked against a draft export (not timed). */
function importArticle(verso, dataDir, dir, corpus, prefill) {
  const args = ['import', 'article.txt', '--source', 'en', '--target', 'es', ...prefill];
  const doc = cli(verso, dataDir, args, dir);
  if (doc.status !== 0) throw failed(`verso import ${prefill.join(' ')}`, doc);
  const said = /pre-filled (\d+) of (\d+) paragraphs/.exec(doc.stdout);
  if (!said) throw new Error(`verso import ${prefill.join(' ')} did not say how many it filled:\n${doc.stdout}`);
  const documentId = doc.stdout.split('\t')[0];
  // Checked (not timed): the paragraphs of a draft XLIFF export carry the right translations.
  const out = `verso-target-${path.basename(dataDir)}.xlf`;
  const exported = cli(verso, dataDir, ['export', documentId, '--format', 'xliff20', '--draft', '--out', out], dir);
  if (exported.status !== 0) throw failed('verso export', exported);
  const check = countFilled(corpus, xliffTargets(fs.readFileSync(path.join(dir, out), 'utf8')));
  return { doc, filled: Number(said[1]), check, step: `verso ${args.join(' ')}` };
}

/** Verso as OmegaT works with tm/auto: the TMX read once while pre-filling, nothing stored (a fresh library each round). */
export async function runVersoPrefillFrom(dir, corpus, verso, round = 0) {
  const dataDir = path.join(dir, `verso-data-prefill-from-${round + 1}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  await freshLibrary(verso, dataDir);
  const { doc, filled, check, step } = importArticle(verso, dataDir, dir, corpus, ['--prefill-from', 'memory.tmx']);
  return {
    steps: [{ step, wallS: doc.wallS, cpuS: doc.cpuS, peakMb: doc.peakMb }],
    wallS: doc.wallS,
    cpuS: doc.cpuS,
    peakMb: doc.peakMb,
    filled,
    checked: check,
    said: doc.stdout.trim().split('\n').at(-1),
  };
}

/** Verso storing the TMX in its translation memory first, then pre-filling from it. */
export async function runVerso(dir, corpus, verso, indexWait = true) {
  const dataDir = path.join(dir, 'verso-data');
  await freshLibrary(verso, dataDir);
  const tm = importTmx(verso, dataDir, dir, indexWait);
  const { doc, filled, check } = importArticle(verso, dataDir, dir, corpus, ['--prefill']);
  return {
    steps: [
      { step: tm.step, wallS: tm.wallS, cpuS: tm.cpuS, peakMb: tm.peakMb },
      { step: 'verso import article.txt --source en --target es --prefill', wallS: doc.wallS, cpuS: doc.cpuS, peakMb: doc.peakMb },
    ],
    wallS: tm.wallS + doc.wallS,
    cpuS: tm.cpuS + doc.cpuS,
    peakMb: Math.max(tm.peakMb, doc.peakMb),
    filled,
    checked: check,
    // What the TMX import said (reading and storing vs indexing, units/s).
    tmSaid: tm.stdout.trim(),
  };
}
