/** The glossary screen's form: add a term to the pair, or edit the one chosen in the table. */
import { useId, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryTerm } from '../../../shared/features/glossaryApi.js';
import { joinVariants, GLOSSARY_LIMITS } from '../../../shared/glossary/normalize.js';
import type { GlossaryPair } from './useGlossaryTerms.js';

export interface Draft {
  source: string;
  target: string;
  note: string;
  definition: string;
  forbidden: string;
  caseSensitive: boolean;
}

export const EMPTY_DRAFT: Draft = { source: '', target: '', note: '', definition: '', forbidden: '', caseSensitive: false };

export function draftOf(term: GlossaryTerm): Draft {
  return {
    source: term.source,
    target: term.target,
    note: term.note,
    definition: term.definition,
    forbidden: joinVariants(term.forbidden),
    caseSensitive: term.caseSensitive,
  };
}

interface TermFormProps {
  pair: GlossaryPair;
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  editing: boolean;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  sourceRef: Ref<HTMLInputElement>;
}

export function GlossaryTermForm({ pair, draft, onChange: set, editing, busy, onSubmit, onCancel, sourceRef }: TermFormProps) {
  const { t } = useTranslation();
  const heading = useId();
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{editing ? t('glossary.form.editHeading') : t('glossary.form.addHeading')}</h2>
      <form className="glossary-form" onSubmit={onSubmit}>
        <TermFields pair={pair} draft={draft} onChange={set} sourceRef={sourceRef} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {editing ? t('glossary.form.save') : t('glossary.form.add')}
          </button>
          {editing && (
            <button type="button" onClick={onCancel}>
              {t('glossary.form.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function TermFields({ pair, draft, onChange: set, sourceRef }: Pick<TermFormProps, 'pair' | 'draft' | 'onChange' | 'sourceRef'>) {
  const { t } = useTranslation();
  const ids = { source: useId(), target: useId(), forbidden: useId(), forbiddenHint: useId(), note: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.source}>{t('glossary.form.source')}</label>
        <input
          id={ids.source}
          ref={sourceRef}
          lang={pair.sourceLang}
          maxLength={GLOSSARY_LIMITS.termChars}
          value={draft.source}
          onChange={(e) => set({ source: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.target}>{t('glossary.form.target')}</label>
        <input
          id={ids.target}
          lang={pair.targetLang}
          maxLength={GLOSSARY_LIMITS.termChars}
          value={draft.target}
          onChange={(e) => set({ target: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.forbidden}>{t('glossary.form.forbidden')}</label>
        <input
          id={ids.forbidden}
          lang={pair.targetLang}
          aria-describedby={ids.forbiddenHint}
          value={draft.forbidden}
          onChange={(e) => set({ forbidden: e.target.value })}
        />
        <span id={ids.forbiddenHint} className="hint">
          {t('glossary.form.forbiddenHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.note}>{t('glossary.form.note')}</label>
        <input id={ids.note} maxLength={GLOSSARY_LIMITS.noteChars} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
      </div>
      <DefinitionAndCase draft={draft} onChange={set} />
    </>
  );
}

function DefinitionAndCase({ draft, onChange: set }: Pick<TermFormProps, 'draft' | 'onChange'>) {
  const { t } = useTranslation();
  const ids = { definition: useId(), definitionHint: useId(), caseSensitive: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.definition}>{t('glossary.form.definition')}</label>
        <textarea
          id={ids.definition}
          rows={2}
          aria-describedby={ids.definitionHint}
          maxLength={GLOSSARY_LIMITS.definitionChars}
          value={draft.definition}
          onChange={(e) => set({ definition: e.target.value })}
        />
        <span id={ids.definitionHint} className="hint">
          {t('glossary.form.definitionHint')}
        </span>
      </div>
      <div className="field inline">
        <input
          id={ids.caseSensitive}
          type="checkbox"
          checked={draft.caseSensitive}
          onChange={(e) => set({ caseSensitive: e.target.checked })}
        />
        <label htmlFor={ids.caseSensitive}>{t('glossary.form.caseSensitive')}</label>
      </div>
    </>
  );
}
