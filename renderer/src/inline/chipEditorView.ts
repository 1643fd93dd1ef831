/**
 * The ProseMirror view of the chip editor (see chipDoc.ts for the document): plain-text input with
 * chips that are inline atoms, so the browser's own editing, IME composition, bidi caret movement
 * and selection go through a proven editor core, and the text with placeholders is read from the
 * document model, never from the DOM.
 *
 * - `onText` hears about every change of the text, except while an IME composition is under way
 *   (the composed text is reported when the composition ends), so autosave never stores half a
 *   composition.
 * - `setText` applies a text that changed elsewhere (a save, undo, MT, a TM match) as the smallest
 *   replacement, so the caret stays; during a composition it waits until the composition ends.
 * - Paste and drop insert plain text only; placeholder characters are dropped.
 * - Enter inserts a newline; Ctrl/⌘+Z, Ctrl/⌘+Y and Ctrl/⌘+Enter are left to the row (its
 *   server-side undo and confirm): ProseMirror keeps no history of its own.
 */
import type { TFunction } from 'i18next';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import type { Node as PmNode, Slice } from 'prosemirror-model';
import { Decoration, DecorationSet, EditorView, type NodeViewConstructor } from 'prosemirror-view';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { chipElement } from './chips.js';
import { cleanInput, docToText, insertChipTr, replaceTextTr, stripPlaceholders, textLength, textToDoc } from './chipDoc.js';

export interface ChipEditorOptions {
  text: string;
  codes: readonly InlineCode[];
  t: TFunction;
  maxLength: number;
  attributes: Record<string, string>;
  onText: (text: string) => void;
  /** Alt+Insert: the token to insert at the caret for this text (the editor's own, current), or null. */
  nextMissing: (text: string) => string | null;
}

export interface ChipEditor {
  readonly view: EditorView;
  setText(text: string): void;
  insertToken(token: string): void;
  setCodes(codes: readonly InlineCode[], t: TFunction): void;
  setAttributes(attributes: Record<string, string>): void;
  destroy(): void;
}

function chipViews(codes: readonly InlineCode[], t: TFunction): Record<string, NodeViewConstructor> {
  return {
    chip: (node, view) => ({
      dom: chipElement(view.dom.ownerDocument, node.attrs['token'] as string, codes, t),
      // The chip's label is ours, not content: nothing inside it is ever read back.
      ignoreMutation: () => true,
    }),
  };
}

function moveTo(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, where: 'start' | 'end', extend: boolean): boolean {
  const pos = where === 'start' ? 1 : state.doc.content.size - 1;
  const anchor = extend ? state.selection.anchor : pos;
  dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, anchor, pos)).scrollIntoView());
  return true;
}

/**
 * ArrowLeft / ArrowRight where Chromium's own movement is wrong, done by the model: a selection
 * collapses to its start or end (Chromium may leave the caret inside a chip when the selection
 * ends at one), and crossing a line break lands at the start of the next line even when a chip
 * stands there (Chromium lands after the chip). Everything else (bidi, graphemes) is native.
 */
function arrow(
  state: EditorState,
  dispatch: ((tr: Transaction) => void) | undefined,
  view: EditorView | undefined,
  key: 'left' | 'right',
): boolean {
  if (!view) return false;
  const { from, to, empty, head } = state.selection;
  const rtl = view.dom.ownerDocument.defaultView?.getComputedStyle(view.dom).direction === 'rtl';
  const forward = (key === 'right') !== rtl;
  let target: number;
  if (!empty) target = forward ? to : from;
  else {
    const text = state.doc.textBetween(forward ? head : head - 1, forward ? Math.min(head + 1, state.doc.content.size - 1) : head, '', '');
    if (text !== '\n') return false;
    target = forward ? head + 1 : head - 1;
  }
  dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, target)).scrollIntoView());
  return true;
}

/**
 * Chromium cannot put text at the start of a line when a line break character is followed by a
 * chip (typed text is dropped, the caret ends inside the chip). A separator image there (as
 * ProseMirror puts after a chip that ends a line) gives the caret a place to be.
 */
