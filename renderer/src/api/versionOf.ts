/**
 * A number per object identity: a query that must be read again whenever an immutable value is
 * replaced (a new document object after each accepted change) puts `versionOf(value)` in its key.
 */
const versions = new WeakMap<object, number>();
let last = 0;

export function versionOf(value: object): number {
  let version = versions.get(value);
  if (version === undefined) {
    version = ++last;
    versions.set(value, version);
  }
  return version;
}
