/**
 * The latest defined value: what a query answered last stays shown while a newer question is
 * asked and when it fails (the error is shown beside it), as the hand-written loads did.
 */
import { useState } from 'react';

export function useKept<T>(value: T | undefined): T | undefined {
  const [kept, setKept] = useState(value);
  // Adjusting state while rendering (React's documented pattern for derived state): no effect, no extra commit.
  if (value !== undefined && value !== kept) setKept(value);
  return value ?? kept;
}
