/** Keyboard shortcuts that insert a TM match: Ctrl+M the best, Ctrl+1..Ctrl+3 by position. Returns the match index or null. */
export function tmShortcutIndex(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  if (e.key.toLowerCase() === 'm') return 0;
  if (e.key === '1' || e.key === '2' || e.key === '3') return Number(e.key) - 1;
  return null;
}

/**
 * Sentence matches (issue 17): Ctrl+Shift+1..9 inserts sentence 1..9's match (by key position, so
 * layouts where Shift+1 is "!" work), Ctrl+Shift+M all of them assembled. Returns the sentence index, 'assembled' or null.
 */
export function tmSentenceShortcut(e: {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): number | 'assembled' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || !e.shiftKey) return null;
  if (e.key.toLowerCase() === 'm') return 'assembled';
  const digit = /^Digit([1-9])$/.exec(e.code ?? '');
  return digit ? Number(digit[1]) - 1 : null;
}
