import { describe, expect, it } from 'vitest';
import { footerApplies, publishBlockers } from './exportText.js';
import type { MtRecord, ParagraphStatus } from './types.js';

const mt: MtRecord = {
  text: 'x',
  engineId: 'apertium',
  engineVersion: '3.8',
  sourceLang: 'en',
  targetLang: 'es',
  createdAt: '2025-01-01T00:00:00.000Z',
  unknownWords: [],
};

describe('publishBlockers', () => {
  it('lists the indices of every paragraph not signed off, ascending', () => {
    const statuses: ParagraphStatus[] = ['signed-off', 'new', 'signed-off', 'translated', 'machine', 'edited'];
    const paragraphs = statuses.map((status, index) => ({ status, index })).reverse();
    expect(publishBlockers(paragraphs)).toEqual({ count: 4, indices: [1, 3, 4, 5] });
  });

  it('is empty when all are signed off or there are none', () => {
    expect(publishBlockers([{ status: 'signed-off', index: 0 }])).toEqual({ count: 0, indices: [] });
    expect(publishBlockers([])).toEqual({ count: 0, indices: [] });
  });
});

describe('footerApplies', () => {
  const withMt = [{ mt: null }, { mt }];
  const withoutMt = [{ mt: null }, { mt: null }];
  it.each([
    ['always', withMt, true],
    ['always', withoutMt, true],
    ['always', [], true],
    ['never', withMt, false],
    ['never', withoutMt, false],
    ['when-mt', withMt, true],
    ['when-mt', withoutMt, false],
    ['when-mt', [], false],
  ] as const)('%s with %j -> %s', (policy, paragraphs, expected) => {
    expect(footerApplies(policy, [...paragraphs])).toBe(expected);
  });
});
