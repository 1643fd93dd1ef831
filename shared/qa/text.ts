/** Small text helpers shared by the QA checks. */

/** Primary language subtag, lower case: `pt-BR` -> `pt`, `zh-Hans` -> `zh`. */
export function primaryLang(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? tag).toLowerCase();
}

/** Languages written without spaces between words (diffs and counts work per character). */
export function isCjk(tag: string): boolean {
  return ['zh', 'ja', 'th', 'lo', 'km', 'my'].includes(primaryLang(tag));
}

/** Counts occurrences of each string. */
export function multiset(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Values of `a` not matched one-for-one in `b` (a multiset difference), in order of `a`. */
export function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const left = multiset(b);
  const out: string[] = [];
  for (const v of a) {
    const n = left.get(v) ?? 0;
    if (n > 0) left.set(v, n - 1);
    else out.push(v);
  }
  return out;
}
