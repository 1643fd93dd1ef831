/**
 * Reads every paragraph of a document page by page (`getParagraphPage`), so that a 10,000-paragraph
 * document never arrives as one 14 MB reply whose JSON parse alone blocks the page for over 100 ms:
 * each page is parsed in its own short task, and the pages are applied together by the caller.
 */
import type { VersoApi } from '../../../shared/api.js';
import type { Paragraph } from '../../../shared/types.js';

export type PageReader = Pick<VersoApi, 'getParagraphPage'>;

/**
 * The document's paragraphs in order, or null when the pages do not add up to one document (it
 * gained or lost paragraphs between two pages, e.g. a re-import elsewhere): the caller then reads
 * the document whole.
 */
export async function loadParagraphs(api: PageReader, documentId: string): Promise<Paragraph[] | null> {
  const paragraphs: Paragraph[] = [];
  const ids = new Set<string>();
  let total: number | null = null;
  let from: number | null = 0;
  while (from !== null) {
    const page = await api.getParagraphPage({ documentId, from });
    if (total !== null && page.total !== total) return null;
    total = page.total;
    for (const p of page.paragraphs) {
      if (ids.has(p.id)) return null;
      ids.add(p.id);
      paragraphs.push(p);
    }
    const last = page.paragraphs[page.paragraphs.length - 1];
    // Every page moves on (a page that would not could never end).
    if (page.next !== null && (!last || page.next <= last.index)) return null;
    from = page.next;
  }
  return paragraphs.length === total ? paragraphs : null;
}
