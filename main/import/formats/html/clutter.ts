/**
 * Page furniture removed from the DOM by structure, before anything becomes a paragraph:
 * hidden elements, navigation and complementary regions (tags and ARIA roles), regions labelled
 * as ads, share bars, newsletters, comments, related or most-read lists (aria-label, class, id
 * and data-* names), screen-reader-only text, photo credits, and lists of links.
 *
 * Nothing that holds the article is ever removed: an element containing <article>, <main>,
 * role=main or schema.org articleBody is kept whatever its names say, and so is one that holds a
 * large share of the page's text when only its names speak against it.
 */
import { all, descendants, hasDescendant, hasTextBeside, inside, textOf, type DomDocument, type DomElement } from './dom.js';
import { HIDDEN_MARK } from './buildDom.js';
import { isBoilerplate, wordsBesideTime } from './boilerplate.js';
import { isCreditOnly } from '../../../../shared/import/photoCredits.js';
import { linkShareBound } from './linkShare.js';

/** Ancestor tests by name walk up the tree; linkedom's closest() parses its selector on every call. */
const FIGCAPTION = new Set(['figcaption']);
const TIME = new Set(['time']);
const ARTICLE_SELECTOR = 'article, main, [role="main"], [itemprop~="articlebody"]';
const STRONG_TAGS = new Set(['nav', 'menu']);
const STRONG_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
  'tab',
  'button',
  'marquee',
  'timer',
  'status',
  'form',
]);
/** Words in class, id and data-* names that mark furniture (compared token by token, and as joined pairs). */
const CLUTTER_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertisement',
  'advertisements',
  'advertising',
  'adslot',
  'adunit',
  'adcontainer',
  'adwrapper',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'sponsors',
  'promo',
  'promos',
  'promotion',
  'outbrain',
  'taboola',
  'zergnet',
  'share',
  'sharing',
  'shares',
  'sharebar',
  'sharetools',
  'social',
  'socials',
  'newsletter',
  'newsletters',
  'signup',
  'subscribe',
  'subscription',
  'paywall',
  'regwall',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'cmp',
  'onetrust',
  'didomi',
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'recirculation',
  'popular',
  'trending',
  'mostread',
  'mostpopular',
  'mostviewed',
  'mostshared',
  'comments',
  'comment',
  'disqus',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'pager',
  'toolbar',
  'print',
  'kicker',
  'eyebrow',
  'overline',
  'listen',
  'listening',
  'credit',
  'credits',
  'copyright',
  'photographer',
  'attribution',
  'tags',
  'taglist',
  'keywords',
  'sidebar',
  'rail',
  'widget',
  'widgets',
  'masthead',
  'navbar',
  'navigation',
  'nav',
  'menu',
  'skiplink',
  'skip',
  'modal',
  'popup',
  'overlay',
  'footer',
  'counter',
  'player',
  'mediaplayer',
  'pullquote',
  'topstories',
  'morestories',
  'readnext',
  'upnext',
  'whatsnext',
  'morenews',
  'alsoread',
  // The same in the languages of the labels (boilerplate.ts).
  'anzeige',
  'werbung',
  'kommentare',
  'teilen',
  'publicidad',
  'anuncio',
  'comentarios',
  'compartir',
  'relacionados',
  'publicite',
  'commentaires',
  'partager',
  'pubblicita',
  'commenti',
  'condividi',
  'publicidade',
  'advertentie',
  'reacties',
  'follow',
]);
/** Class names of text meant for screen readers only ("Image caption, ", "Image source, "). */
const SCREEN_READER_ONLY =
  /^(?:sr-only|sr-text|visually-hidden|visuallyhidden|hidden-visually|screen-reader-text|screen-reader-only|screenreader-only|a11y-hidden|offscreen|element-invisible|u-visually-hidden|is-visually-hidden)$/i;
