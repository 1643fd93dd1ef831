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

/** Text of a node with runs of white space as one space, trimmed. */
export function textOf(node: DomNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** True when `el` or one of its ancestors is one of `tags`. */
export function inside(el: DomElement, tags: ReadonlySet<string>): boolean {
  for (let cur: DomElement | null = el; cur; cur = cur.parentElement) if (tags.has(cur.localName)) return true;
  return false;
}
