import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useRef } from 'react';
import type { TFunction } from 'i18next';
import type { SignOffSummary } from '../../../shared/features/workflowApi.js';
import type { VersoApi } from '../../../shared/api.js';
import type { Paragraph } from '../../../shared/types.js';
import { documentOf, hookHarness, paragraph, refuse } from '../../test/hookHarness.js';
import type { RowVisibility } from '../workflow/FindBar.js';
import { bulkSignOffIds, useBulkSignOff } from './useBulkSignOff.js';
import { useEditorStatus } from './useEditorStatus.js';

const t = ((key: string, options?: { count?: number }) => `${key}:${options?.count ?? ''}`) as unknown as TFunction;

const paragraphs: Paragraph[] = [
  paragraph(0, { status: 'translated', target: 'Uno.' }),
  paragraph(1, { status: 'edited', target: 'Dos.' }),
  paragraph(2, {
    status: 'translated',
    target: 'Tres.',
    excluded: { at: '2025-01-01T00:00:00.000Z', name: 'Ed', role: 'editor', origin: 'human' },
  }),
  paragraph(3, { status: 'signed-off', target: 'Cuatro.' }),
  paragraph(4, { status: 'translated', target: 'Cinco.' }),
];

describe('bulkSignOffIds', () => {
  it('takes confirmed paragraphs, or those shown and not signed off; never excluded ones', () => {
    expect(bulkSignOffIds(paragraphs, false, null)).toEqual(['p0', 'p4']);
    const shown: RowVisibility = { test: (p) => p.id !== 'p4' };
    expect(bulkSignOffIds(paragraphs, true, shown)).toEqual(['p0', 'p1']);
  });
});

function setup(stub: Partial<VersoApi>, visibility: RowVisibility | null = null) {
  const harness = hookHarness(stub);
  const order: string[] = [];
  const onParagraphs = vi.fn();
  const flushAll = vi.fn(() => {
    order.push('flush');
    return Promise.resolve(true);
  });
  const review = [{ paragraphId: 'p0', dwellMs: 60_000, diffViewed: false }];
  const signalsFor = vi.fn((ids: readonly string[]) => review.filter((r) => ids.includes(r.paragraphId)));
  const doc = documentOf(paragraphs);
  const rendered = renderHook(
    () => {
      const ui = useEditorStatus();
      const button = useRef<HTMLButtonElement>(null);
      const status = useRef<HTMLElement>(null);
      const panels = useRef<HTMLElement>(null);
      const bulk = useBulkSignOff({
        current: () => doc,
        visibility,
        flushAll,
        reviewSignals: { signalsFor },
        onParagraphs,
        ui,
        requestFocus: () => undefined,
        refs: { button, status, panels },
      });
      return { ui, bulk };
    },
    { wrapper: harness.wrapper },
  );
  return { ...rendered, order, onParagraphs, signalsFor, review };
}

describe('useBulkSignOff', () => {
  it('saves typed text, signs off the confirmed paragraphs with their review signals, and lists those skipped', async () => {
    const calls: unknown[] = [];
    const signedOff = [{ ...paragraphs[0]!, status: 'signed-off' as const }];
    const skipped = [{ paragraphId: 'p4', number: 5, reason: 'qa' as const, issues: [] }];
    const s = setup({
      signOffReviewed: (input) => {
        calls.push(input);
        s.order.push('signOff');
        return Promise.resolve<SignOffSummary>({ signedOff, skipped, fast: [] });
      },
    });
    await act(() => s.result.current.bulk.signOffAll());
    expect(s.order).toEqual(['flush', 'signOff']);
    expect(calls).toEqual([{ paragraphIds: ['p0', 'p4'], review: s.review }]);
    expect(s.onParagraphs).toHaveBeenCalledWith(signedOff);
    expect(s.result.current.bulk.skipped).toEqual(skipped);
    expect(s.result.current.ui.status?.render(t)).toBe('editor.signOffAll.done:1');
    expect(s.result.current.ui.busy).toBeNull();
  });

  it('with nothing to sign off, asks nothing of the server', async () => {
    const s = setup({}, { test: (p) => p.id === 'p3' });
    await act(() => s.result.current.bulk.signOffAll(true));
    expect(s.order).toEqual(['flush']);
    expect(s.result.current.ui.alert).toBeNull();
    expect(s.result.current.ui.busy).toBeNull();
  });

  it("shows the server's refusal and is ready again", async () => {
    const s = setup({ signOffReviewed: () => refuse('ROLE_FORBIDDEN', 'no') });
    await act(() => s.result.current.bulk.signOffAll());
    expect(s.result.current.ui.alert).toMatchObject({ error: { code: 'ROLE_FORBIDDEN' } });
    expect(s.result.current.ui.busy).toBeNull();
    expect(s.onParagraphs).not.toHaveBeenCalled();
  });
});
