// bench:tm --vs-omegat, OmegaT's side: an OmegaT 3.6 project (omegat.project as the interop tests
// write it: en → es, sentence segmentation off, so each paragraph is one segment as in Verso;
// source/article.txt; the TMX in tm/auto/, whose exact matches OmegaT inserts when it loads the
// project), translated by Debian's `omegat --mode=console-translate` with the JVM's defaults as
// Debian ships them (no -Xmx). Exact matches filled = target paragraphs that are their unit's translation.
import fs from 'node:fs';
import path from 'node:path';
import { translationOf } from './vsOmegatCorpus.mjs';
import { measureRun } from './measureRun.mjs';

const OMEGAT = '/usr/bin/omegat';

/** Plain text as both tools read it: paragraphs between blank lines. */
export const paragraphsOf = (text) =>
  text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** OmegaT on a fresh project (one per round). */
export function runOmegat(dir, corpus, projectFile, round = 0) {
  if (!fs.existsSync(OMEGAT)) throw new Error(`${OMEGAT} is missing (Debian package "omegat").`);
  const project = path.join(dir, `omegat-${round + 1}`);
  fs.rmSync(project, { recursive: true, force: true });
  for (const sub of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat', 'home'])
    fs.mkdirSync(path.join(project, sub), { recursive: true });
  fs.writeFileSync(path.join(project, 'omegat.project'), projectFile);
  fs.copyFileSync(path.join(dir, 'article.txt'), path.join(project, 'source', 'article.txt'));
  // A hard link where the file system allows it: the same 300 MB file, not a copy.
  const tmx = path.join(project, 'tm', 'auto', 'memory.tmx');
  try {
    fs.linkSync(path.join(dir, 'memory.tmx'), tmx);
  } catch {
    fs.copyFileSync(path.join(dir, 'memory.tmx'), tmx);
  }
  const home = path.join(project, 'home');
  const run = measureRun(OMEGAT, [project, '--mode=console-translate'], {
    env: { ...process.env, HOME: home, JAVA_TOOL_OPTIONS: `-Duser.home=${home}` },
  });
  if (run.status !== 0)
    throw new Error(`omegat --mode=console-translate failed (${run.status}):\n${(run.stderr + run.stdout).slice(-2000)}`);
  const target = paragraphsOf(fs.readFileSync(path.join(project, 'target', 'article.txt'), 'utf8'));
  return { ...run, ...countFilled(corpus, target) };
}

/** How many paragraphs carry their exact unit's translation, and how many differ from both source and that. */
export function countFilled(corpus, targets) {
  let filled = 0;
  let wrong = 0;
  for (const [i, source] of corpus.paragraphs.entries()) {
    const t = targets[i] ?? '';
    if (corpus.matched[i] && t === translationOf(source)) filled++;
    else if (t !== source && t !== '') wrong++;
  }
  return { filled, wrong, paragraphs: targets.length };
}
