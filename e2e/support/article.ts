/**
 * The reference article's body paragraphs (without caption or footer), from the fixture shipped in
 * the repository (main/testing/fixtures, a copy of ../shared/reference/published-article-example.txt),
 * so the tests need nothing outside the clone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REFERENCE_ARTICLE = path.join(root, 'main', 'testing', 'fixtures', 'reference-article-body.txt');

export function referenceBody(): string[] {
  return fs
    .readFileSync(REFERENCE_ARTICLE, 'utf8')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}
