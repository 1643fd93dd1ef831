/**
 * Checking the alignment of a bilingual pair before the document is created: each source paragraph
 * beside the translation proposed for it; rows the aligner was unsure of are marked. Translations
 * can be merged with the next row, split at the cursor, or a row added or removed, until every
 * source paragraph has exactly one.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BilingualAlignment } from '../../../shared/features/importingApi.js';
import { mergeWithNext, splitAt } from '../../../shared/import/alignment.js';

export function AlignmentFixer({
  alignment,
  sourceLang,
  targetLang,
  busy,
  onCreate,
  onBack,
}: {
  alignment: BilingualAlignment;
  sourceLang: string;
  targetLang: string;
  busy: boolean;
  onCreate: (targets: string[]) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [targets, setTargets] = useState<string[]>(alignment.proposal);
  const carets = useRef(new Map<number, number>());
  const sources = alignment.sources;
  const rows = Math.max(sources.length, targets.length);
  const matches = targets.length === sources.length;

  const setTarget = (i: number, text: string): void => setTargets((all) => all.map((x, k) => (k === i ? text : x)));

  return (
    <section className="panel alignment" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('importing.align.heading')}</h2>
      <p className="hint">{t('importing.align.intro')}</p>
      <p role="status" className={matches ? 'note' : 'alert'}>
        {matches
          ? t('importing.align.ready', { count: sources.length })
          : t('importing.align.mismatch', { sources: sources.length, targets: targets.length })}
      </p>
      <div role="table" aria-label={t('importing.align.table')} className="alignment-table">
        {Array.from({ length: rows }, (_, i) => {
          const source = sources[i];
          const target = targets[i];
          const unsure = alignment.uncertain[i] === true && targets.length === alignment.proposal.length;
          return (
            <div role="row" key={i} className={`alignment-row${unsure ? ' alignment-unsure' : ''}`}>
              <div role="cell" className="cell-number">
                {i + 1}
              </div>
              <div role="cell" className="cell-source" lang={sourceLang}>
                {source ? source.text : <span className="muted">{t('importing.align.noSource')}</span>}
                {unsure && <span className="meta">{t('importing.align.unsure')}</span>}
              </div>
              <div role="cell" className="cell-target">
                {target !== undefined ? (
                  <>
                    <textarea
                      aria-label={t('importing.align.target', { number: i + 1 })}
                      lang={targetLang}
                      rows={3}
                      value={target}
                      onChange={(e) => setTarget(i, e.target.value)}
                      onSelect={(e) => carets.current.set(i, e.currentTarget.selectionStart)}
                    />
                    <div className="actions">
                      <button type="button" disabled={i >= targets.length - 1} onClick={() => setTargets((all) => mergeWithNext(all, i))}>
                        {t('importing.align.merge', { number: i + 1 })}
                      </button>
                      <button
                        type="button"
                        onClick={() => setTargets((all) => splitAt(all, i, carets.current.get(i) ?? Math.floor((all[i] ?? '').length / 2)))}
                      >
                        {t('importing.align.split', { number: i + 1 })}
                      </button>
                      <button type="button" onClick={() => setTargets((all) => [...all.slice(0, i + 1), '', ...all.slice(i + 1)])}>
                        {t('importing.align.insert', { number: i + 1 })}
                      </button>
                      <button type="button" onClick={() => setTargets((all) => all.filter((_, k) => k !== i))}>
                        {t('importing.align.remove', { number: i + 1 })}
                      </button>
                    </div>
                  </>
                ) : (
                  <span className="muted">{t('importing.align.noTarget')}</span>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <div className="actions">
        <button type="button" className="button-primary" disabled={!matches || busy} onClick={() => onCreate(targets)}>
          {t('importing.align.create')}
        </button>
        <button type="button" onClick={onBack}>
          {t('importing.align.back')}
        </button>
      </div>
    </section>
  );
}
