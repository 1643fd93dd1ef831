/**
 * The QA API: a check is a pure function of one paragraph's context that returns issues.
 * Other features (e.g. the glossary) add checks by passing their own `QaCheck`s to `runQa`
 * (the sign-off gate accepts extra checks too, see main/services/reviewService.ts).
 */
import type { MtRecord } from '../types.js';

export type QaSeverity = 'error' | 'warning';

export interface QaIssue {
  /** Id of the check that found it, e.g. `numbers`. */
  checkId: string;
  /** Errors block sign-off (unless an editor overrides with a reason); warnings only inform. */
  severity: QaSeverity;
  /** i18n key below `workflow.qa.issue.` in the renderer, e.g. `numberMissing`. */
  code: string;
  /** Values for the message, e.g. `{ value: '2024' }`. */
  params: Record<string, string | number>;
}

export interface QaContext {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  mt: Pick<MtRecord, 'text' | 'unknownWords'> | null;
}

export interface QaCheck {
  id: string;
  run(ctx: QaContext): QaIssue[];
}
