/** Deep merge of locale trees; the result type is the intersection, so every key stays typed. */
type Tree = { [key: string]: string | Tree };

type Merge<T extends unknown[]> = T extends [infer Head, ...infer Rest] ? Head & Merge<Rest> : unknown;

function mergeInto(target: Tree, source: Tree, path: string): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') {
      mergeInto(existing, value, `${path}${key}.`);
    } else if (existing !== undefined) {
      throw new Error(`Locale key ${path}${key} is defined twice`);
    } else {
      target[key] = typeof value === 'object' ? structuredClone(value) : value;
    }
  }
}

export function mergeLocales<T extends object[]>(...trees: T): Merge<T> {
  const out: Tree = {};
  for (const tree of trees) mergeInto(out, tree as Tree, '');
  return out as Merge<T>;
}
