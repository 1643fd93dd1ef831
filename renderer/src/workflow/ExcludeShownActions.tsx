/** "Exclude shown" and "Include shown": while the find/filter bar hides some paragraphs, act on the ones it shows. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Paragraph } from '../../../shared/types.js';
import { useExclusion } from './useExclusion.js';

export function ExcludeShownActions({
  paragraphs,
  shown,
  isEditor,
  disabled,
  onParagraphs,
  onError,
  onStatus,
}: {
  paragraphs: readonly Paragraph[];
  /** The find/filter bar's test. */
  shown: (p: Paragraph) => boolean;
  isEditor: boolean;
  disabled: boolean;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onError: (err: unknown) => void;
  /** A status message, as a function of `t` (it follows a change of interface language). */
  onStatus: (render: (t: TFunction) => string) => void;
}) {
  const { t } = useTranslation();
  const { setExcluded, dialog } = useExclusion(isEditor, onParagraphs);
  // Not `disabled` while busy: the clicked button keeps the focus (also when a question closes).
  const busy = useRef(false);

  async function run(excluded: boolean): Promise<void> {
    if (busy.current) return;
    busy.current = true;
    try {
      const list = paragraphs.filter(shown);
      if (!list.some((p) => (p.excluded !== undefined) !== excluded)) {
        onStatus((tt) => tt(excluded ? 'exclusion.bulk.nothingToExclude' : 'exclusion.bulk.nothingToInclude'));
        return;
      }
      const outcome = await setExcluded(list, excluded);
      if (!outcome) return;
      const count = outcome.paragraphs.length;
      const withdrawn = outcome.signOffsWithdrawn;
      const left = outcome.signedOffLeft;
      onStatus((tt) =>
        [
          tt(excluded ? 'exclusion.bulk.excluded' : 'exclusion.bulk.included', { count }),
          withdrawn.length > 0 ? tt('exclusion.notice.withdrawn', { count: withdrawn.length, paragraphs: withdrawn.join(', ') }) : '',
          left > 0 ? tt('exclusion.bulk.signedOffLeft', { count: left }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (err) {
      onError(err);
    } finally {
      busy.current = false;
    }
  }

  return (
    <>
      <button type="button" disabled={disabled} onClick={() => void run(true)}>
        {t('exclusion.bulk.excludeShown')}
      </button>
      <button type="button" disabled={disabled} onClick={() => void run(false)}>
        {t('exclusion.bulk.includeShown')}
      </button>
      {dialog}
    </>
  );
}
