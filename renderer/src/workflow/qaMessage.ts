/** Turns QA issues into translated sentences. */
import type { TFunction } from 'i18next';
import type { QaIssue } from '../../../shared/qa/types.js';

const KNOWN = new Set([
  'numberMissing',
  'numberAdded',
  'urlMissing',
  'urlAdded',
  'emailMissing',
  'emailAdded',
  'targetEmpty',
  'targetIdentical',
  'leadingSpace',
  'trailingSpace',
  'doubleSpace',
  'endPunctuation',
  'tooLong',
  'tooShort',
  'bracketsUnbalanced',
  'quotesUnbalanced',
  'quoteStyle',
  'unknownWords',
  'mtMark',
]);

/** The message of one issue; checks added by other features bring their own key below `workflow.qa.issue.`. */
export function qaMessage(t: TFunction, issue: QaIssue): string {
  const key = `workflow.qa.issue.${issue.code}`;
  if (KNOWN.has(issue.code)) return t(key as 'workflow.qa.issue.unknown', issue.params);
  return t(key as 'workflow.qa.issue.unknown', {
    ...issue.params,
    code: issue.code,
    defaultValue: t('workflow.qa.issue.unknown', { code: issue.code }),
  });
}
