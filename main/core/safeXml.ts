/**
 * Streaming XML with saxes, which never fetches external entities nor expands entities declared in
 * a DTD. On top of that a DOCTYPE that declares entities or points at an external DTD is refused
 * outright (XXE, "billion laughs"), and nesting depth and element count are capped.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { isServiceError, ServiceError } from './serviceError.js';
import { XML_LIMITS } from './xmlLimits.js';

export { XML_LIMITS };

export interface XmlHandlers {
  open(tag: SaxesTagNS, depth: number): void;
  close(tag: SaxesTagNS, depth: number): void;
  /** Character data (text and CDATA), entities already resolved. */
  text(text: string): void;
}

/** Where the parser is (1-based line and column). */
export function position(parser: SaxesParser<{ xmlns: true; position: true }>): { line: number; column: number } {
  return { line: parser.line, column: parser.column + 1 };
}

/** Strips the location prefix saxes puts before its messages ("file:1:2: "). */
export function reasonOf(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/^(?:[^:\n]*:)?\d+:\d+:\s*/, '').slice(0, 200);
}

/**
 * Feeds `text` to a parser whose handlers are set: a ServiceError a handler throws passes
 * through; any other error (malformed XML) becomes `invalid(reason)`. Each format names its own.
 */
export function runParser(
  parser: SaxesParser<{ xmlns: true; position: true }>,
  text: string,
  invalid: (reason: string) => ServiceError,
): void {
  parser.on('error', (err) => {
    throw err;
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (isServiceError(err)) throw err;
    throw invalid(reasonOf(err));
  }
}

export function parseXml(text: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let elements = 0;
  let rootSeen = false;

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype) || /\b(SYSTEM|PUBLIC)\b/.test(doctype)) {
      throw new ServiceError(
        'IMPORT_XML_ENTITIES',
        'The XML declares entities or an external DTD; Verso does not read such files (they can hide attacks).',
        position(parser),
      );
    }
  });
  parser.on('opentag', (tag) => {
    rootSeen = true;
    depth++;
    elements++;
    if (depth > XML_LIMITS.depth) {
      throw new ServiceError('IMPORT_TOO_COMPLEX', `The file nests elements deeper than ${XML_LIMITS.depth} levels.`, {
        limit: XML_LIMITS.depth,
        what: 'depth',
      });
    }
    if (elements > XML_LIMITS.elements) {
      throw new ServiceError('IMPORT_TOO_COMPLEX', `The file has more than ${XML_LIMITS.elements} elements.`, {
        limit: XML_LIMITS.elements,
        what: 'elements',
      });
    }
    handlers.open(tag, depth);
  });
  parser.on('closetag', (tag) => {
    handlers.close(tag, depth);
    depth--;
  });
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  runParser(parser, text, (reason) => {
    const where = position(parser);
    return new ServiceError('IMPORT_XML_INVALID', `The XML is broken at line ${where.line}, column ${where.column}: ${reason}`, {
      ...where,
      reason,
    });
  });
  if (!rootSeen) {
    throw new ServiceError('IMPORT_XML_INVALID', 'The file holds no XML element.', { line: 1, column: 1, reason: 'no root element' });
  }
}

/** An attribute's value (namespaced attributes by local name and namespace URI). */
export function attr(tag: SaxesTagNS, local: string, uri = ''): string | null {
  for (const a of Object.values(tag.attributes)) {
    if (a.local === local && a.uri === uri) return a.value;
  }
  return null;
}
