/** Sends the measured editing effort of a paragraph when the translation box loses focus. */
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/ApiProvider.js';
import { createEffortMeter } from './effortMeter.js';

/** `onInput` is called for every change of the text by the person (each input event). */
export function useEditEffort(paragraphId: string): { onInput: () => void; flush: () => void } {
  const api = useApi();
  const [meter] = useState(() => createEffortMeter(() => performance.now()));

  const flush = useCallback(() => {
    const { activeMs, keystrokes } = meter.take();
    if (activeMs === 0 && keystrokes === 0) return;
    // Effort is a statistic: a failed report must not disturb editing.
    api
      .recordEditEffort({ paragraphId, activeMs: Math.min(activeMs, 3_600_000), keystrokes: Math.min(keystrokes, 100_000) })
      .catch(() => undefined);
  }, [api, paragraphId, meter]);

  useEffect(() => flush, [flush]);

  const onInput = useCallback(() => meter.key(), [meter]);

  return { onInput, flush };
}
