/**
 * Export: publish mode needs every paragraph signed off and appends the vetted disclosure
 * footer of the target language (never machine-translated); draft mode is never refused and
 * carries a draft notice instead.
 */
import type { VersoApi } from '../../shared/api.js';
import { footerApplies, publishBlockers, renderDocument } from '../../shared/exportText.js';
import { findFooterTemplate, footerPlaceholders, renderFooter } from '../../shared/footer.js';
import type { ExportFormat, Paragraph, Settings } from '../../shared/types.js';
import { formatNumbers, plural, type ServiceDeps } from './context.js';
import { ServiceError } from './serviceError.js';
import { readSettings } from './settingsService.js';

const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  txt: 'text/plain;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
};

/** File-name slug of a title: lowercase letters and digits of any script joined by '-'. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // Latin/Greek/Cyrillic accents only; other scripts keep their signs
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, 80).join('').replace(/-+$/, '');
  return cut === '' ? 'document' : cut;
}

export function draftNotice(paragraphs: readonly Paragraph[]): string {
  const signed = paragraphs.filter((p) => p.status === 'signed-off').length;
  return `DRAFT — not approved for publication (${signed} of ${paragraphs.length} paragraphs signed off)`;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function footerFor(deps: ServiceDeps, targetLang: string, paragraphs: readonly Paragraph[], settings: Settings): string {
  const template = findFooterTemplate(targetLang);
  if (!template) {
    throw new ServiceError(
      'FOOTER_TEMPLATE_MISSING',
      `There is no vetted disclosure footer for ${targetLang} yet, so this document cannot be exported for publication.`,
      { lang: targetLang },
    );
  }
  const missing = footerPlaceholders(template).filter(
    (name): name is 'publisher' | 'contactEmail' => (name === 'publisher' || name === 'contactEmail') && settings[name].trim() === '',
  );
  if (missing.length > 0) {
    throw new ServiceError(
      'SETTINGS_INVALID',
      `The disclosure footer needs the ${missing.join(' and ')} setting${missing.length > 1 ? 's' : ''}: fill ${missing.length > 1 ? 'them' : 'it'} in under Settings.`,
      { fields: missing },
    );
  }
  const engineNames = distinct(paragraphs.map((p) => (p.mt ? (deps.engines.get(p.mt.engineId)?.name ?? p.mt.engineId) : '')));
  return renderFooter(template, {
    publisher: settings.publisher,
    contactEmail: settings.contactEmail,
    engines: engineNames.join(', '),
    editor: distinct(paragraphs.map((p) => p.signOff?.name ?? '')).join(', '),
    date: deps.now().toISOString().slice(0, 10),
  });
}

export function createExportService(deps: ServiceDeps): Pick<VersoApi, 'exportDocument'> {
  return {
    async exportDocument({ documentId, format, mode }) {
      const doc = deps.repos.documents.get(documentId);
      if (!doc) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      const paragraphs = deps.repos.paragraphs.listByDocument(documentId);
      let footer: string | null = null;
      let notice: string | null = null;

      if (mode === 'publish') {
        const blockers = publishBlockers(paragraphs);
        if (blockers.count > 0) {
          const numbers = blockers.indices.map((i) => i + 1);
          throw new ServiceError(
            'EXPORT_NOT_SIGNED_OFF',
            `${plural(blockers.count, 'paragraph is', 'paragraphs are')} not signed off: ${formatNumbers(numbers)}`,
            { count: blockers.count, paragraphs: numbers },
          );
        }
        const settings = readSettings(deps);
        if (footerApplies(settings.footerPolicy, paragraphs)) footer = footerFor(deps, doc.targetLang, paragraphs, settings);
      } else {
        notice = draftNotice(paragraphs);
      }

      const content = renderDocument({ paragraphs, format, mode, footer, draftNotice: notice });
      const draft = mode === 'draft';
      return {
        fileName: `${slugify(doc.title)}.${doc.targetLang}${draft ? '.draft' : ''}.${format}`,
        mimeType: MIME_TYPES[format],
        content,
        draft,
      };
    },
  };
}