/** ARIA labels of furniture regions, compared like block labels. */
const REGION_WORDS =
  /\b(?:advertisement|advertising|anzeige|werbung|publicidad|publicité|share|teilen|compartir|partager|newsletter|related|most read|most popular|comments|kommentare|comentarios|commentaires|cookie|consent|breadcrumb|social)\b/i;

/** The words of an element's class, id and data-* names: "relatedStories" → related, stories, relatedstories. */
export function nameWords(el: DomElement): Set<string> {
  // Most elements of a page carry no attribute at all: nothing to read (a page of 60,000 bare
  // <b><i> spent a third of its clutter pass here).
  if (!el.hasAttributes()) return new Set();
  const names = [el.getAttribute('class') ?? '', el.getAttribute('id') ?? ''];
  for (const a of [
    'data-testid',
    'data-component',
    'data-module',
    'data-gu-name',
    'data-type',
    'data-qa',
    'data-role',
    'data-block',
    'data-name',
  ]) {
    const v = el.getAttribute(a);
    if (v && v.length < 80) names.push(v);
  }
  const words = new Set<string>();
  for (const name of names) {
    const tokens = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t !== '');
    tokens.forEach((t, i) => {
      words.add(t);
      if (i > 0) words.add(tokens[i - 1]! + t);
    });
  }
  return words;
}

interface Page {
  bodyChars: number;
}

function holdsArticle(el: DomElement): boolean {
  return (
    ['html', 'body', 'main', 'article'].includes(el.localName) ||
    el.getAttribute('role') === 'main' ||
    el.querySelector(ARTICLE_SELECTOR) !== null
  );
}

/** A weaker signal (a name, a header, a form) never removes the article or a big part of the page. */
function holdsMuch(el: DomElement, page: Page): boolean {
  if (holdsArticle(el) || el.querySelector('h1') !== null) return true;
  return textOf(el).length >= Math.max(600, page.bodyChars * 0.3);
}

/** Hidden elements go, unless they hold the article (a page saved with a dialog open hides its content). */
export function removeHidden(doc: DomDocument): void {
  const bodyChars = textOf(doc.body).length;
  for (const el of all(doc, `[${HIDDEN_MARK}]`)) {
    if (!el.isConnected) continue;
    el.removeAttribute(HIDDEN_MARK);
    if (!holdsArticle(el) && textOf(el).length < bodyChars * 0.5) el.remove();
  }
}

/** Credits, follow buttons and screen-reader text go even from inside a line of text; other names only mark whole blocks. */
const CREDIT_WORDS = new Set([
  'credit',
  'credits',
  'copyright',
  'photographer',
  'attribution',
  'imagesource',
  'photosource',
  'imagecredit',
  'photocredit',
  'imagecopyright',
  'mediacredit',
  'picturecredit',
  // "Follow" buttons beside an author's name.
  'followus',
  'followbutton',
  'followlinks',
  'suivre',
  'suivez',
  'folgen',
  'siguenos',
]);
const INLINE = new Set([
  'a',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'small',
  'time',
  'abbr',
  'cite',
  'mark',
  'sup',
  'sub',
  'q',
  'label',
  'font',
  'code',
  'bdi',
  'bdo',
]);

/** An inline element with text beside it in its parent: part of a sentence, whatever its class says. */
function partOfSentence(el: DomElement): boolean {
  return INLINE.has(el.localName) && hasTextBeside(el);
}

/** Names of the date-and-byline row, removed once the byline has been taken from it. */
const META_WORDS = new Set([
  'meta',
  'metadata',
  'postmeta',
  'entrymeta',
  'articlemeta',
  'storymeta',
  'timestamp',
  'dateline',
  'publishdate',
  'pubdate',
]);

function isNamedClutter(el: DomElement): boolean {
  const classes = (el.getAttribute('class') ?? '').split(/\s+/);
  // Screen-reader text with words ("Image caption, ", "By "), not a separator such as ": ".
  if (classes.some((c) => SCREEN_READER_ONLY.test(c))) return /[\p{L}\p{N}]/u.test(textOf(el));
  const words = nameWords(el);
  for (const w of words) if (CREDIT_WORDS.has(w)) return true;
  if (partOfSentence(el)) return false;
  for (const w of words) if (CLUTTER_WORDS.has(w)) return true;
  const label = el.getAttribute('aria-label') ?? el.getAttribute('aria-roledescription');
  return label !== null && label.length < 60 && REGION_WORDS.test(label);
}

