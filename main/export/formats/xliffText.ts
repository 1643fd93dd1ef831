/** Paragraph text inside XLIFF/TMX elements (swap for an inline-aware renderer that emits <ph>/<pc> later). */
import { escapeXml } from '../text.js';

export function xmlSegmentText(text: string): string {
  return escapeXml(text.replace(/\r\n?/g, '\n').normalize('NFC'));
}
