/**
 * The part of the DOM the HTML reader uses, typed here because the main process compiles without
 * the DOM library. linkedom implements it; `buildDom` is the only place that touches linkedom.
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  remove(): void;
}

export interface DomText extends DomNode {
  data: string;
}

export interface DomElement extends DomNode {
  /** Lower-case element name. */
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly isConnected: boolean;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  hasAttributes(): boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  appendChild<T extends DomNode>(node: T): T;
  insertBefore<T extends DomNode>(node: T, before: DomNode | null): T;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  contains(other: DomNode | null): boolean;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly head: DomElement;
  readonly body: DomElement;
  createElement(name: string): DomElement;
  createTextNode(text: string): DomText;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: DomNode): node is DomText {
  return node.nodeType === TEXT_NODE;
}

/** Elements matching `selectors`, as an array (a snapshot: safe to remove while iterating). */
export function all(root: DomElement | DomDocument, selectors: string): DomElement[] {
  return Array.from(root.querySelectorAll(selectors));
}

/**
 * The elements below `el`, in document order, one at a time: no child lists are built (linkedom
 * builds one on every `children` read, which made a long list under a deep chain quadratic), and
 * a caller that stops early walks no further.
 */
export function* descendants(el: DomElement): Generator<DomElement> {
  let node: DomElement | null = el.firstElementChild;
  while (node) {
    yield node;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== el ? node.nextElementSibling : null;
  }
}

/** Whether an element below `el` has one of these tag names (faster than querySelector, which compiles its selector on every call). */
export function hasDescendant(el: DomElement, tags: ReadonlySet<string>): boolean {
  for (const d of descendants(el)) if (tags.has(d.localName)) return true;
  return false;
}

/** Whether more than `limit` elements are below `el` (stops counting past the limit). */
export function hasMoreElementsThan(el: DomElement, limit: number): boolean {
  let count = 0;
  for (const _ of descendants(el)) if (++count > limit) return true;
  return false;
}

/**
 * Whether `el`'s parent holds text outside `el` (the same as comparing their texts, without
 * reading the parent's whole subtree: the first sibling with text answers).
 */
export function hasTextBeside(el: DomElement): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n !== el && /\S/.test(n.textContent ?? '')) return true;
  return false;
}

/** Text of a node with runs of white space as one space, trimmed. */
export function textOf(node: DomNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** True when `el` or one of its ancestors is one of `tags`. */
export function inside(el: DomElement, tags: ReadonlySet<string>): boolean {
  for (let cur: DomElement | null = el; cur; cur = cur.parentElement) if (tags.has(cur.localName)) return true;
  return false;
}
