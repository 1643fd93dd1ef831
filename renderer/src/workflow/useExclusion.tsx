/**
 * Excluding paragraphs from translation and including them again, for a row's button and for the
 * "Exclude shown" / "Include shown" bulk actions. Signed-off paragraphs are never excluded
 * silently: an editor is asked first (their sign-offs are withdrawn, and the service records it);
 * a translator's request leaves them as they are (only an editor may exclude them) and says so.
 */
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExclusionChange } from '../../../shared/features/exclusionApi.js';
import type { Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { useConfirmDialog } from './useConfirmDialog.js';

export interface ExclusionOutcome extends ExclusionChange {
  /** Signed-off paragraphs a translator's request left as they were. */
  signedOffLeft: number;
}

export function useExclusion(
  isEditor: boolean,
  onParagraphs: (paragraphs: Paragraph[]) => void,
): { setExcluded: (paragraphs: readonly Paragraph[], excluded: boolean) => Promise<ExclusionOutcome | null>; dialog: ReactNode } {
  const { t } = useTranslation();
  const api = useApi();
  const { ask, dialog } = useConfirmDialog();

  const setExcluded = useCallback(
    async (paragraphs: readonly Paragraph[], excluded: boolean): Promise<ExclusionOutcome | null> => {
      const wanted = paragraphs.filter((p) => (p.excluded !== undefined) !== excluded);
      const signed = excluded ? wanted.filter((p) => p.status === 'signed-off') : [];
      const targets = signed.length > 0 && !isEditor ? wanted.filter((p) => p.status !== 'signed-off') : wanted;
      if (signed.length > 0 && isEditor) {
        const numbers = signed.map((p) => p.index + 1).join(', ');
        const ok = await ask({
          heading: t('exclusion.confirm.heading'),
          text: t('exclusion.confirm.text', { count: signed.length, paragraphs: numbers }),
          yes: t('exclusion.confirm.yes'),
          no: t('exclusion.confirm.no'),
        });
        if (!ok) return null;
      }
      const signedOffLeft = isEditor ? 0 : signed.length;
      if (targets.length === 0) return { paragraphs: [], signOffsWithdrawn: [], unchanged: [], signedOffLeft };
      const change = await api.setParagraphsExcluded({
        paragraphIds: targets.map((p) => p.id),
        excluded,
        ...(isEditor && signed.length > 0 ? { withdrawSignOffs: true } : {}),
      });
      onParagraphs(change.paragraphs);
      return { ...change, signedOffLeft };
    },
    [api, ask, isEditor, onParagraphs, t],
  );
  return { setExcluded, dialog };
}
