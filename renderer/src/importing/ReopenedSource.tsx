/** Under a reopened paragraph's source: how the source changed, and the translation it had. */
import { useTranslation } from 'react-i18next';
import { visibleTokens } from '../../../shared/inline/inlineCodes.js';
import type { Paragraph } from '../../../shared/types.js';
import { DiffView } from '../workflow/DiffView.js';
import { useReopened } from './ReopenedContext.js';

export function ReopenedSource({
  paragraph,
  sourceLang,
  targetLang,
  dir,
}: {
  paragraph: Pick<Paragraph, 'id' | 'source' | 'status'>;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
}) {
  const { t } = useTranslation();
  const reopened = useReopened(paragraph.id);
  // Settled once confirmed or signed off again.
  if (!reopened || paragraph.status === 'translated' || paragraph.status === 'signed-off') return null;
  return (
    <div className="reopened" data-testid="reopened-source">
      <p className="reopened-label">{t('importing.reopened.label')}</p>
      <DiffView before={reopened.oldSource} after={paragraph.source} lang={sourceLang} dir="auto" label={t('importing.reopened.diff')} />
      {reopened.oldTarget.trim() !== '' && (
        <figure className="reopened-reference">
          <figcaption>{t('importing.reopened.oldTarget')}</figcaption>
          <p lang={targetLang} dir={dir}>
            {visibleTokens(reopened.oldTarget)}
          </p>
        </figure>
      )}
      {reopened.signedOffByName && <p className="meta">{t('importing.reopened.signOffWithdrawn', { name: reopened.signedOffByName })}</p>}
    </div>
  );
}
