/**
 * The one XML escaper every writer uses (XLIFF 1.2/2.0, TMX, TBX, HTML, DOCX parts).
 *
 * XML 1.0 cannot carry C0 controls other than tab, LF and CR, nor U+FFFE/U+FFFF or lone
 * surrogates, even as character references. Vertical tab and form feed (Word's line and page
 * breaks) become a line feed, so the text reads the same; anything else invalid becomes U+FFFD,
 * visible in the output rather than silently removed.
 */

const BREAKS = /[\u000B\u000C]/g;
const XML_INVALID = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML 1.0 allows it: VT/FF → LF, other invalid characters → U+FFFD. */
export function xmlSafeText(text: string): string {
  return text.replace(BREAKS, '\n').replace(XML_INVALID, '\uFFFD');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for element content and quoted attribute values (both quote kinds). */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const WHITESPACE_REFS: Record<string, string> = { '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes an attribute value so tabs and line breaks survive attribute-value normalisation. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n\r]/g, (c) => WHITESPACE_REFS[c]!);
}
