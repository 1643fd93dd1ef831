/**
 * The editor's paragraph table, virtualized (@tanstack/react-virtual over the window's scroll):
 * past RENDER_ALL_UP_TO paragraphs only the rows near the viewport are mounted, each measured as it renders (rows differ in
 * height). Also kept mounted: the row holding focus, rows with text not saved yet and a row being
 * moved to. Mounted rows flow in the page between spacer blocks of the height of the rows they
 * stand for, so the browser's own focus scrolling (and scroll-padding under the sticky toolbar)
 * works on them. Screen readers get `aria-rowcount` on the table and `aria-rowindex` on each row.
 */
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEventHandler,
  type ReactNode,
} from 'react';
import { defaultRangeExtractor, measureElement, useWindowVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import type { Paragraph } from '../../../shared/types.js';
import type { RowHandle } from './ParagraphRow.js';
import { RowPresenceContext, type RowPresence } from './rowPresence.js';

/** A first guess of a row's height (px) before it is measured. */
export const ESTIMATED_ROW_HEIGHT = 170;
/** Rows mounted beyond each edge of the viewport. */
const OVERSCAN = 4;
/**
 * A document this short (a news article) is rendered whole: the browser's find-in-page and a
 * screen reader's browse mode see every row. Longer ones render a window of rows.
 */
export const RENDER_ALL_UP_TO = 50;

/**
 * A row's measured height; a row measured 0 is not laid out (the view is hidden, e.g. while the
 * profile form is open, or there is no layout at all) and keeps its last or estimated height, so a
 * hidden list never mounts every row.
 */
function measureRow(el: HTMLDivElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Window, HTMLDivElement>): number {
  const size = measureElement(el, entry, instance);
  if (size > 0) return size;
  const index = instance.indexFromElement(el);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? ESTIMATED_ROW_HEIGHT;
}

export interface ParagraphListHandle {
  /**
   * Focuses the paragraph's Translation box, mounting its row and scrolling to it; false when the
   * paragraph is not in the list (hidden by the find/filter bar).
   */
  focusParagraph(paragraphId: string): boolean;
  /** Focuses the shown paragraph `step` rows after (or before) this one; false when there is none. */
  focusAfter(paragraphId: string, step: 1 | -1): boolean;
  /** Focuses the row focused last (or the first row); false when the list is empty. */
  focusCurrent(): boolean;
}

export interface ParagraphListProps {
  /** Every paragraph of the document, in order. */
  paragraphs: readonly Paragraph[];
  /** Positions (in `paragraphs`) of the paragraphs shown, or null for all. */
  shown: readonly number[] | null;
  renderRow: (paragraph: Paragraph, number: number, rowIndex: number) => ReactNode;
  /** The mounted row of a paragraph (rows register themselves with the editor). */
  getRow: (paragraphId: string) => RowHandle | undefined;
  label: string;
  describedBy?: string;
  onKeyDown?: KeyboardEventHandler<HTMLDivElement>;
  /** Height (px) covered at the top of the window by the sticky toolbar. */
  stickyTop?: number;
}

function paragraphIdOf(target: EventTarget | null): string | null {
  const el = target as Element | null;
  return typeof el?.closest === 'function' ? (el.closest('[data-paragraph-id]')?.getAttribute('data-paragraph-id') ?? null) : null;
}

/** `base` (sorted) with the `extra` indexes added, sorted and without duplicates. */
export function withPinned(base: readonly number[], extra: readonly number[]): number[] {
  if (extra.length === 0) return [...base];
  return [...new Set([...base, ...extra])].sort((a, b) => a - b);
}

export const ParagraphList = forwardRef<ParagraphListHandle, ParagraphListProps>(function ParagraphList(props, ref) {
  const { paragraphs, shown, renderRow, getRow, label, describedBy, onKeyDown, stickyTop = 0 } = props;
  const listRef = useRef<HTMLDivElement>(null);

  /** Positions in `paragraphs` of the list's rows (the shown ones, or all). */
  const count = shown ? shown.length : paragraphs.length;
  const positionAt = useCallback((i: number) => (shown ? shown[i]! : i), [shown]);
  const itemAt = useCallback((i: number) => paragraphs[positionAt(i)]!, [paragraphs, positionAt]);
  /**
   * Row index of a paragraph id: where it was last time if it is still there (the usual case: an
   * edit replaces a paragraph in place), else from a map built on first use after the list changed.
   */
  const lastIndex = useRef(new Map<string, number>());
  const indexOf = useMemo(() => {
    let map: Map<string, number> | null = null;
    return (id: string): number => {
      const guess = lastIndex.current.get(id);
      if (guess !== undefined && guess >= 0 && guess < count && itemAt(guess).id === id) return guess;
      if (!map) {
        map = new Map();
        for (let i = 0; i < count; i++) map.set(itemAt(i).id, i);
      }
      const at = map.get(id) ?? -1;
      if (lastIndex.current.size > 100) lastIndex.current.clear();
      lastIndex.current.set(id, at);
      return at;
    };
  }, [count, itemAt]);

  // Rows that must stay mounted wherever the viewport is.
  const [focused, setFocused] = useState<string | null>(null);
  const lastFocused = useRef<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const presence = useMemo<RowPresence>(
    () => ({
      setUnsaved: (id, value) =>
        setUnsaved((current) => {
          if (current.has(id) === value) return current;
          const next = new Set(current);
          if (value) next.add(id);
          else next.delete(id);
          return next;
        }),
    }),
    [],
  );
  const pinnedIds = [focused, target, ...unsaved].filter((id): id is string => id !== null);
  const pinnedKey = pinnedIds.join('\n');
  const pinned = useMemo(
    () => pinnedIds.map(indexOf).filter((i) => i >= 0),
    // pinnedIds is derived from pinnedKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pinnedKey, indexOf],
  );
  const rangeExtractor = useCallback(
    (range: Range) =>
      range.count <= RENDER_ALL_UP_TO ? Array.from({ length: range.count }, (_, i) => i) : withPinned(defaultRangeExtractor(range), pinned),
    [pinned],
  );

  // Where the list starts in the page (what is above it changes height: alerts, panels, …).
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = (): void => {
      const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
      setScrollMargin((m) => (m === top ? m : top));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el.ownerDocument.body);
    return () => observer.disconnect();
  }, []);

  const getItemKey = useCallback((i: number) => itemAt(i).id, [itemAt]);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    scrollPaddingStart: stickyTop,
    getItemKey,
    rangeExtractor,
    measureElement: measureRow,
  });

  // A row asked for before it was mounted is focused once it has mounted (and registered): rows
  // mount when the virtualizer's items change, and register in their own effects, which run
  // before this one in the same commit.
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (target === null) return;
    const row = getRow(target);
    if (row) {
      row.focus();
      setTarget(null);
    } else if (indexOf(target) < 0) setTarget(null);
  }, [target, getRow, indexOf, items]);

  const focusParagraph = useCallback(
    (id: string): boolean => {
      const at = indexOf(id);
      if (at < 0) return false;
      const row = getRow(id);
      if (row) row.focus();
      else {
        setTarget(id);
        virtualizer.scrollToIndex(at, { align: 'center' });
      }
      return true;
    },
    [getRow, indexOf, virtualizer],
  );

  useImperativeHandle(
    ref,
    () => ({
      focusParagraph,
      focusAfter(id, step) {
        const at = indexOf(id);
        const next = at < 0 ? -1 : at + step;
        return next >= 0 && next < count && focusParagraph(itemAt(next).id);
      },
      focusCurrent() {
        const last = lastFocused.current;
        if (last !== null && indexOf(last) >= 0) return focusParagraph(last);
        return count > 0 && focusParagraph(itemAt(0).id);
      },
    }),
    [focusParagraph, indexOf, count, itemAt],
  );

  const children: ReactNode[] = [];
  let at = 0;
  for (const item of items) {
    const top = item.start - scrollMargin;
    if (top > at) children.push(<div key={`gap-${item.index}`} className="row-gap" aria-hidden="true" style={{ height: top - at }} />);
    const paragraph = itemAt(item.index);
    children.push(
      <div key={paragraph.id} className="row-slot" data-index={item.index} ref={virtualizer.measureElement}>
        {renderRow(paragraph, positionAt(item.index) + 1, item.index + 1)}
      </div>,
    );
    at = Math.max(at, item.end - scrollMargin);
  }
  const total = virtualizer.getTotalSize();
  if (total > at) children.push(<div key="gap-end" className="row-gap" aria-hidden="true" style={{ height: total - at }} />);

  return (
    <RowPresenceContext.Provider value={presence}>
      <div
        ref={listRef}
        role="table"
        aria-label={label}
        aria-describedby={describedBy}
        aria-rowcount={count}
        className="paragraphs"
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const id = paragraphIdOf(e.target);
          if (id === null) return;
          lastFocused.current = id;
          setFocused(id);
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) setFocused(null);
        }}
      >
        {children}
      </div>
    </RowPresenceContext.Provider>
  );
});
