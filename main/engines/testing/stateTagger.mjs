#!/usr/bin/env node
// A stand-in for `apertium-tagger -d -g -z` that keeps state the way apertiumTaggerState.ts says
// the real one does, and shows that state in its output, so a test sees any unit tagged in the
// wrong state. Reads NUL-terminated blocks of `^surface/analysis$` words; for each block writes
// the block back with every unknown word (`^u/*u$`) marked with the current state (`^u/*u<O>$`,
// `<X:{A,B}>`, …), then a NUL. A word listed below has a class the "model" lacks: it is reported
// on stderr, exactly as apertium-tagger prints it, before the block's output, and narrows the
// state: pristine → that class; the same class → unchanged; another class → a state of both.
// Sentence ends do nothing special (as in the real tagger, only the state carries on).
import process from 'node:process';
import { pathToFileURL } from 'node:url';

export const CLASSES = { X: '{A,B}', Y: '{C,D}', Z: '{A,B}' };

/** A tagger with its own state: returns the reports and the output of one block. */
export function createStateTagger() {
  let state = 'O';
  return (block) => {
    let reports = '';
    const output = block.replace(/\^((?:\\.|[^/$\\])*)\/((?:\\.|[^$\\])*)\$/g, (whole, surface, analysis) => {
      const cls = CLASSES[surface];
      if (cls !== undefined) {
        reports += `Error: A new ambiguity class was found. \nRetraining the tagger is necessary so as to take it into account.\nWord '${surface}'.\nNew ambiguity class: ${cls}\n`;
        state = state === 'O' ? `X:${cls}` : state === `X:${cls}` ? state : `${state}+${cls}`;
        return whole;
      }
      return analysis.startsWith('*') ? `^${surface}/${analysis}<${state}>$` : whole;
    });
    return { reports, output };
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tag = createStateTagger();
  let pending = Buffer.alloc(0);
  process.stdin.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    let nul;
    while ((nul = pending.indexOf(0)) !== -1) {
      const { reports, output } = tag(pending.subarray(0, nul).toString('utf8'));
      pending = pending.subarray(nul + 1);
      // stderr is merged into stdout by the caller; both are written synchronously here.
      if (reports) process.stderr.write(reports);
      process.stdout.write(output + '\0');
    }
  });
}
