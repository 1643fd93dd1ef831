/** Keyboard shortcuts that insert a TM match: Ctrl+M the best, Ctrl+1..Ctrl+3 by position. Returns the match index or null. */
export function tmShortcutIndex(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  if (e.key.toLowerCase() === 'm') return 0;
  if (e.key === '1' || e.key === '2' || e.key === '3') return Number(e.key) - 1;
  return null;
}
