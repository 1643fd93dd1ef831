import { useLayoutEffect, useRef } from 'react';

/**
 * A ref holding the latest `value`, for effects and callbacks that read it without re-running
 * when it changes (a parent's `onError`, the current paragraphs). It is written after each render
 * (a layout effect, so before any effect or event sees it), never during one, as React requires.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
