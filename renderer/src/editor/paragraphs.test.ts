import { describe, expect, it } from 'vitest';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import { mergeFreshParagraphs, mergeReloaded, mergeReloadedParagraphs } from './paragraphs.js';

function paragraph(i: number, over: Partial<Paragraph> = {}): Paragraph {
  return {
    id: `p${i}`,
    documentId: 'd1',
    index: i,
    kind: 'paragraph',
    marker: null,
    source: `Source ${i}.`,
    target: '',
    status: 'new',
    mt: null,
    signOff: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

function doc(paragraphs: Paragraph[], id = 'd1'): DocumentDetail {
  return {
    id,
    title: 'Story',
    sourceLang: 'en',
    targetLang: 'es',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    paragraphCount: paragraphs.length,
    signedOffCount: 0,
    paragraphs,
  };
}

/** What the MT job wrote: a fresh copy with the MT, a later time. */
function translated(p: Paragraph): Paragraph {
  const at = '2025-01-01T00:00:05.000Z';
  return {
    ...p,
    target: `ES ${p.source}`,
    status: 'machine',
    mt: {
      text: `ES ${p.source}`,
      engineId: 'apertium',
      engineVersion: '3',
      sourceLang: 'en',
      targetLang: 'es',
      createdAt: at,
      unknownWords: [],
    },
    updatedAt: at,
  };
}

/** A copy as a reload delivers it (new objects, same values). */
const copy = (p: Paragraph): Paragraph => structuredClone(p);

describe('mergeFreshParagraphs', () => {
  it('takes the changed paragraphs and keeps the identity of every unchanged one', () => {
    const current = [paragraph(0), paragraph(1), paragraph(2), paragraph(3)];
    const fresh = [copy(current[0]!), translated(current[1]!), copy(current[2]!), translated(current[3]!)];
    const merged = mergeFreshParagraphs(current, fresh)!;
    expect(merged[0]).toBe(current[0]);
    expect(merged[1]).toBe(fresh[1]);
    expect(merged[2]).toBe(current[2]);
    expect(merged[3]).toBe(fresh[3]);
  });

  it('is null when nothing changed (a cancelled job that wrote nothing)', () => {
    const current = [paragraph(0), paragraph(1)];
    expect(mergeFreshParagraphs(current, current.map(copy))).toBeNull();
  });

  it('keeps an on-screen paragraph saved after the read began, and notices changes that keep the time', () => {
    const saved = paragraph(0, { target: 'Mine.', status: 'edited', updatedAt: '2025-01-01T00:00:09.000Z' });
    expect(mergeFreshParagraphs([saved], [translated(paragraph(0))])).toBeNull();
    const excluded = {
      ...paragraph(1),
      excluded: { at: '2025-01-01T00:00:01.000Z', name: 'Ana', role: 'translator' as const, origin: 'human' as const },
    };
    const merged = mergeFreshParagraphs([paragraph(1)], [excluded])!;
    expect(merged[0]).toBe(excluded);
  });

  it('follows the fresh order and length (paragraphs added or gone)', () => {
    const current = [paragraph(0), paragraph(1)];
    const added = paragraph(2);
    const merged = mergeFreshParagraphs(current, [copy(current[1]!), added])!;
    expect(merged).toEqual([current[1], added]);
    expect(merged[0]).toBe(current[1]);
  });
});

describe('mergeReloadedParagraphs', () => {
  it('returns the very document on screen when nothing changed, so nothing derived recomputes', () => {
    const current = doc([paragraph(0), paragraph(1)]);
    expect(mergeReloadedParagraphs(current, 'd1', current.paragraphs.map(copy))).toBe(current);
  });

  it('replaces only the paragraphs, keeping the document fields', () => {
    const current = doc([paragraph(0), paragraph(1)]);
    const fresh = [copy(current.paragraphs[0]!), translated(current.paragraphs[1]!)];
    const merged = mergeReloadedParagraphs(current, 'd1', fresh)!;
    expect(merged).not.toBe(current);
    expect(merged.title).toBe('Story');
    expect(merged.paragraphs[0]).toBe(current.paragraphs[0]);
    expect(merged.paragraphs[1]!.target).toBe('ES Source 1.');
  });

  it('leaves another document on screen alone', () => {
    const other = doc([paragraph(0)], 'd2');
    expect(mergeReloadedParagraphs(other, 'd1', [translated(paragraph(0))])).toBe(other);
    expect(mergeReloadedParagraphs(null, 'd1', [paragraph(0)])).toBeNull();
  });
});

describe('mergeReloaded', () => {
  it('takes the fresh document fields and keeps unchanged paragraphs', () => {
    const current = doc([paragraph(0), paragraph(1)]);
    const fresh = { ...doc([copy(current.paragraphs[0]!), translated(current.paragraphs[1]!)]), title: 'Renamed' };
    const merged = mergeReloaded(current, fresh);
    expect(merged.title).toBe('Renamed');
    expect(merged.paragraphs[0]).toBe(current.paragraphs[0]);
    expect(merged.paragraphs[1]).toBe(fresh.paragraphs[1]);
    expect(mergeReloaded(doc([paragraph(0)], 'd2'), fresh)).toBe(fresh);
  });
});
