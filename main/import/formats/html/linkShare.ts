/**
 * A quick "cannot be a list of links" for the clutter pass (clutter.ts `isLinkList`), so that the
 * big blocks of a page (its body, the article's wrappers) are not read whole, level after level,
 * only to find what their link text is a small part of.
 *
 * In one walk up from the leaves, each element gets the non-space characters of its text, of each
 * link below it, and of each time and heading below it (those the link-list rule leaves aside):
 * sums that add up exactly, unlike the text with white space collapsed that the rule compares.
 * That text has at most one space per non-space character, so a block's link share is at most
 * 2·links / (text − 2·aside): below the rule's lowest threshold, it is not a list of links. The
 * sums hold for an element until its own turn in the pass: the pass removes only elements it has
 * reached and what lies before them, never anything below one it has yet to reach.
 */
import { descendants, isElement, isText, type DomElement } from './dom.js';

interface Sums {
  /** Non-space characters of the element's text. */
  text: number;
  /** Of each link (<a>) below it. */
  links: number;
  /** Of each <time> and h2–h6 below it. */
  aside: number;
}

const ASIDE = new Set(['time', 'h2', 'h3', 'h4', 'h5', 'h6']);

const nonSpace = (text: string): number => text.length - (text.match(/\s/g)?.length ?? 0);

/** The sums of every element below `root` (and of `root`). */
function sumsBelow(root: DomElement): Map<DomElement, Sums> {
  const sums = new Map<DomElement, Sums>();
  const order = [root, ...descendants(root)];
  // Children come after their parent in document order: backwards, each child is summed before its parent.
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const s: Sums = { text: 0, links: 0, aside: 0 };
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (isText(n)) s.text += nonSpace(n.data);
      else if (isElement(n)) {
        const c = sums.get(n);
        if (!c) continue;
        s.text += c.text;
        s.links += c.links + (n.localName === 'a' ? c.text : 0);
        s.aside += c.aside + (ASIDE.has(n.localName) ? c.text : 0);
      }
    }
    sums.set(el, s);
  }
  return sums;
}

/**
 * Returns `couldBeLinkList(el)`: false only when `el`'s share of link text is surely below
 * `lowestShare`; true when it may not be (then the exact rule decides).
 */
export function linkShareBound(root: DomElement, lowestShare: number): (el: DomElement) => boolean {
  const sums = sumsBelow(root);
  return (el) => {
    const s = sums.get(el);
    if (!s) return true;
    const fewestChars = s.text - 2 * s.aside;
    return fewestChars <= 0 || (2 * s.links) / fewestChars >= lowestShare;
  };
}
