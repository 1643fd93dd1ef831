/**
 * Exclude from translation in a paragraph row: the "Exclude from translation" / "Include" button
 * and the "Excluded" badge naming who excluded it (issue 11). Kept out of ParagraphRow so the row
 * only places them.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../shared/types.js';
import { useExclusion } from './useExclusion.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

export function ExclusionToggle({
  paragraph,
  isEditor,
  onParagraphs,
  onError,
}: {
  paragraph: Paragraph;
  isEditor: boolean;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const { setExcluded, dialog } = useExclusion(isEditor, onParagraphs);
  // Not `disabled` while busy: the button keeps the focus (also when a question closes).
  const busy = useRef(false);
  const excluded = paragraph.excluded !== undefined;
  // Only an editor may take signed-off text out of the publication.
  if (!excluded && paragraph.status === 'signed-off' && !isEditor) return null;

  async function toggle(): Promise<void> {
    if (busy.current) return;
    busy.current = true;
    try {
      await setExcluded([paragraph], !excluded);
    } catch (err) {
      onError(err);
    } finally {
      busy.current = false;
    }
  }

  return (
    <>
      <button type="button" className="exclusion-toggle" onClick={() => void toggle()}>
        {excluded ? t('exclusion.row.include') : t('exclusion.row.exclude')}
      </button>
      {dialog}
    </>
  );
}

export function ExclusionBadge({ paragraph }: { paragraph: Paragraph }) {
  const { t } = useTranslation();
  const e = paragraph.excluded;
  if (!e) return null;
  return (
    <>
      <span className="status-badge status-excluded">{t('exclusion.row.badge')}</span>
      <span className="meta">
        {e.origin === 'import'
          ? t('exclusion.row.byImport')
          : t('exclusion.row.by', {
              name: showControlsVisibly(e.name),
              role: e.role ? t(`workflow.history.role.${e.role}`) : t('workflow.history.noRole'),
            })}
      </span>
    </>
  );
}
