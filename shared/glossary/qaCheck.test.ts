import { describe, expect, it } from 'vitest';
import { qaErrors, runQa } from '../qa/runQa.js';
import { glossaryIssues, glossaryQaCheck } from './qaCheck.js';

const EU = { source: 'European Union', target: 'Unión Europea', forbidden: ['UE', 'Unión'], caseSensitive: false };
const ctx = (source: string, target: string) => ({ source, target, sourceLang: 'en', targetLang: 'es', mt: null });

describe('the glossary QA check', () => {
  it('flags a translation that lacks the target term', () => {
    expect(glossaryIssues(ctx('The European Union met.', 'La Comunidad se reunió.'), [EU])).toEqual([
      {
        checkId: 'glossary',
        severity: 'error',
        code: 'glossaryTermMissing',
        params: { source: 'European Union', target: 'Unión Europea' },
      },
    ]);
  });

  it('flags a forbidden variant, even when the target term is there too', () => {
    const issues = glossaryIssues(ctx('The European Union and its leaders.', 'La Unión Europea y los líderes de la UE.'), [EU]);
    expect(issues).toEqual([
      {
        checkId: 'glossary',
        severity: 'error',
        code: 'glossaryForbidden',
        params: { variant: 'UE', source: 'European Union', target: 'Unión Europea' },
      },
    ]);
  });

  it('does not count a variant inside the target term itself as a use of it', () => {
    expect(glossaryIssues(ctx('The European Union met.', 'La Unión Europea se reunió.'), [EU])).toEqual([]);
  });

  it('is silent when the source has no term, or there is no translation yet', () => {
    expect(glossaryIssues(ctx('The council met.', 'La UE se reunió.'), [EU])).toEqual([]);
    expect(glossaryIssues(ctx('The European Union met.', '  '), [EU])).toEqual([]);
  });

  it('respects the case-sensitive flag on both sides', () => {
    const US = { source: 'US', target: 'EE. UU.', forbidden: [], caseSensitive: true };
    // "us" (the pronoun) is not the term.
    expect(glossaryIssues(ctx('Tell us more.', 'Cuéntanos más.'), [US])).toEqual([]);
    expect(glossaryIssues(ctx('The US said.', 'Los ee. uu. dijeron.'), [US])).toMatchObject([{ code: 'glossaryTermMissing' }]);
    expect(glossaryIssues(ctx('The US said.', 'Los EE. UU. dijeron.'), [US])).toEqual([]);
  });

  it('works for CJK targets', () => {
    const term = { source: 'European Union', target: '欧洲联盟', forbidden: ['欧共体'], caseSensitive: false };
    const zh = (target: string) => ({ source: 'The European Union met.', target, sourceLang: 'en', targetLang: 'zh', mt: null });
    expect(glossaryIssues(zh('欧洲联盟开会了。'), [term])).toEqual([]);
    expect(glossaryIssues(zh('欧共体开会了。'), [term]).map((i) => i.code)).toEqual(['glossaryTermMissing', 'glossaryForbidden']);
  });

  it('joins runQa as an error, so it blocks sign-off', () => {
    const issues = runQa(ctx('The European Union met.', 'La Comunidad se reunió.'), [glossaryQaCheck([EU])]);
    expect(qaErrors(issues).map((i) => i.code)).toContain('glossaryTermMissing');
  });
});