function charsIn(el: DomElement, selector: string): number {
  return all(el, selector).reduce((n, a) => n + textOf(a).length, 0);
}

/**
 * Whether at least `n` elements below `el` pass `test`: a walk that stops at the n-th, with no
 * selector to parse and match (these run for every list and block of a page, nested ones included:
 * selectors made a 3.6 MB documentation page spend over a second here).
 */
function countsAtLeast(el: DomElement, n: number, test: (d: DomElement) => boolean): boolean {
  let count = 0;
  for (const d of descendants(el)) if (test(d) && ++count >= n) return true;
  return false;
}

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const CARD_BLOCKS = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'article', 'section']);
const BESIDE_LINKS = 'time, h2, h3, h4, h5, h6';

/** What a link's text is without the times and headings inside it (most links hold none: no query then). */
function linkChars(a: DomElement): number {
  return textOf(a).length - (a.firstElementChild === null ? 0 : charsIn(a, BESIDE_LINKS));
}

/** The lowest share of link text a list of links has (lists; other blocks need 0.9). */
const LINK_LIST_SHARE = 0.8;

/**
 * A list or block made of links only (related stories, most read, tags): at least 3 links, nearly
 * all its text (its heading and the times beside its links left aside). `couldBe`: a quick bound
 * (linkShare.ts) that rules out most big blocks before their text is read.
 */
function isLinkList(el: DomElement, couldBe: (el: DomElement) => boolean): boolean {
  if (!countsAtLeast(el, 3, (d) => d.localName === 'a') || !couldBe(el)) return false;
  const chars = textOf(el).length - charsIn(el, BESIDE_LINKS);
  if (chars <= 0) return true;
  const density = all(el, 'a').reduce((n, a) => n + linkChars(a), 0) / chars;
  if (el.localName === 'ul' || el.localName === 'ol') return density >= LINK_LIST_SHARE;
  // A block of cards (each link in a block of its own), not a line of links such as a byline with its date.
  return density >= 0.9 && countsAtLeast(el, 2, (d) => CARD_BLOCKS.has(d.localName));
}

/** Within a link with an address (`a[href]`), at any depth. */
function insideLink(el: DomElement | null): boolean {
  for (let cur = el; cur; cur = cur.parentElement) if (cur.localName === 'a' && cur.hasAttribute('href')) return true;
  return false;
}

/**
 * Teaser cards of other stories: three or more headings that are links (or links holding a
 * heading) — what `h2 a[href], …, a[href] h6` finds below `el` (their ancestors may be above it).
 */
function isCardList(el: DomElement): boolean {
  return countsAtLeast(
    el,
    3,
    (d) =>
      (d.localName === 'a' && d.hasAttribute('href') && d.parentElement !== null && inside(d.parentElement, HEADINGS)) ||
      (HEADINGS.has(d.localName) && insideLink(d.parentElement)),
  );
}

/** The heading or label just before a removed list, when it only introduces it ("Most Read Business Stories", "Filed under"). */
function introHeading(el: DomElement): DomElement | null {
  const prev = el.previousElementSibling;
  if (!prev || prev.querySelector('a') !== null) return null;
  const chars = textOf(prev).length;
  return (/^h[2-6]$/.test(prev.localName) && chars < 80) ||
    (['span', 'p', 'div', 'strong', 'b', 'em', 'dt'].includes(prev.localName) && chars < 40)
    ? prev
    : null;
}

/**
 * An <aside> is complementary: outside the article it goes; inside, it goes when it points
 * elsewhere (a related-story teaser: mostly link text). A fact box inside the story stays, for
 * the whole-page reading (Readability leaves every <aside> out of the article).
 */