function lineStartSeparators(doc: PmNode): DecorationSet {
  const widgets: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) return true;
    if (node.type.name !== 'chip' || pos < 2) return false;
    const before = doc.textBetween(pos - 1, pos, '', '');
    if (before === '\n') widgets.push(Decoration.widget(pos, separator, { side: -1, key: 'line-start', ignoreSelection: true }));
    return false;
  });
  return DecorationSet.create(doc, widgets);
}

function separator(view: EditorView): HTMLElement {
  const img = view.dom.ownerDocument.createElement('img');
  img.className = 'ProseMirror-separator';
  img.alt = '';
  return img;
}

/** Whether `pos` is the start of a line (of the text, or after a line break) with a chip right after it. */
function lineStartBeforeChip(doc: PmNode, pos: number): boolean {
  if (doc.resolve(pos).nodeAfter?.type.name !== 'chip') return false;
  return pos <= 1 || doc.textBetween(pos - 1, pos, '', '') === '\n';
}

const SURROGATE_PAIR = /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/;

/** The character (a surrogate pair counts as one) before or after `pos`, as positions; null next to a chip or an end. */
function charRange(doc: PmNode, pos: number, forward: boolean): { from: number; to: number } | null {
  const $pos = doc.resolve(pos);
  if (!(forward ? $pos.nodeAfter : $pos.nodeBefore)?.isText) return null;
  const two = forward
    ? doc.textBetween(pos, Math.min(doc.content.size - 1, pos + 2), '', '')
    : doc.textBetween(Math.max(1, pos - 2), pos, '', '');
  const size = SURROGATE_PAIR.test(two) ? 2 : 1;
  return forward ? { from: pos, to: pos + size } : { from: pos - size, to: pos };
}

/**
 * Backspace / Delete on a selection, next to a line start with a chip right after it (where the
 * separator image is), or that leave the caret at one, done by the model: there Chromium deletes
 * the separator (and rebuilds the chips after it) or puts the caret after the chip. A single
 * character elsewhere is the browser's (graphemes, scripts, spell checking).
 */
function deleteChar(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, forward: boolean): boolean {
  const { empty, head } = state.selection;
  // A selection is deleted by the model (it may hold chips and separators the browser would rebuild).
  if (!empty) {
    dispatch?.(state.tr.deleteSelection().scrollIntoView());
    return true;
  }
  const range = charRange(state.doc, head, forward);
  if (!range) return false;
  const tr = state.tr.delete(range.from, range.to);
  const near =
    lineStartBeforeChip(state.doc, range.from) || lineStartBeforeChip(state.doc, range.to) || lineStartBeforeChip(tr.doc, range.from);
  if (!near) return false;
  dispatch?.(tr.scrollIntoView());
  return true;
}

function plugins(maxLength: number): Plugin[] {
  return [
    new Plugin({
      state: {
        init: (_config, state) => lineStartSeparators(state.doc),
        apply: (tr, old) => (tr.docChanged ? lineStartSeparators(tr.doc) : old),
      },
      props: {
        decorations(state) {
          return this.getState(state);
        },
      },
    }),
    keymap({
      Enter: (state, dispatch) => {
        dispatch?.(state.tr.insertText('\n').scrollIntoView());
        return true;
      },
      'Shift-Enter': (state, dispatch) => {
        dispatch?.(state.tr.insertText('\n').scrollIntoView());
        return true;
      },
      // Ctrl+Home / Ctrl+End by the model: ProseMirror takes a caret that lands at the very start
      // within 200 ms of focus for the browser's reset-on-focus and puts it back.
      'Mod-Home': (state, dispatch) => moveTo(state, dispatch, 'start', false),
      'Mod-End': (state, dispatch) => moveTo(state, dispatch, 'end', false),
      'Shift-Mod-Home': (state, dispatch) => moveTo(state, dispatch, 'start', true),
      'Shift-Mod-End': (state, dispatch) => moveTo(state, dispatch, 'end', true),
      Backspace: (state, dispatch) => deleteChar(state, dispatch, false),
      Delete: (state, dispatch) => deleteChar(state, dispatch, true),
      ArrowLeft: (state, dispatch, view) => arrow(state, dispatch, view, 'left'),
      ArrowRight: (state, dispatch, view) => arrow(state, dispatch, view, 'right'),
    }),
    new Plugin({
      // As the textarea's maxLength: a change that makes the text longer than the limit is refused.
      filterTransaction: (tr, state) => !tr.docChanged || textLength(tr.doc) <= maxLength || textLength(tr.doc) <= textLength(state.doc),
      appendTransaction: (trs, _old, state) => (trs.some((tr) => tr.docChanged) ? stripPlaceholders(state) : null),
    }),
  ];
}

