/**
 * The body of the reference article (../../shared/reference/published-article-example.txt in the
 * workspace), from "The Chinese e-commerce giant" to "…cyber piracy.", shipped as a fixture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REFERENCE_ARTICLE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'reference-article-body.txt');

export function referenceArticleBody(): string {
  return fs.readFileSync(REFERENCE_ARTICLE_FILE, 'utf8');
}
