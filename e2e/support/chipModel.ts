/**
 * The expected behaviour of the chip editor, as a model for the randomized browser test
 * (e2e/chipEditorRandom.spec.ts): the text with placeholders, the selection as offsets into it, the
 * text stored on the server and the paragraph's server-side undo history. Every step says what a
 * person expects of a plain-text box whose chips are single characters that cannot be split.
 */
import { mulberry32 } from '../../shared/testing/seededRandom.js';

/** A small seeded generator (mulberry32): a run is replayed from its seed. */
export const rng = mulberry32;

export const TOKEN = /[\uE000-\uE2FF]/gu;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A revision of the paragraph's text, as the server keeps it (only what undo depends on). */
interface Revision {
  id: number;
  before: string;
  after: string;
  mine: boolean;
  link: { kind: 'undo' | 'redo'; target: number } | null;
}

/** shared/features/workflowUndo.ts's undoState, over the model's revisions. */
function undoState(revisions: readonly Revision[]): { done: Revision[]; undone: Revision[] } {
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const done: Revision[] = [];
  const undone: Revision[] = [];
  for (const r of revisions) {
    if (r.link) {
      const from = r.link.kind === 'undo' ? done : undone;
      const to = r.link.kind === 'undo' ? undone : done;
      const at = from.findLastIndex((x) => x.id === r.link!.target);
      if (at >= 0) from.splice(at, 1);
      to.push(byId.get(r.link.target)!);
      continue;
    }
    if (r.before !== r.after) {
      done.push(r);
      undone.length = 0;
    }
  }
  return { done, undone };
}

export class ChipModel {
  text: string;
  anchor: number;
  head: number;
  /** What the server holds. */
  stored: string;
  /** The paragraph's revisions (text changes only). */
  revisions: Revision[];

  constructor(
    initial: string,
    /** Every token the source has, in code order (open before close). */
    readonly expected: readonly string[],
    readonly rtl: boolean,
  ) {
    this.text = initial;
    this.stored = initial;
    this.anchor = this.head = 0;
    this.revisions = initial === '' ? [] : [{ id: 1, before: '', after: initial, mine: false, link: null }];
  }

  get from(): number {
    return Math.min(this.anchor, this.head);
  }
  get to(): number {
    return Math.max(this.anchor, this.head);
  }
  get collapsed(): boolean {
    return this.anchor === this.head;
  }

  private caret(at: number): void {
    this.anchor = this.head = at;
  }

  /** Replaces the selection by `insert` (typing, paste, a committed composition, a chip). */
  replaceSelection(insert: string): void {
    const from = this.from;
    this.text = this.text.slice(0, from) + insert + this.text.slice(this.to);
    this.caret(from + insert.length);
  }

  /** One step back or forward over a character, a surrogate pair or a chip. */
  step(at: number, dir: -1 | 1): number {
    if (dir < 0) {
      if (at === 0) return 0;
      return at >= 2 && isLow(this.text.charCodeAt(at - 1)) && isHigh(this.text.charCodeAt(at - 2)) ? at - 2 : at - 1;
    }
    if (at === this.text.length) return at;
    return isHigh(this.text.charCodeAt(at)) && isLow(this.text.charCodeAt(at + 1)) ? at + 2 : at + 1;
  }

  backspace(): void {
    if (!this.collapsed) return this.replaceSelection('');
    const from = this.step(this.head, -1);
    this.text = this.text.slice(0, from) + this.text.slice(this.head);
    this.caret(from);
  }

  deleteForward(): void {
    if (!this.collapsed) return this.replaceSelection('');
    const to = this.step(this.head, 1);
    this.text = this.text.slice(0, this.head) + this.text.slice(to);
  }

  /** ArrowLeft / ArrowRight: `forward` is the logical direction (ArrowLeft in right-to-left text). */
  arrow(forward: boolean, extend: boolean): void {
    if (extend) {
      this.head = this.step(this.head, forward ? 1 : -1);
      return;
    }
    if (!this.collapsed) return this.caret(forward ? this.to : this.from);
    this.caret(this.step(this.head, forward ? 1 : -1));
  }

  lineStart(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }
  lineEnd(at: number): number {
    const i = this.text.indexOf('\n', at);
    return i < 0 ? this.text.length : i;
  }

  home(extend: boolean): void {
    const at = this.lineStart(this.head);
    if (extend) this.head = at;
    else this.caret(at);
  }
  end(extend: boolean): void {
    const at = this.lineEnd(this.head);
    if (extend) this.head = at;
    else this.caret(at);
  }
  docStart(extend: boolean): void {
    if (extend) this.head = 0;
    else this.caret(0);
  }
  docEnd(extend: boolean): void {
    if (extend) this.head = this.text.length;
    else this.caret(this.text.length);
  }

  /** Tokens the translation lacks; none while there is no translation (as TokenEditor's missingTokens). */
  missing(): string[] {
    if (this.text.trim() === '') return [];
    return this.expected.filter((t) => !this.text.includes(t));
  }

  /** Pasted or composed text as it arrives: newlines normalised, placeholder characters dropped. */
  static clean(text: string): string {
    return text.replace(/\r\n?/g, '\n').replace(TOKEN, '');
  }

  /** A save of the current text (autosave, or the flush before an undo): edits in a row coalesce into one revision. */
  save(): void {
    if (this.text === this.stored) return;
    const last = this.revisions.at(-1);
    if (last && last.mine && !last.link) last.after = this.text;
    else this.revisions.push({ id: this.revisions.length + 1, before: this.stored, after: this.text, mine: true, link: null });
    this.stored = this.text;
  }

  /** Ctrl+Z (`undo`) or Ctrl+Shift+Z (redo): saves first, then the server moves along the paragraph's history. */
  history(kind: 'undo' | 'redo'): boolean {
    this.save();
    const state = undoState(this.revisions);
    const target = (kind === 'undo' ? state.done : state.undone).at(-1);
    if (!target) return false;
    const next = kind === 'undo' ? target.before : target.after;
    this.revisions.push({ id: this.revisions.length + 1, before: this.text, after: next, mine: true, link: { kind, target: target.id } });
    this.external(next);
    return true;
  }

  /**
   * A text that comes from the server: the editor replaces only what differs, and the caret is
   * mapped through that change as ProseMirror maps positions (before it: unchanged; at its start:
   * stays; inside or at its end: after the new text; after it: shifted).
   */
  external(next: string): void {
    const prev = this.text;
    this.text = next;
    this.stored = next;
    if (prev === next) return;
    let start = 0;
    const max = Math.min(prev.length, next.length);
    while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
    if (start > 0 && isHigh(prev.charCodeAt(start - 1))) start--;
    let endPrev = prev.length;
    let endNext = next.length;
    while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
      endPrev--;
      endNext--;
    }
    if (endPrev < prev.length && isLow(prev.charCodeAt(endPrev))) {
      endPrev++;
      endNext++;
    }
    const oldSize = endPrev - start;
    const newSize = endNext - start;
    const map = (p: number): number => {
      if (p < start) return p;
      if (p === start && oldSize > 0) return start;
      if (p <= endPrev) return start + newSize;
      return p + newSize - oldSize;
    };
    this.anchor = map(this.anchor);
    this.head = map(this.head);
  }
}
