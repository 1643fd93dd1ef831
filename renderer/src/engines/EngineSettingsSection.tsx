/**
 * The engine settings screen (part of Settings): the online engines (turned on, address, model,
 * formality, glossary, key) and the default engine per language pair. A key can be entered or
 * removed but is never shown again: main only says whether one is set and where it comes from.
 */
import { useCallback, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEEPL_FORMALITIES,
  type DeeplFormality,
  type EngineChoice,
  type EngineSettings,
  type HttpEngineId,
  type HttpEngineSettingsView,
} from '../../../shared/features/enginesApi.js';
import type { SaveEngineSettingsInput } from '../../../shared/features/enginesContract.js';
import { isUnencryptedRemote, keyServer } from '../../../shared/features/engineUrls.js';
import { useApi } from '../api/ApiProvider.js';
import { engineSettingsSaved, queryKeys } from '../api/queryClient.js';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { useLanguageName } from '../i18n/useLanguageName.js';

const FORMALITY_KEYS: Record<
  DeeplFormality,
  'formalityDefault' | 'formalityMore' | 'formalityLess' | 'formalityPreferMore' | 'formalityPreferLess'
> = {
  default: 'formalityDefault',
  more: 'formalityMore',
  less: 'formalityLess',
  prefer_more: 'formalityPreferMore',
  prefer_less: 'formalityPreferLess',
};

const TITLE_KEYS = { deepl: 'titleDeepl', libretranslate: 'titleLibre', openai: 'titleOpenai' } as const;
const HINT_KEYS = { deepl: 'baseUrlHintDeepl', libretranslate: 'baseUrlHintLibre', openai: 'baseUrlHintOpenai' } as const;

interface Draft {
  enabled: boolean;
  baseUrl: string;
  model: string;
  formality: DeeplFormality;
  glossaryId: string;
  apiKey: string;
  clearKey: boolean;
  allowUnencrypted: boolean;
}

function draftOf(settings: EngineSettings, engine: HttpEngineId): Draft {
  const s = settings[engine];
  return {
    enabled: s.enabled,
    baseUrl: s.baseUrl,
    model: engine === 'openai' ? settings.openai.model : '',
    formality: engine === 'deepl' ? settings.deepl.formality : 'default',
    glossaryId: engine === 'deepl' ? settings.deepl.glossaryId : '',
    apiKey: '',
    clearKey: false,
    allowUnencrypted: s.allowUnencrypted,
  };
}