/**
 * The selection the browser shows, as document positions. ProseMirror reads a selection the keys
 * moved when `selectionchange` comes; a paste or a click on a button may come first.
 */
function shownRange(view: EditorView): { from: number; to: number } {
  const sel = view.dom.ownerDocument.getSelection();
  const { from, to } = view.state.selection;
  if (
    !view.hasFocus() ||
    !sel ||
    !sel.anchorNode ||
    !sel.focusNode ||
    !view.dom.contains(sel.anchorNode) ||
    !view.dom.contains(sel.focusNode)
  )
    return { from, to };
  try {
    const a = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const h = view.posAtDOM(sel.focusNode, sel.focusOffset);
    const max = view.state.doc.content.size - 1;
    const clamp = (p: number) => Math.min(Math.max(p, 1), max);
    return { from: clamp(Math.min(a, h)), to: clamp(Math.max(a, h)) };
  } catch {
    return { from, to };
  }
}

/** A drop is plain text at the drop point; a move within the box moves text only (a chip is never dragged, so never doubled or lost). */
function dropText(
  view: EditorView,
  event: DragEvent,
  slice: Slice,
  moved: boolean,
  insertPlain: (text: string, at?: number) => void,
): void {
  event.preventDefault();
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
  if (!at) return;
  if (!moved) return insertPlain(event.dataTransfer?.getData('text/plain') ?? '', at.pos);
  let chips = false;
  slice.content.descendants((n) => {
    if (n.type.name === 'chip') chips = true;
  });
  if (chips) return;
  const { from, to } = view.state.selection;
  const tr = view.state.tr.delete(from, to);
  view.dispatch(tr.insertText(cleanInput(slice.content.textBetween(0, slice.content.size, '\n', '')), tr.mapping.map(at.pos)));
}

/** The editor view behind a box (tests drive it as a person would, through transactions). */
const views = new WeakMap<Element, EditorView>();
export function chipEditorViewOf(box: Element): EditorView | undefined {
  return views.get(box);
}

