/**
 * The editor's regions that F6 / Shift+F6 cycle through, as in desktop applications: toolbar →
 * paragraph list → side panels (document checks, then the translation memory matches of the active
 * paragraph) → toolbar. Each region is a landmark marked with `data-f6-region`.
 */
import { firstFocusable } from '../components/restoreFocus.js';

export const REGION_ORDER = ['toolbar', 'paragraphs', 'panels', 'tm'] as const;
export type RegionName = (typeof REGION_ORDER)[number];
export const REGION_ATTRIBUTE = 'data-f6-region';

function isRegionName(value: string | null): value is RegionName {
  return value !== null && (REGION_ORDER as readonly string[]).includes(value);
}

/** The region holding `el` (the innermost one), or null. */
export function regionOf(el: Element | null): RegionName | null {
  const name = el?.closest(`[${REGION_ATTRIBUTE}]`)?.getAttribute(REGION_ATTRIBUTE) ?? null;
  return isRegionName(name) ? name : null;
}

/** The region after (`step` 1) or before (-1) `current` among those `present`, wrapping around. */
export function nextRegion(present: readonly RegionName[], current: RegionName | null, step: 1 | -1): RegionName | null {
  const order = REGION_ORDER.filter((r) => present.includes(r));
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return step === 1 ? order[0]! : order[order.length - 1]!;
  return order[(at + step + order.length) % order.length]!;
}

export function regionElement(doc: Document, name: RegionName): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`[${REGION_ATTRIBUTE}="${name}"]`);
}

/**
 * Moves focus into the region: the paragraph list through `focusParagraphs` (the row focused last,
 * or the first), any other region to its first control (or to the region itself).
 */
export function focusRegion(doc: Document, name: RegionName, focusParagraphs: () => boolean): boolean {
  if (name === 'paragraphs' && focusParagraphs()) return true;
  const el = regionElement(doc, name);
  if (!el) return false;
  const target = name === 'paragraphs' ? null : firstFocusable(el);
  if (target) target.focus();
  else {
    if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
    el.focus();
  }
  return true;
}

/** F6 (forwards) or Shift+F6 (backwards): returns true when it moved focus. */
export function cycleRegions(doc: Document, step: 1 | -1, focusParagraphs: () => boolean): boolean {
  const present = REGION_ORDER.filter((name) => regionElement(doc, name) !== null);
  const next = nextRegion(present, regionOf(doc.activeElement), step);
  return next !== null && focusRegion(doc, next, focusParagraphs);
}