function isTeaserAside(el: DomElement): boolean {
  if (el.localName !== 'aside') return false;
  if (el.closest(ARTICLE_SELECTOR) === null) return true;
  const chars = textOf(el).length;
  return chars === 0 || charsIn(el, 'a') / chars >= 0.5;
}

/**
 * A short block that is mostly its <time>: beside the time and the words around dates ("Mis à
 * jour le", "Updated"), at most three words (a place, a publisher).
 */
function isTimeLine(el: DomElement, langs: readonly string[]): boolean {
  if (!['p', 'div', 'span', 'li', 'dd', 'header', 'footer'].includes(el.localName) || !hasDescendant(el, TIME)) return false;
  if (el.querySelector('p, div, li, h1, h2, h3, h4, h5, h6, figure, ul, ol') !== null) return false;
  const rest = all(el, 'time').reduce((t, time) => t.replace(textOf(time), ' '), textOf(el));
  return wordsBesideTime(rest, langs).length <= 3;
}

function removeWithEmptyParents(el: DomElement): void {
  let target = el;
  while (target.parentElement && !holdsArticle(target.parentElement) && !hasTextBeside(target)) target = target.parentElement;
  target.remove();
}

/**
 * Removes furniture found by structure and names. The 'early' pass runs before the headline,
 * standfirst and byline are looked for; the 'late' one after they are taken out, for what may
 * hold them: page headers, footers, forms and the date-and-byline row.
 */
export function removeClutter(doc: DomDocument, options: { langs: readonly string[]; phase: 'early' | 'late' }): void {
  const page: Page = { bodyChars: textOf(doc.body).length };
  const couldBeLinkList = options.phase === 'early' ? linkShareBound(doc.body, LINK_LIST_SHARE) : () => true;
  for (const el of all(doc.body, '*')) {
    if (!el.isConnected) continue;
    const role = el.getAttribute('role');
    if (options.phase === 'late') {
      const tag = el.localName;
      const siteHeader =
        (tag === 'header' || role === 'banner') &&
        !inside(el, new Set(['article', 'main'])) &&
        el.closest('[itemprop~="articlebody"]') === null;
      if ((siteHeader && el.querySelector('figcaption') === null) || tag === 'footer' || tag === 'form') {
        if (!holdsMuch(el, page)) el.remove();
      }
      // A dateline of a place and a time ("Madrid - <time>03 mar 2026 - 14:05</time>"), the date-and-source row; the byline was taken before.
      else if (
        isTimeLine(el, options.langs) ||
        (!partOfSentence(el) && [...nameWords(el)].some((w) => META_WORDS.has(w)) && !holdsMuch(el, page))
      )
        el.remove();
      continue;
    }
    if (STRONG_TAGS.has(el.localName) || (role !== null && STRONG_ROLES.has(role)) || isTeaserAside(el)) {
      if (!holdsArticle(el)) el.remove();
      continue;
    }
    if (isNamedClutter(el) && !holdsMuch(el, page)) {
      el.remove();
      continue;
    }
    if (
      ['ul', 'ol', 'div', 'section'].includes(el.localName) &&
      (isLinkList(el, couldBeLinkList) || isCardList(el)) &&
      !holdsMuch(el, page)
    ) {
      introHeading(el)?.remove();
      removeWithEmptyParents(el);
      continue;
    }
    // In a caption, a credit or a label of its own ("Purchase Licensing Rights") goes, even beside the caption's text.
    if (el.localName !== 'figcaption' && inside(el, FIGCAPTION) && (isCreditOnly(textOf(el)) || isBoilerplate(textOf(el), options.langs))) {
      el.remove();
      continue;
    }
    // A region whose whole text is one furniture label ("Advertisement") goes with its empty slot.
    if (
      ['div', 'section', 'span'].includes(el.localName) &&
      el.children.length > 0 &&
      isBoilerplate(textOf(el), options.langs) &&
      !holdsMuch(el, page)
    ) {
      el.remove();
    }
  }
}
