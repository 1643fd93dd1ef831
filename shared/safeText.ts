/**
 * zod checks for text a person types (shared/textHygiene.ts decides what is unsafe): a field
 * holding a control or bidi character fails with an issue the dispatcher turns into
 * TEXT_CONTROL_CHARACTER, naming the field and the character (U+202E).
 */
import { z } from 'zod';
import { codePointLabel, unsafeCharacter } from './textHygiene.js';

/** Marks the zod issue (its `params.code`) so dispatch answers TEXT_CONTROL_CHARACTER. */
export const TEXT_ISSUE_CODE = 'TEXT_CONTROL_CHARACTER';

export interface TextIssue {
  field: string;
  codePoint: string;
}

/**
 * `schema` refusing control characters and bidi controls. `multiline`: tab and line breaks are
 * allowed (comments, paragraph text); `bidi`: bidi controls are allowed (text that may be
 * right-to-left: paragraphs, glossary terms, footer template lines) — C0/C1 controls never are.
 */
export function safeText(schema: z.ZodString, options: { multiline?: boolean; bidi?: boolean } = {}): z.ZodString {
  return schema.superRefine((value, ctx) => {
    const char = unsafeCharacter(value, options.multiline ?? false, options.bidi ?? false);
    if (char === null) return;
    const codePoint = codePointLabel(char);
    ctx.addIssue({
      code: 'custom',
      message: `contains an invisible control or text-direction character (${codePoint}); remove it`,
      params: { code: TEXT_ISSUE_CODE, codePoint },
    });
  });
}

/** The first TEXT_CONTROL_CHARACTER issue among zod's, if any. */
export function textIssueOf(issues: readonly z.core.$ZodIssue[]): TextIssue | null {
  for (const issue of issues) {
    const params = (issue as { params?: { code?: unknown; codePoint?: unknown } }).params;
    if (params?.code === TEXT_ISSUE_CODE && typeof params.codePoint === 'string') {
      return { field: issue.path.map(String).join('.') || '(payload)', codePoint: params.codePoint };
    }
  }
  return null;
}
