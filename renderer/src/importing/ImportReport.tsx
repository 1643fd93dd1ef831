/**
 * The import report (issue 14): what a Word or XLIFF import kept (notes, text boxes, tables,
 * comments, strikethrough) and what it could not import (images, charts, equations, fields,
 * alternative translations, context…) with the paragraphs where they were. Shown open right after an import; reopened from the toolbar.
 */
import { useEffect, useId, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportReportEntry } from '../../../shared/import/importReport.js';
import type { ParagraphPlace } from '../../../shared/import/paragraphPlace.js';

function EntryLine({ entry }: { entry: ImportReportEntry }) {
  const { t } = useTranslation();
  const what = t(`importing.report.item.${entry.item}`, { count: entry.count });
  const details = entry.details.length > 0 ? ` (${entry.details.join(', ')})` : '';
  const where =
    entry.paragraphs.length > 0
      ? ` — ${t('importing.report.where', { count: entry.paragraphs.length, list: entry.paragraphs.join(', ') })}`
      : '';
  return (
    <li>
      {what}
      {details}
      {where}
    </li>
  );
}

export function ImportReportPanel({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const kept = report.entries.filter((e) => e.kept);
  const lost = report.entries.filter((e) => !e.kept);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="import-report" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('importing.report.heading')}
      </h2>
      {lost.length === 0 ? (
        <p>{t('importing.report.nothingLost')}</p>
      ) : (
        <p>{t('importing.report.someLost', { count: lost.reduce((n, e) => n + e.count, 0) })}</p>
      )}
      {kept.length > 0 && (
        <>
          <h3>{t('importing.report.kept')}</h3>
          <ul aria-label={t('importing.report.kept')}>
            {kept.map((e) => (
              <EntryLine key={e.item} entry={e} />
            ))}
          </ul>
        </>
      )}
      {lost.length > 0 && (
        <>
          <h3>{t('importing.report.notKept')}</h3>
          <ul aria-label={t('importing.report.notKept')}>
            {lost.map((e) => (
              <EntryLine key={e.item} entry={e} />
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button-quiet" onClick={onClose}>
        {t('importing.report.close')}
      </button>
    </section>
  );
}

/** The badge of a paragraph imported from a Word note, table cell or text box ("Footnote 1"). */
export function placeLabel(place: ParagraphPlace | undefined, t: TFunction): string | null {
  if (!place) return null;
  switch (place.kind) {
    case 'footnote':
      return t('importing.place.footnote', { note: place.note });
    case 'endnote':
      return t('importing.place.endnote', { note: place.note });
    case 'cell':
      return t('importing.place.cell', { table: place.table, row: place.row + 1, col: place.col + 1 });
    case 'textbox':
      return t('importing.place.textbox', { box: place.box });
  }
}
