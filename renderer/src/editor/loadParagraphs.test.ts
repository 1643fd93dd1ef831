import { describe, expect, it } from 'vitest';
import type { Paragraph, ParagraphPage } from '../../../shared/types.js';
import { loadParagraphs, type PageReader } from './loadParagraphs.js';

const paragraph = (i: number, id = `p${i}`): Paragraph =>
  ({
    id,
    documentId: 'd1',
    index: i,
    source: `S${i}`,
    target: '',
    status: 'new',
    mt: null,
    signOff: null,
    updatedAt: 'x',
  }) as unknown as Paragraph;

/** Serves pages of `size` from `paragraphs`; `change` may alter them between calls. */
function reader(paragraphs: Paragraph[], size: number, change?: (call: number) => void): PageReader & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    async getParagraphPage({ from }) {
      change?.(calls.length);
      calls.push(from);
      const rest = paragraphs.filter((p) => p.index >= from);
      const page: ParagraphPage = { paragraphs: rest.slice(0, size), next: rest[size]?.index ?? null, total: paragraphs.length };
      return page;
    },
  };
}

describe('loadParagraphs', () => {
  it('reads every page in order and returns the whole document', async () => {
    const all = Array.from({ length: 7 }, (_, i) => paragraph(i));
    const api = reader(all, 3);
    expect(await loadParagraphs(api, 'd1')).toEqual(all);
    expect(api.calls).toEqual([0, 3, 6]);
  });

  it('follows positions with gaps', async () => {
    const all = [paragraph(0), paragraph(4), paragraph(9)];
    const api = reader(all, 2);
    expect(await loadParagraphs(api, 'd1')).toEqual(all);
    expect(api.calls).toEqual([0, 9]);
  });

  it('reads an empty document as no paragraphs', async () => {
    expect(await loadParagraphs(reader([], 3), 'd1')).toEqual([]);
  });

  it('is null when the document gained or lost paragraphs between two pages', async () => {
    const all = Array.from({ length: 5 }, (_, i) => paragraph(i));
    expect(
      await loadParagraphs(
        reader(all, 2, (n) => n === 1 && all.push(paragraph(5))),
        'd1',
      ),
    ).toBeNull();
  });

  it('is null when a paragraph comes twice (moved between pages) or a page would not move on', async () => {
    const all = [paragraph(0), paragraph(1), paragraph(2, 'p0')];
    expect(await loadParagraphs(reader(all, 2), 'd1')).toBeNull();
    const stuck: PageReader = { getParagraphPage: async () => ({ paragraphs: [paragraph(0)], next: 0, total: 2 }) };
    expect(await loadParagraphs(stuck, 'd1')).toBeNull();
  });
});
