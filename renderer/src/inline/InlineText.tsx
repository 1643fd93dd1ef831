/** Read-only text with its inline tokens shown as chips (the source column of the editor). */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenInfo, TOKEN_PATTERN, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { chipLabel } from './chips.js';

export function InlineText({ text, codes }: { text: string; codes: readonly InlineCode[] | undefined }) {
  const { t } = useTranslation();
  if (!codes || codes.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index > last) parts.push(<Fragment key={`t${last}`}>{text.slice(last, m.index)}</Fragment>);
    const { text: shown, label } = chipLabel(m[0], codes, t);
    parts.push(
      <span key={`c${m.index}`} className={`token-chip token-${tokenInfo(m[0])!.role}`} role="img" aria-label={label} title={label}>
        {shown}
      </span>,
    );
    last = m.index + 1;
  }
  if (last < text.length) parts.push(<Fragment key={`t${last}`}>{text.slice(last)}</Fragment>);
  return <>{parts}</>;
}
