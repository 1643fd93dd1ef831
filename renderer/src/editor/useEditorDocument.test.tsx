import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { Paragraph } from '../../../shared/types.js';
import { documentOf, hookHarness, paragraph, refuse } from '../../test/hookHarness.js';
import { useEditorDocument } from './useEditorDocument.js';

const page = (paragraphs: Paragraph[]) => ({ paragraphs, next: null, total: paragraphs.length });

describe('useEditorDocument', () => {
  it('reads the document once, then page by page when its job ends, keeping unchanged paragraphs', async () => {
    const first = [paragraph(0), paragraph(1)];
    let pages = 0;
    const translated = { ...first[1]!, target: 'Uno.', status: 'machine' as const, updatedAt: '2025-01-02T00:00:00.000Z' };
    const { wrapper, events } = hookHarness({
      getDocument: () => Promise.resolve(documentOf(first)),
      getParagraphPage: () => {
        pages++;
        return Promise.resolve(page([first[0]!, translated]));
      },
    });
    const { result } = renderHook(() => useEditorDocument('d1', null), { wrapper });
    await waitFor(() => expect(result.current.doc?.paragraphs).toHaveLength(2));
    const before = result.current.doc!;
    expect(pages).toBe(0);

    events.emit('jobProgress', { jobId: 'j', documentId: 'd1', state: 'done', done: 1, total: 1, error: null });
    await waitFor(() => expect(result.current.doc?.paragraphs[1]?.target).toBe('Uno.'));
    expect(pages).toBe(1);
    // The unchanged paragraph keeps its identity (its row stays memoized).
    expect(result.current.doc!.paragraphs[0]).toBe(before.paragraphs[0]);
  });

  it('starts from the document an import handed over, without reading it', async () => {
    const handed = documentOf([paragraph(0)]);
    const { wrapper } = hookHarness({});
    const { result } = renderHook(() => useEditorDocument('d1', handed), { wrapper });
    expect(result.current.doc).toBe(handed);
    expect(result.current.loadError).toBeNull();
  });

  it('says why the document could not be opened; a failed reload rejects and keeps the document shown', async () => {
    let fail = true;
    const { wrapper } = hookHarness({
      getDocument: () => (fail ? refuse('DOCUMENT_NOT_FOUND', 'gone') : Promise.resolve(documentOf([paragraph(0)]))),
      getParagraphPage: () => refuse('INTERNAL', 'disk'),
    });
    const { result } = renderHook(() => useEditorDocument('d1', null), { wrapper });
    await waitFor(() => expect(result.current.loadError).toMatchObject({ error: { code: 'DOCUMENT_NOT_FOUND' } }));
    fail = false;
    await act(() => result.current.reload());
    expect(result.current.doc?.paragraphs).toHaveLength(1);
    await expect(result.current.reload()).rejects.toMatchObject({ error: { code: 'INTERNAL' } });
    expect(result.current.doc?.paragraphs).toHaveLength(1);
    expect(result.current.loadError).toBeNull();
  });

  it('merges accepted paragraphs over the document at once (readable before the next render)', async () => {
    const { wrapper } = hookHarness({});
    const { result } = renderHook(() => useEditorDocument('d1', documentOf([paragraph(0), paragraph(1)])), { wrapper });
    const saved = { ...paragraph(1), target: 'Dos.', status: 'edited' as const };
    await act(async () => {
      result.current.mergeParagraphs([saved]);
      expect(result.current.current()?.paragraphs[1]).toBe(saved);
    });
    expect(result.current.doc?.paragraphs[1]).toBe(saved);
    // The other paragraph keeps its identity.
    expect(result.current.doc?.paragraphs[0]).toBe(result.current.current()?.paragraphs[0]);
  });
});