export function createChipEditor(place: HTMLElement, options: ChipEditorOptions): ChipEditor {
  let reported = options.text;
  /** Whether the person has put the caret somewhere (the box had focus once). */
  let touched = false;
  /** A text set from outside while a composition was under way. */
  let waiting: string | null = null;

  const report = (): void => {
    if (view.composing) return;
    const text = docToText(view.state.doc);
    if (text === reported) return;
    reported = text;
    options.onText(text);
  };

  const apply = (text: string): void => {
    const tr = replaceTextTr(view.state, text);
    if (tr) view.dispatch(tr);
  };

  /** Pasted or dropped text at the selection (or at `at`); a text of nothing but placeholders changes nothing. */
  const insertPlain = (text: string, at?: number): void => {
    const clean = cleanInput(text);
    if (clean === '') return;
    const { from, to } = at === undefined ? shownRange(view) : { from: at, to: at };
    const tr = view.state.tr.insertText(clean, from, to);
    // The caret goes after the pasted text (the state's own selection may be a step behind).
    view.dispatch(
      tr
        .setSelection(TextSelection.create(tr.doc, from + clean.length))
        .scrollIntoView()
        .setMeta('paste', true),
    );
  };

  const view: EditorView = new EditorView(place, {
    state: EditorState.create({ doc: textToDoc(options.text), plugins: plugins(options.maxLength) }),
    nodeViews: chipViews(options.codes, options.t),
    attributes: options.attributes,
    dispatchTransaction(tr: Transaction) {
      try {
        view.updateState(view.state.apply(tr));
      } finally {
        // The state is the new one even if drawing failed: the row must hear of the text.
        if (tr.docChanged && !tr.getMeta('external')) report();
      }
    },
    handleKeyDown(_view, event) {
      if (event.key !== 'Insert' || !event.altKey || event.ctrlKey || event.metaKey) return false;
      const token = options.nextMissing(docToText(view.state.doc));
      if (token === null) return false;
      editor.insertToken(token);
      return true;
    },
    handlePaste(_view, event, slice) {
      const text = event.clipboardData?.getData('text/plain') ?? slice.content.textBetween(0, slice.content.size, '\n', '');
      insertPlain(text);
      return true;
    },
    handleDrop(_view, event, slice, moved) {
      dropText(view, event, slice, moved, insertPlain);
      return true;
    },
    handleDOMEvents: {
      compositionstart() {
        // A composition over a selection that holds a chip goes nowhere in Chromium (the chip
        // cannot be replaced, the caret is lost and the following keys with it): the selection
        // is deleted first, so the composition starts at a caret, as it replaces a text selection.
        if (view.composing) return false;
        const { from, to } = shownRange(view);
        if (from !== to) {
          const tr = view.state.tr.delete(from, to);
          view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from)));
        }
        return false;
      },
      compositionend() {
        // ProseMirror ends the composition right after this handler; the final text is read then,
        // before any other event (a Ctrl+Z right after a commit must see the composed text).
        queueMicrotask(() => {
          if (view.isDestroyed) return;
          if (waiting !== null && !view.composing) {
            const text = waiting;
            waiting = null;
            reported = text;
            apply(text);
          }
          report();
        });
        return false;
      },
      beforeinput(_view, event) {
        // The browser's own undo would edit the DOM behind the editor's back; undo is the row's.
        if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') event.preventDefault();
        // Typing over a selection replaces it by the model (it may hold chips).
        if (event.inputType === 'insertText' && event.data && !view.composing) {
          const { from, to } = shownRange(view);
          if (from !== to) {
            event.preventDefault();
            const text = cleanInput(event.data);
            const tr = view.state.tr.insertText(text, from, to);
            view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from + text.length)).scrollIntoView());
          }
        }
        return false;
      },
    },
  });

  const editor: ChipEditor = {
    view,
    setText(text) {
      if (text === reported) return;
      reported = text;
      if (view.composing) waiting = text;
      else apply(text);
    },
    insertToken(token) {
      const { state } = view;
      // A token is never doubled (a button shown for a token a moment ago may be pressed late).
      if (docToText(state.doc).includes(token)) return;
      // Before the box was ever focused the caret is at the start; a token then goes at the end.
      const end = state.doc.content.size - 1;
      const at = view.hasFocus() ? shownRange(view) : touched ? undefined : { from: end, to: end };
      view.dispatch(insertChipTr(state, token, at));
      view.focus();
    },
    setCodes(codes, t) {
      view.setProps({ nodeViews: chipViews(codes, t) });
    },
    setAttributes(attributes) {
      view.setProps({ attributes });
    },
    destroy() {
      views.delete(view.dom);
      view.destroy();
    },
  };

  views.set(view.dom, view);
  view.dom.addEventListener('focus', () => {
    touched = true;
    // Coming back to the box (Tab, a shortcut, the row's focus()), the caret is where it was, as
    // in a textarea: at once, not after ProseMirror's 20 ms check, so no key lands at the start.
    if (!view.composing) view.focus();
  });
  return editor;
}
