/**
 * What an Apertium HMM tagger (apertium-tagger 3.8) carries from one input block to the next, and
 * which blocks it can still tag exactly as a freshly started tagger would. Pure; used by
 * apertiumPipeline.ts to schedule tagging.
 *
 * The model (read from apertium/hmm.cc and tagger_utils.cc):
 * - The only state kept across blocks is the "open" ambiguity class, given to unknown words
 *   (`^x/*x$`). It starts as the model's open class ("pristine").
 * - A word whose ambiguity class c the model lacks (reported in-band with `-d`) is resolved with
 *   `find_similar_ambiguity_class`, which assigns through a reference to the open class. Going
 *   over the model's classes in order, it keeps taking a superset of c smaller than the current
 *   open class; so from any open class larger than the smallest superset of c it ends at the same
 *   class F(c) (the first smallest superset in the model's order), and from F(c) it stays at F(c).
 *   Hence: after words of one class c only, the state is X(c), whatever their number, and a word
 *   of class c resolves the same in the pristine state and in X(c), after which both are in X(c).
 * - Everything else (Viterbi) restarts at each unambiguous word; a sentence end (`<sent>`, the
 *   tagger's end-of-sentence tag) is one, and a block start looks exactly like it. So a paragraph
 *   may be tagged sentence by sentence, in order, with the same result.
 *
 * So a unit (a sentence) depends on the state only through its "deps", in order: its unknown words
 * and its words of a class the model lacks. Tagged as part of its paragraph by a fresh tagger, a
 * unit meets the state its paragraph's earlier units left (its "entry" state: pristine for the
 * first). Another tagger tags it the same when the unit has no deps, or the tagger is in the same
 * state, or the first dep is a word of class c and both states are pristine or X(c). A state
 * reached through words of two classes is not known exactly ("mixed"): only units without deps are
 * safe there.
 */
/** A unit's dep that is an unknown word; any other dep is the class of a word the model lacks. */
export const UNKNOWN = '*';

export type TaggerState = { kind: 'pristine' } | { kind: 'family'; cls: string } | { kind: 'mixed' };

export const PRISTINE: TaggerState = { kind: 'pristine' };
export const MIXED: TaggerState = { kind: 'mixed' };

/**
 * True when a tagger in `state` tags a unit with these deps exactly as a tagger in `entry` does
 * (`entry` is the state the unit meets within its paragraph; pristine for a whole paragraph).
 */
export function equivalent(state: TaggerState, entry: TaggerState, deps: readonly string[]): boolean {
  if (deps.length === 0) return true;
  if (state.kind === 'mixed' || entry.kind === 'mixed') return false;
  if (sameState(state, entry)) return true;
  const first = deps[0];
  if (first === UNKNOWN) return false;
  const settlesOnFirst = (s: TaggerState): boolean => s.kind === 'pristine' || (s.kind === 'family' && s.cls === first);
  return settlesOnFirst(state) && settlesOnFirst(entry);
}

/** True when a tagger in `state` tags a whole paragraph with these deps exactly as a fresh tagger would. */
export function compatible(state: TaggerState, deps: readonly string[]): boolean {
  return equivalent(state, PRISTINE, deps);
}

/** The state after tagging a unit with these deps (valid whether or not it was compatible). */
export function advance(state: TaggerState, deps: readonly string[]): TaggerState {
  const classes = new Set(deps.filter((d) => d !== UNKNOWN));
  if (classes.size === 0) return state;
  const [only] = classes;
  if (classes.size === 1 && only !== undefined) {
    if (state.kind === 'pristine') return { kind: 'family', cls: only };
    if (state.kind === 'family' && state.cls === only) return state;
  }
  return MIXED;
}

export function sameState(a: TaggerState, b: TaggerState): boolean {
  return a.kind === b.kind && (a.kind !== 'family' || (b.kind === 'family' && a.cls === b.cls));
}

/** One sentence of an analysed paragraph: its text in the stream format and its words in order. */
export interface AnalysedUnit {
  text: string;
  /** Surface forms (unescaped) in order; null for an unknown word. */
  words: (string | null)[];
}

/** Every analysis of the word is a bare `<sent>` (a sentence end): an unambiguous SENT. */
const SENTENCE_END = /^(?:\/[^/<>\\]*<sent>)+$/;

/**
 * Splits an analysed paragraph (`^surface/analysis…$` units between blanks and superblanks) into
 * sentences, cutting after each sentence end that has another word after it.
 */
export function analysedUnits(analysed: string): AnalysedUnit[] {
  const units: AnalysedUnit[] = [];
  let words: (string | null)[] = [];
  let start = 0;
  let cutAt = -1;
  let i = 0;
  const n = analysed.length;
  while (i < n) {
    const c = analysed.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i += 2;
      continue;
    }
    if (c === 0x5b /* [ */) {
      i++;
      while (i < n && analysed.charCodeAt(i) !== 0x5d /* ] */) i += analysed.charCodeAt(i) === 0x5c ? 2 : 1;
      i++;
      continue;
    }
    if (c !== 0x5e /* ^ */) {
      i++;
      continue;
    }
    // A word: ^surface/analysis/…$
    if (cutAt >= 0) {
      units.push({ text: analysed.slice(start, cutAt), words });
      start = cutAt;
      words = [];
      cutAt = -1;
    }
    let j = i + 1;
    let surface = '';
    while (j < n) {
      const d = analysed.charAt(j);
      if (d === '\\' && j + 1 < n) {
        surface += analysed.charAt(j + 1);
        j += 2;
      } else if (d === '/' || d === '$') break;
      else {
        surface += d;
        j++;
      }
    }
    const bodyStart = j;
    while (j < n && analysed.charAt(j) !== '$') j += analysed.charAt(j) === '\\' ? 2 : 1;
    const body = analysed.slice(bodyStart, j);
    words.push(body.startsWith('/*') ? null : surface);
    i = j + 1;
    if (SENTENCE_END.test(body)) cutAt = Math.min(i, n);
  }
  units.push({ text: analysed.slice(start), words });
  return units;
}

/** A unit's deps, given the words known to have a class the model lacks (word → class). */
export function depsOf(words: readonly (string | null)[], known: ReadonlyMap<string, string>): string[] {
  const deps: string[] = [];
  for (const w of words) {
    if (w === null) deps.push(UNKNOWN);
    else {
      const cls = known.get(w);
      if (cls !== undefined) deps.push(cls);
    }
  }
  return deps;
}

/** A tagger's report of a word whose ambiguity class its model lacks. */
export interface ClassReport {
  word: string;
  cls: string;
}

/**
 * A unit's deps as the tagger met them, from its reports for that unit (reports do not depend on
 * the tagger's state). Null when the reports cannot be matched to the unit's words one to one.
 */
export function reportedDeps(words: readonly (string | null)[], reports: readonly ClassReport[]): string[] | null {
  if (reports.length === 0) return words.includes(null) ? words.filter((w) => w === null).map(() => UNKNOWN) : [];
  const classOf = new Map<string, string>();
  const count = new Map<string, number>();
  for (const r of reports) {
    if (classOf.has(r.word) && classOf.get(r.word) !== r.cls) return null;
    classOf.set(r.word, r.cls);
    count.set(r.word, (count.get(r.word) ?? 0) + 1);
  }
  for (const [word, times] of count) if (words.filter((w) => w === word).length !== times) return null;
  return depsOf(words, classOf);
}
