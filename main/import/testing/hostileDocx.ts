/**
 * The hostile Word files of the corpus (fixtures/hostile/*.docx), as the code that makes them:
 * `hostileDocx.test.ts` checks the committed files are exactly these bytes (and rewrites them with
 * VERSO_WRITE_FIXTURES=1). Each names the error the import must give.
 */
import { docxParts, documentXml, makeZip, wp, type ZipEntrySpec } from './zipWriter.js';

export interface HostileDocx {
  why: string;
  code: string;
  details?: Record<string, string | number>;
  make(): Buffer;
}

const valid = (): ZipEntrySpec[] => docxParts(wp('Flood waters rise', 'Heading1') + wp('Heavy rain fell.'));

function replacePart(parts: ZipEntrySpec[], name: string, change: Partial<ZipEntrySpec>): ZipEntrySpec[] {
  return parts.map((p) => (p.name === name ? { ...p, ...change } : p));
}

const MB = 1024 * 1024;

export const HOSTILE_DOCX: Record<string, HostileDocx> = {
  'zip-bomb-declared.docx': {
    why: 'word/document.xml declares 3.5 GB uncompressed (refused from the central directory, before inflating)',
    code: 'IMPORT_ZIP_TOO_LARGE',
    details: { entry: 'word/document.xml', limitBytes: 64 * MB, declaredBytes: 3_500_000_000 },
    make: () => makeZip(replacePart(valid(), 'word/document.xml', { declaredSize: 3_500_000_000 })),
  },
  'zip-bomb-honest.docx': {
    why: 'word/document.xml truly inflates to 100 MB (about 100 KB compressed) and says so',
    code: 'IMPORT_ZIP_TOO_LARGE',
    details: { entry: 'word/document.xml', limitBytes: 64 * MB },
    make: () =>
      makeZip(
        replacePart(valid(), 'word/document.xml', { data: documentXml(wp('x')).replace('<w:body>', '<w:body>' + ' '.repeat(100 * MB)) }),
      ),
  },
  'zip-bomb-lying.docx': {
    why: 'word/document.xml declares 2 KB but inflates to 100 MB (stopped while streaming)',
    code: 'IMPORT_ZIP_SIZE_MISMATCH',
    details: { entry: 'word/document.xml', declaredBytes: 2048 },
    make: () =>
      makeZip(
        replacePart(valid(), 'word/document.xml', {
          data: documentXml(wp('x')).replace('<w:body>', '<w:body>' + ' '.repeat(100 * MB)),
          declaredSize: 2048,
        }),
      ),
  },
  'not-a-zip.docx': {
    why: 'plain text named .docx',
    code: 'IMPORT_DOCX_NOT_ZIP',
    make: () => Buffer.from('Dear editor,\n\nthis is not a Word file.\n'),
  },
  'pdf-named.docx': {
    why: 'a PDF named .docx',
    code: 'IMPORT_FILE_TYPE_MISMATCH',
    details: { detected: 'pdf' },
    make: () => Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  },
  'path-traversal.docx': {
    why: 'an entry named ../../evil beside a valid document',
    code: 'IMPORT_ZIP_UNSAFE_PATH',
    details: { entry: '../../evil' },
    make: () => makeZip([...valid(), { name: '../../evil', data: '#!/bin/sh\necho owned\n' }]),
  },
  'path-absolute.docx': {
    why: 'an entry with an absolute path',
    code: 'IMPORT_ZIP_UNSAFE_PATH',
    details: { entry: '/etc/cron.d/evil' },
    make: () => makeZip([...valid(), { name: '/etc/cron.d/evil', data: '* * * * * root true\n' }]),
  },
  'path-backslash.docx': {
    why: 'an entry named with Windows separators that climbs out (..\\..\\evil.bat)',
    code: 'IMPORT_ZIP_UNSAFE_PATH',
    details: { entry: '../../evil.bat' },
    make: () => makeZip([...valid(), { name: '..\\..\\evil.bat', data: 'del *.*\r\n' }]),
  },
  'no-document.docx': {
    why: 'a ZIP without word/document.xml',
    code: 'IMPORT_DOCX_NO_DOCUMENT',
    make: () => makeZip(valid().filter((p) => p.name !== 'word/document.xml')),
  },
  'rels-escape.docx': {
    why: 'the package relationship points the main document outside the archive (../../etc/passwd), and there is no word/document.xml',
    code: 'IMPORT_DOCX_NO_DOCUMENT',
    make: () =>
      makeZip(
        valid()
          .filter((p) => p.name !== 'word/document.xml')
          .map((p) =>
            p.name === '_rels/.rels'
              ? { ...p, data: String(p.data).replace('Target="word/document.xml"', 'Target="../../etc/passwd"') }
              : p,
          ),
      ),
  },
  'xxe.docx': {
    why: 'document.xml with a DOCTYPE declaring an external entity (XXE)',
    code: 'IMPORT_XML_ENTITIES',
    make: () =>
      makeZip(
        replacePart(valid(), 'word/document.xml', {
          data: documentXml(wp('&xxe;')).replace('?>', '?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
        }),
      ),
  },
  'billion-laughs.docx': {
    why: 'document.xml with nested entity definitions (billion laughs)',
    code: 'IMPORT_XML_ENTITIES',
    make: () => {
      const defs = ['<!ENTITY l0 "ha">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
      return makeZip(
        replacePart(valid(), 'word/document.xml', { data: documentXml(wp('&l9;')).replace('?>', `?><!DOCTYPE w:document [${defs}]>`) }),
      );
    },
  },
  'broken-xml.docx': {
    why: 'document.xml is not well-formed',
    code: 'IMPORT_XML_INVALID',
    make: () => makeZip(replacePart(valid(), 'word/document.xml', { data: documentXml(wp('Text')).replace('</w:body>', '') })),
  },
  'truncated.docx': {
    why: 'a valid DOCX cut in half (no central directory)',
    code: 'IMPORT_DOCX_DAMAGED',
    make: () => {
      const whole = makeZip(valid());
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
  'duplicate-entry.docx': {
    why: 'word/document.xml listed twice with different content (which one a reader takes is ambiguous)',
    code: 'IMPORT_DOCX_DAMAGED',
    make: () => makeZip([...valid(), { name: 'word/document.xml', data: documentXml(wp('Smuggled text')) }]),
  },
  'unknown-compression.docx': {
    why: 'word/document.xml uses a compression method Verso cannot decode (bzip2, 12)',
    code: 'IMPORT_DOCX_DAMAGED',
    make: () => makeZip(replacePart(valid(), 'word/document.xml', { methodNumber: 12 })),
  },
  'empty-body.docx': {
    why: 'a valid DOCX whose body holds no text',
    code: 'IMPORT_EMPTY',
    make: () => makeZip(docxParts('<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>')),
  },
};
