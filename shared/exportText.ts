/**
 * Pure export rules: the publish gate and the footer policy (the writers are in main/export/).
 */
import type { FooterPolicy, Paragraph } from './types.js';

export interface PublishBlockers {
  count: number;
  /** 0-based indices of paragraphs not 'signed-off', ascending. */
  indices: number[];
}

/** Paragraphs that keep a document from being exported for publication (excluded ones never do). */
export function publishBlockers(paragraphs: Pick<Paragraph, 'status' | 'index' | 'excluded'>[]): PublishBlockers {
  const indices = paragraphs
    .filter((p) => p.status !== 'signed-off' && !p.excluded)
    .map((p) => p.index)
    .sort((a, b) => a - b);
  return { count: indices.length, indices };
}

/** Whether the disclosure footer goes under the export, per the settings' policy. */
/** `originUnknown` (issue 12): a translation whose origin nobody knows counts as machine translation. */
export function footerApplies(policy: FooterPolicy, paragraphs: { mt: unknown; originUnknown?: boolean }[]): boolean {
  switch (policy) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'when-mt':
      return paragraphs.some((p) => p.mt !== null || p.originUnknown === true);
  }
}
