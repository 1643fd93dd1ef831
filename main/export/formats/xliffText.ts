/** Paragraph text inside XLIFF/TMX elements: escaped, with its inline codes as XLIFF inline elements (or dropped for TMX). */
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { renderPlainText, renderXliff, type XliffVersion } from '../../../shared/inline/renderInline.js';
import { renderXliffInline, type XliffInline } from '../../../shared/inline/xliffWrite.js';
import { escapeXml } from '../text.js';

/**
 * `version` set: inline codes become XLIFF 1.2 / 2.0 inline elements (shared/inline); null (TMX):
 * the codes are dropped, inline code kept as its text.
 */
export function xmlSegmentText(text: string, codes: readonly InlineCode[] = [], version: XliffVersion | null = null): string {
  const clean = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (codes.length === 0) return escapeXml(clean);
  return version === null ? escapeXml(renderPlainText(clean, codes)) : renderXliff(clean, codes, version);
}

/**
 * XLIFF inline content with the native data it refers to (2.0 <originalData>); `prefix` starts
 * every id written, so an MT candidate's ids never repeat the segment's in one unit.
 */
export function xliffSegment(text: string, codes: readonly InlineCode[], version: XliffVersion, prefix = ''): XliffInline {
  const clean = text.replace(/\r\n?/g, '\n').normalize('NFC');
  return codes.length === 0 ? { content: escapeXml(clean), data: [] } : renderXliffInline(clean, codes, version, prefix);
}