function toInput(engine: HttpEngineId, d: Draft): SaveEngineSettingsInput {
  const key = d.apiKey.trim() !== '' ? { apiKey: d.apiKey.trim() } : d.clearKey ? { clearKey: true } : {};
  // The consent is sent only for an address that needs it (ticking it for https:// means nothing).
  const transport = d.allowUnencrypted && isUnencryptedRemote(d.baseUrl) ? { allowUnencrypted: true } : {};
  if (engine === 'deepl')
    return {
      engine,
      enabled: d.enabled,
      baseUrl: d.baseUrl.trim(),
      formality: d.formality,
      glossaryId: d.glossaryId.trim(),
      ...key,
      ...transport,
    };
  if (engine === 'openai') return { engine, enabled: d.enabled, baseUrl: d.baseUrl.trim(), model: d.model.trim(), ...key, ...transport };
  return { engine, enabled: d.enabled, baseUrl: d.baseUrl.trim(), ...key, ...transport };
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** "Use <engine>": whether an engine is turned on. */
function EnabledField({
  id,
  engine,
  checked,
  onChange,
}: {
  id: string;
  engine: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{t('engines.settings.enabled', { engine })}</label>
    </div>
  );
}

/** The server address of an engine, with a hint. */
function UrlField({ id, hint, value, onChange }: { id: string; hint: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('engines.settings.baseUrl')} hint={hint}>
      <input
        id={id}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2000}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/**
 * "Allow unencrypted connection", shown with its warning only for a plain http:// address on
 * another computer (main refuses one without it).
 */
function UnencryptedField({
  id,
  url,
  checked,
  onChange,
}: {
  id: string;
  url: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  if (!isUnencryptedRemote(url)) return null;
  return (
    <>
      <p id={`${id}-warning`} className="notice" role="note">
        {t('engines.settings.unencryptedWarning')}
      </p>
      <div className="field checkbox">
        <input id={id} type="checkbox" checked={checked} aria-describedby={`${id}-warning`} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{t('engines.settings.allowUnencrypted')}</label>
      </div>
    </>
  );
}

/** The end of an engine form: its error, "saved", and the save button. */
function SaveRow({ engine, error, saved, busy, note }: { engine: string; error: unknown; saved: boolean; busy: boolean; note?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <p role="status" className="status-line">
        {saved ? [t('engines.settings.saved', { engine }), note].filter(Boolean).join(' ') : ''}
      </p>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('engines.settings.save', { engine })}
        </button>
      </div>
    </>
  );
}

function HttpEngineForm({
  engine,
  settings,
  onSaved,
}: {
  engine: HttpEngineId;
  settings: EngineSettings;
  onSaved: (s: EngineSettings) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useId();
  const ids = {
    enabled: `${base}-enabled`,
    url: `${base}-url`,
    insecure: `${base}-insecure`,
    model: `${base}-model`,
    formality: `${base}-formality`,
    glossary: `${base}-glossary`,
    key: `${base}-key`,
    clear: `${base}-clear`,
    heading: `${base}-heading`,
  };
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings, engine));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [keyDropped, setKeyDropped] = useState(false);
  const [busy, setBusy] = useState(false);
  const view: HttpEngineSettingsView = settings[engine];
  const title = t(`engines.settings.${TITLE_KEYS[engine]}`);
  const name = title.split(' (')[0] ?? title;

  const change = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await api.saveEngineSettings(toInput(engine, draft));
      onSaved(next);
      // Main drops a stored key when the server changed and no new key came with it.
      setKeyDropped(view.keySource === 'stored' && next[engine].keySource !== 'stored' && !draft.clearKey);
      // The typed key is forgotten at once; from now on only "a key is set" is known here.
      setDraft(draftOf(next, engine));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const keyStatus =
    view.keySource === 'stored'
      ? t('engines.settings.keyStored')
      : view.keySource === 'environment'
        ? t('engines.settings.keyEnvironment', { name: view.keyEnvVar })
        : t('engines.settings.keyNone', { name: view.keyEnvVar });
  const dropsKey =
    view.keySource === 'stored' &&
    draft.apiKey.trim() === '' &&
    !draft.clearKey &&
    keyServer(engine, draft.baseUrl) !== keyServer(engine, view.baseUrl);

  return (
    <form className="panel engine-form" aria-labelledby={ids.heading} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={ids.heading}>{title}</h3>
      <p className="hint">{t('engines.settings.onlineWarning')}</p>
      <EnabledField id={ids.enabled} engine={name} checked={draft.enabled} onChange={(enabled) => change({ enabled })} />
      <UrlField
        id={ids.url}
        hint={t(`engines.settings.${HINT_KEYS[engine]}`)}
        value={draft.baseUrl}
        onChange={(baseUrl) => change({ baseUrl })}
      />
      <UnencryptedField
        id={ids.insecure}
        url={draft.baseUrl}
        checked={draft.allowUnencrypted}
        onChange={(allowUnencrypted) => change({ allowUnencrypted })}
      />
      {dropsKey && (
        <p className="notice" role="note">
          {t('engines.settings.keyDropNotice')}
        </p>
      )}
      {engine === 'openai' && (
        <Field id={ids.model} label={t('engines.settings.model')}>
          <input
            id={ids.model}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={draft.model}
            onChange={(e) => change({ model: e.target.value })}
          />
        </Field>
      )}
      {engine === 'deepl' && (
        <>
          <Field id={ids.formality} label={t('engines.settings.formality')}>
            <select
              id={ids.formality}
              value={draft.formality}
              onChange={(e) => {
                const f = DEEPL_FORMALITIES.find((v) => v === e.target.value);
                if (f) change({ formality: f });
              }}
            >
              {DEEPL_FORMALITIES.map((f) => (
                <option key={f} value={f}>
                  {t(`engines.settings.${FORMALITY_KEYS[f]}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={ids.glossary} label={t('engines.settings.glossaryId')}>
            <input
              id={ids.glossary}
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              value={draft.glossaryId}
              onChange={(e) => change({ glossaryId: e.target.value })}
            />
          </Field>
        </>
      )}
      <Field id={ids.key} label={t(engine === 'deepl' ? 'engines.settings.apiKey' : 'engines.settings.apiKeyOptional')} hint={keyStatus}>
        <input
          id={ids.key}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          maxLength={1000}
          aria-describedby={`${ids.key}-hint`}
          value={draft.apiKey}
          onChange={(e) => change({ apiKey: e.target.value, clearKey: false })}
        />
      </Field>
      {view.keySource === 'stored' && (
        <div className="field checkbox">
          <input
            id={ids.clear}
            type="checkbox"
            checked={draft.clearKey}
            onChange={(e) => change({ clearKey: e.target.checked, apiKey: '' })}
          />
          <label htmlFor={ids.clear}>{t('engines.settings.clearKey')}</label>
        </div>
      )}
      <SaveRow engine={name} error={error} saved={saved} busy={busy} {...(keyDropped ? { note: t('engines.settings.keyDropped') } : {})} />
    </form>
  );
}

/** A running apertium-apy server: address only (it has no key). Verso never starts one itself. */
function ApertiumApyForm({ settings, onSaved }: { settings: EngineSettings; onSaved: (s: EngineSettings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const base = useId();
  const ids = { enabled: `${base}-enabled`, url: `${base}-url`, insecure: `${base}-insecure`, heading: `${base}-heading` };
  const [enabled, setEnabled] = useState(settings.apertiumApy.enabled);
  const [baseUrl, setBaseUrl] = useState(settings.apertiumApy.baseUrl);
  const [allowUnencrypted, setAllowUnencrypted] = useState(settings.apertiumApy.allowUnencrypted);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = t('engines.settings.apyName');

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await api.saveEngineSettings({
        engine: 'apertium-apy',
        enabled,
        baseUrl: baseUrl.trim(),
        ...(allowUnencrypted && isUnencryptedRemote(baseUrl) ? { allowUnencrypted: true } : {}),
      });
      onSaved(next);
      setBaseUrl(next.apertiumApy.baseUrl);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel engine-form" aria-labelledby={ids.heading} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={ids.heading}>{t('engines.settings.titleApy')}</h3>
      <p className="hint">{t('engines.settings.apyHint')}</p>
      <EnabledField
        id={ids.enabled}
        engine={name}
        checked={enabled}
        onChange={(checked) => {
          setEnabled(checked);
          setSaved(false);
        }}
      />
      <UrlField
        id={ids.url}
        hint={t('engines.settings.baseUrlHintApy')}
        value={baseUrl}
        onChange={(value) => {
          setBaseUrl(value);
          setSaved(false);
        }}
      />
      <UnencryptedField
        id={ids.insecure}
        url={baseUrl}
        checked={allowUnencrypted}
        onChange={(checked) => {
          setAllowUnencrypted(checked);
          setSaved(false);
        }}
      />
      <SaveRow engine={name} error={error} saved={saved} busy={busy} />
    </form>
  );
}

const NO_CHOICES: EngineChoice[] = [];

function DefaultsForm({ settings, onSaved }: { settings: EngineSettings; onSaved: (s: EngineSettings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const languageName = useLanguageName();
  const engineSelect = useId();
  const headingId = useId();
  const [source, setSource] = useState('en');
  const [target, setTarget] = useState('es');
  const [picked, setEngineId] = useState('');
  const [actionError, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The engines that can translate the pair (read again when saved settings invalidate them).
  const choices = useQuery({
    queryKey: queryKeys.engineChoices(source, target, 0),
    queryFn: () => api.getEngineChoices({ sourceLang: source, targetLang: target }),
    placeholderData: keepPreviousData,
  });
  const engines = useMemo(
    () => (choices.data?.engines ?? NO_CHOICES).filter((e) => e.available && e.unavailableReason === null),
    [choices.data],
  );
  const engineId = engines.some((e) => e.id === picked) ? picked : (engines[0]?.id ?? '');
  const error = actionError ?? choices.error;

  const names = new Map(engines.map((e) => [e.id, e.name]));

  async function run(action: () => Promise<EngineSettings>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onSaved(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel engine-defaults" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('engines.defaults.heading')}</h3>
      <p className="hint">{t('engines.defaults.hint')}</p>
      {settings.defaults.length === 0 ? (
        <p className="muted">{t('engines.defaults.none')}</p>
      ) : (
        <ul className="engine-default-list">
          {settings.defaults.map((d) => {
            const pair = { source: languageName(d.sourceLang), target: languageName(d.targetLang) };
            return (
              <li key={`${d.sourceLang}>${d.targetLang}`}>
                {t('engines.defaults.item', { ...pair, engine: names.get(d.engineId) ?? d.engineId })}{' '}
                <button
                  type="button"
                  className="button-quiet"
                  disabled={busy}
                  onClick={() =>
                    void run(() => api.setDefaultEngine({ sourceLang: d.sourceLang, targetLang: d.targetLang, engineId: null }))
                  }
                >
                  {t('engines.defaults.remove', pair)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="engine-default-form">
        <LanguageSelect label={t('engines.defaults.source')} value={source} onChange={setSource} />
        <LanguageSelect label={t('engines.defaults.target')} value={target} onChange={setTarget} />
        <div className="field">
          <label htmlFor={engineSelect}>{t('engines.defaults.engine')}</label>
          <select id={engineSelect} value={engineId} onChange={(e) => setEngineId(e.target.value)} disabled={engines.length === 0}>
            {engines.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={busy || engineId === '' || source === target}
          onClick={() => void run(() => api.setDefaultEngine({ sourceLang: source, targetLang: target, engineId }))}
        >
          {t('engines.defaults.set')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}

export function EngineSettingsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.engineSettings(), queryFn: () => api.getEngineSettings({}) });
  const settings = query.data ?? null;
  const error = query.error;
  const setSettings = useCallback((saved: EngineSettings) => void engineSettingsSaved(queryClient, saved), [queryClient]);

  return (
    <section className="engine-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('engines.settings.heading')}</h2>
      <p className="hint">{t('engines.settings.intro')}</p>
      <p>{t('engines.settings.apertium')}</p>
      <ErrorAlert error={error} />
      {settings && (
        <>
          {(['deepl', 'libretranslate', 'openai'] as const).map((engine) => (
            <HttpEngineForm key={engine} engine={engine} settings={settings} onSaved={setSettings} />
          ))}
          <ApertiumApyForm settings={settings} onSaved={setSettings} />
          <DefaultsForm settings={settings} onSaved={setSettings} />
        </>
      )}
    </section>
  );
}
