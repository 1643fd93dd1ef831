/** The reference article shipped in ../shared/reference: its body paragraphs, without caption or footer. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REFERENCE_ARTICLE = path.resolve(root, '..', 'shared', 'reference', 'published-article-example.txt');

export function referenceBody(): string[] {
  const blocks = fs
    .readFileSync(REFERENCE_ARTICLE, 'utf8')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const start = blocks.findIndex((b) => b.startsWith('The Chinese e-commerce giant'));
  const end = blocks.findIndex((b) => b.startsWith('This article was created'));
  if (start < 0 || end < 0) throw new Error(`Unexpected layout of ${REFERENCE_ARTICLE}`);
  return blocks.slice(start, end);
}
