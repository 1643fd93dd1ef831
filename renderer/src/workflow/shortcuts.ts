/** The editor's keyboard shortcuts (listed in the help overlay and the README). */

type KeyName =
  | 'ctrlEnter'
  | 'altUp'
  | 'altDown'
  | 'ctrlShiftS'
  | 'ctrlZ'
  | 'ctrlShiftZ'
  | 'f7'
  | 'altInsert'
  | 'ctrlM'
  | 'ctrl123'
  | 'ctrlShift19'
  | 'ctrlShiftM'
  | 'question'
  | 'escape'
  | 'f6'
  | 'shiftF6'
  | 'ctrlG';
type ActionName =
  | 'confirmNext'
  | 'previous'
  | 'next'
  | 'signOff'
  | 'undo'
  | 'redo'
  | 'nextQa'
  | 'insertToken'
  | 'insertTm'
  | 'insertTmN'
  | 'insertTmSentence'
  | 'insertTmAssembled'
  | 'help'
  | 'close'
  | 'nextRegion'
  | 'previousRegion'
  | 'goTo';

export interface Shortcut {
  /** i18n key below `workflow.shortcuts.keys.` for the key combination. */
  keys: KeyName;
  /** i18n key below `workflow.shortcuts.actions.`. */
  action: ActionName;
  editorOnly?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'ctrlEnter', action: 'confirmNext' },
  { keys: 'altUp', action: 'previous' },
  { keys: 'altDown', action: 'next' },
  { keys: 'ctrlShiftS', action: 'signOff', editorOnly: true },
  { keys: 'ctrlZ', action: 'undo' },
  { keys: 'ctrlShiftZ', action: 'redo' },
  { keys: 'f7', action: 'nextQa' },
  { keys: 'ctrlG', action: 'goTo' },
  { keys: 'f6', action: 'nextRegion' },
  { keys: 'shiftF6', action: 'previousRegion' },
  { keys: 'altInsert', action: 'insertToken' },
  { keys: 'ctrlM', action: 'insertTm' },
  { keys: 'ctrl123', action: 'insertTmN' },
  { keys: 'ctrlShift19', action: 'insertTmSentence' },
  { keys: 'ctrlShiftM', action: 'insertTmAssembled' },
  { keys: 'question', action: 'help' },
  { keys: 'escape', action: 'close' },
];

/** The id after `current` in `ids` that satisfies `wanted`, wrapping around; null when none does. */
export function nextMatching(ids: readonly string[], current: string | null, wanted: (id: string) => boolean): string | null {
  const start = current === null ? -1 : ids.indexOf(current);
  for (let step = 1; step <= ids.length; step++) {
    const id = ids[(start + step + ids.length) % ids.length]!;
    if (wanted(id)) return id;
  }
  return null;
}

/** Whether a key press is meant as typing (so `?` in a text box stays a question mark). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable;
}
