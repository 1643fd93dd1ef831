/**
 * A select of the common content languages, named in the interface language, plus "Other
 * language (BCP 47 tag)…" (issue 14): a text field for any valid tag (es-MX, en-GB, fr-CA, de-CH…),
 * with suggestions of regional variants, checked as typed (shared/languages.ts
 * `canonicalLanguageTag`). A valid tag is passed up in its canonical form; an invalid one is
 * passed up as typed (so the form cannot go on with the previous language) with a clear message.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalLanguageTag, LANGUAGES } from '../../../shared/languages.js';
import { useLanguageName } from '../i18n/useLanguageName.js';

const OTHER = '__other__';

/** Regional variants offered as suggestions for the tag field (any other valid tag may be typed). */
export const REGIONAL_SUGGESTIONS = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IE',
  'en-IN',
  'es-ES',
  'es-MX',
  'es-419',
  'es-AR',
  'es-US',
  'fr-FR',
  'fr-CA',
  'fr-BE',
  'fr-CH',
  'de-DE',
  'de-AT',
  'de-CH',
  'it-IT',
  'it-CH',
  'nl-NL',
  'nl-BE',
  'pt-PT',
  'pt-BR',
  'sv-SE',
  'sv-FI',
  'zh-Hans-CN',
  'zh-Hant-TW',
  'zh-Hant-HK',
  'ar-EG',
  'ar-SA',
  'sr-Latn',
  'sr-Cyrl',
] as const;

const inList = (tag: string) => LANGUAGES.some((l) => l.tag === tag);

export function LanguageSelect({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (tag: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const languageName = useLanguageName();
  const options = useMemo(() => LANGUAGES.map((l) => ({ tag: l.tag, name: languageName(l.tag) })), [languageName]);
  // The tag field shows while "Other" is chosen, or when the value is not one of the common list.
  const [other, setOther] = useState(() => !inList(value));
  const [draft, setDraft] = useState(() => (inList(value) ? '' : value));
  const canonical = canonicalLanguageTag(draft);
  // A value set from outside (a saved pair, a reset) shows as it is; only a new value from outside:
  // typing updates the draft itself.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== (canonical ?? draft.trim())) {
      setOther(!inList(value));
      setDraft(inList(value) ? '' : value);
    }
  }
  const invalid = other && draft.trim() !== '' && canonical === null;
  const ids = { tag: `${id}-tag`, hint: `${id}-hint`, error: `${id}-error`, list: `${id}-list` };

  function choose(selected: string) {
    if (selected === OTHER) {
      setOther(true);
      const start = draft.trim() !== '' ? draft : value;
      setDraft(start);
      onChange(canonicalLanguageTag(start) ?? start);
      return;
    }
    setOther(false);
    onChange(selected);
  }

  function type(text: string) {
    setDraft(text);
    onChange(canonicalLanguageTag(text) ?? text.trim());
  }

  return (
    <div className="field language-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={other ? OTHER : value} disabled={disabled} onChange={(e) => choose(e.target.value)}>
        {options.map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.name}
          </option>
        ))}
        <option value={OTHER}>{t('languages.other.option')}</option>
      </select>
      {other && (
        <>
          <label htmlFor={ids.tag}>{t('languages.other.label', { label })}</label>
          <input
            id={ids.tag}
            type="text"
            value={draft}
            disabled={disabled}
            list={ids.list}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${ids.error} ${ids.hint}` : ids.hint}
            onChange={(e) => type(e.target.value)}
          />
          <datalist id={ids.list}>
            {REGIONAL_SUGGESTIONS.map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag)}
              </option>
            ))}
          </datalist>
          <span id={ids.hint} className="hint">
            {canonical !== null ? t('languages.other.valid', { tag: canonical, name: languageName(canonical) }) : t('languages.other.hint')}
          </span>
          {invalid && (
            <p id={ids.error} role="alert" className="alert">
              {t('languages.other.invalid', { tag: draft.trim() })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
