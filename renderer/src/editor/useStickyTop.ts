/**
 * The sticky toolbar must never hide the focused element. Its height (plus a margin) becomes the
 * page's `scroll-padding-top` (CSS variable `--sticky-top`), which the browser honours when it
 * scrolls a focused element into view; for focus moves it does not scroll for (the element is
 * "visible" but under the toolbar), `keepClearOfToolbar` scrolls it clear.
 */
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Space kept between the toolbar and the focused element (px). */
export const STICKY_MARGIN = 12;

export function useStickyTop(toolbar: RefObject<HTMLElement | null>, mounted: boolean): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const el = toolbar.current;
    if (!el) return;
    const root = el.ownerDocument.documentElement;
    const measure = (): void => {
      // A toolbar that is not sticky (an open Re-import form makes it scroll with the page, styles.css)
      // covers nothing: no padding, else a padding taller than the window would keep its lower part
      // out of reach.
      const sticky = el.ownerDocument.defaultView?.getComputedStyle(el).position !== 'static';
      const next = sticky ? Math.ceil(el.getBoundingClientRect().height) : 0;
      setHeight(next);
      root.style.setProperty('--sticky-top', `${next + STICKY_MARGIN}px`);
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--sticky-top');
    };
  }, [toolbar, mounted]);

  // Focus moves inside the page (Tab, Shift+Tab, a click) scroll a hidden element clear.
  useEffect(() => {
    const el = toolbar.current;
    if (!el) return;
    const onFocusIn = (e: FocusEvent): void => keepClearOfToolbar(e.target, el);
    el.ownerDocument.addEventListener('focusin', onFocusIn);
    return () => el.ownerDocument.removeEventListener('focusin', onFocusIn);
  }, [toolbar, mounted]);

  return height + STICKY_MARGIN;
}

/** Scrolls the window so that `target` is not covered by the sticky `toolbar`. */
export function keepClearOfToolbar(target: EventTarget | null, toolbar: HTMLElement): void {
  const el = target as HTMLElement | null;
  if (!el || typeof el.getBoundingClientRect !== 'function' || toolbar.contains(el)) return;
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  const bar = toolbar.getBoundingClientRect();
  // Only while the toolbar is stuck to the top of the window.
  if (bar.top > 1 || view.getComputedStyle(toolbar).position === 'static') return;
  const box = el.getBoundingClientRect();
  const covered = box.top < bar.bottom && box.bottom > bar.top;
  if (covered) view.scrollBy({ top: box.top - bar.bottom - STICKY_MARGIN, behavior: 'instant' });
}
