/** The format writers by id, with their file extension and media type. DOCX's (the docx library) loads on the first DOCX export. */
import type { ExportFileFormat } from '../../../shared/features/exportingApi.js';
import type { ExportContent, ExportDocument } from '../model.js';
import { writeAttestation } from './attestation.js';
import { writeHtml } from './html.js';
import { writeMarkdown } from './markdown.js';
import { writePlainText } from './plainText.js';
import { writeProvenance } from './provenance.js';
import { writeTmx } from './tmx.js';
import { writeXliff12 } from './xliff12.js';
import { writeXliff20 } from './xliff20.js';
import { writeXliff12Cat } from './xliff12Cat.js';

export interface FormatWriter {
  /** File name ending, after the language (and `.draft`). */
  extension: string;
  mimeType: string;
  write(doc: ExportDocument): ExportContent | Promise<ExportContent>;
}

export const FORMAT_WRITERS: Readonly<Record<ExportFileFormat, FormatWriter>> = {
  txt: { extension: 'txt', mimeType: 'text/plain;charset=utf-8', write: writePlainText },
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8', write: writeMarkdown },
  html: { extension: 'html', mimeType: 'text/html;charset=utf-8', write: writeHtml },
  docx: {
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    write: async (doc) => (await import('./docx.js')).writeDocx(doc),
  },
  xliff20: { extension: 'xliff2.xlf', mimeType: 'application/xliff+xml', write: writeXliff20 },
  xliff12: { extension: 'xliff12.xlf', mimeType: 'application/x-xliff+xml', write: writeXliff12 },
  tmx: { extension: 'tmx', mimeType: 'application/x-tmx+xml', write: writeTmx },
  provenance: { extension: 'provenance.json', mimeType: 'application/json', write: writeProvenance },
  attestation: { extension: 'attestation.jsonld', mimeType: 'application/ld+json', write: writeAttestation },
  // For another CAT tool (OmegaT): targets are copies of the sources (xliff12Cat.ts).
  xliff12cat: { extension: 'cat.xlf', mimeType: 'application/x-xliff+xml', write: writeXliff12Cat },
};
