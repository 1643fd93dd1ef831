/** A select of the content languages Verso knows, named in the interface language. */
import { useId, useMemo } from 'react';
import { LANGUAGES } from '../../../shared/languages.js';
import { useLanguageName } from '../i18n/useLanguageName.js';

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
  const id = useId();
  const languageName = useLanguageName();
  const options = useMemo(() => LANGUAGES.map((l) => ({ tag: l.tag, name: languageName(l.tag) })), [languageName]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
