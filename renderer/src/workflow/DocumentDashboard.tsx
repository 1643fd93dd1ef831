/**
 * The document dashboard: paragraphs and words by status, post-editing effort, most-edited paragraphs,
 * laid out as a table beside figure tiles with the list below (styles.css: .dashboard-body).
 */
import { useId, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditEffort } from '../../../shared/features/workflowApi.js';
import { aggregateMetrics, paragraphFigures, type ParagraphFigures } from '../../../shared/metrics/documentMetrics.js';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import { useParagraphPass } from '../editor/useParagraphPass.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { versionOf } from '../api/versionOf.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { statusKey } from '../editor/paragraphs.js';

const NO_EFFORT: EditEffort[] = [];

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Each paragraph's figures, computed once per paragraph object (only edited paragraphs again). */
function figuresCache(sourceLang: string, targetLang: string): (p: Paragraph) => ParagraphFigures {
  const known = new WeakMap<Paragraph, ParagraphFigures>();
  return (p: Paragraph) => {
    let f = known.get(p);
    if (!f) {
      f = paragraphFigures(p, sourceLang, targetLang);
      known.set(p, f);
    }
    return f;
  };
}

function useFigures(sourceLang: string, targetLang: string): (p: Paragraph) => ParagraphFigures {
  return useMemo(() => figuresCache(sourceLang, targetLang), [sourceLang, targetLang]);
}

export function DocumentDashboard({ doc, onFocusParagraph }: { doc: DocumentDetail; onFocusParagraph: (id: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  // Read while the dashboard is open, and again with each change of the document.
  const query = useQuery({
    queryKey: queryKeys.documentPart(doc.id, 'effort', versionOf(doc)),
    queryFn: () => api.getDocumentEffort({ documentId: doc.id }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const effort = query.data ?? NO_EFFORT;
  const error = query.error;

  // Figures only while the dashboard is open, gathered in slices (editor/useParagraphPass).
  const pass = useParagraphPass(doc.paragraphs, useFigures(doc.sourceLang, doc.targetLang), open);
  const m = useMemo(() => (pass ? aggregateMetrics(pass.paragraphs, pass.results, effort) : null), [pass, effort]);
  return (
    <details className="document-dashboard" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('workflow.dashboard.heading')}</summary>
      {open && m === null && <p className="muted">{t('app.loading')}</p>}
      {open && m !== null && <DashboardBody m={m} error={error} onFocusParagraph={onFocusParagraph} />}
    </details>
  );
}

type Metrics = ReturnType<typeof aggregateMetrics>;

/** The status table, the effort figures and the most-edited paragraphs. */
function DashboardBody({ m, error, onFocusParagraph }: { m: Metrics; error: unknown; onFocusParagraph: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const percent = (v: number | null) =>
    v === null ? t('workflow.dashboard.none') : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const decimal = (v: number | null) =>
    v === null
      ? t('workflow.dashboard.none')
      : new Intl.NumberFormat(language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(v);

  // Effort figures, shown as tiles beside the status table (styles.css: .dashboard-body).
  const figures = [
    ['workflow.dashboard.charDistance', percent(m.averageCharDistance)],
    ['workflow.dashboard.hter', decimal(m.averageHter)],
    ['workflow.dashboard.measured', m.measured],
    ['workflow.dashboard.activeTime', duration(m.activeMs)],
    ['workflow.dashboard.keystrokes', m.keystrokes],
  ] as const;

  return (
    <div className="dashboard-body">
      <ErrorAlert error={error} />
      <StatusTable m={m} />
      <dl className="dashboard-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="dashboard-figure">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="dashboard-edited">
        <h3>{t('workflow.dashboard.mostEdited')}</h3>
        {m.mostEdited.length === 0 ? (
          <p className="muted">{t('workflow.dashboard.noEdits')}</p>
        ) : (
          <ol className="most-edited">
            {m.mostEdited.map((p) => (
              <li key={p.paragraphId}>
                <button type="button" className="button-quiet" onClick={() => onFocusParagraph(p.paragraphId)}>
                  {t('workflow.dashboard.editedParagraph', {
                    number: p.number,
                    chars: percent(p.charDistance),
                    hter: decimal(p.hter),
                    time: duration(p.activeMs),
                    keys: p.keystrokes,
                  })}
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

/** Paragraphs and words by status. */
function StatusTable({ m }: { m: Metrics }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <table className="dashboard-status" aria-labelledby={captionId}>
      <caption id={captionId}>{t('workflow.dashboard.byStatus')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workflow.dashboard.status')}</th>
          <th scope="col">{t('workflow.dashboard.paragraphs')}</th>
          <th scope="col">{t('workflow.dashboard.words')}</th>
        </tr>
      </thead>
      <tbody>
        {m.byStatus.map((s) => (
          <tr key={s.status}>
            <th scope="row">{t(`status.${statusKey(s.status)}`)}</th>
            <td>{s.paragraphs}</td>
            <td>{s.words}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('workflow.dashboard.total')}</th>
          <td>{m.totalParagraphs}</td>
          <td>{m.totalWords}</td>
        </tr>
      </tbody>
    </table>
  );
}
