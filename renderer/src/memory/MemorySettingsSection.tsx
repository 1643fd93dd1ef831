/**
 * The translation-memory part of Settings: "Pre-fill 100% matches", TMX import (merge or replace:
 * asked first, naming how many units go and whether the team's libraries lose them too) and export
 * per language pair, and the concordance search.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemorySettings } from '../../../shared/features/memoryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { usePlatform } from '../platform.js';
import { Concordance } from './Concordance.js';
import { TmxImportProgress } from './TmxImportProgress.js';
import { useTmxImport } from './useTmxImport.js';
import { useConfirmDialog } from '../workflow/useConfirmDialog.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { showControlsVisibly } from '../../../shared/textHygiene.js';

export function MemorySettingsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const platform = usePlatform();
  const ids = { prefill: useId(), file: useId(), mode: useId() };
  const [sourceLang, setSourceLang] = useState('en');
  const [targetLang, setTargetLang] = useState('es');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [status, setStatus] = useState('');
  const [actionError, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const tmx = useTmxImport();
  const confirm = useConfirmDialog();
  const languageName = useLanguageName();

  const queryClient = useQueryClient();
  const settingsQuery = useQuery({ queryKey: queryKeys.memorySettings(), queryFn: () => api.getMemorySettings({}) });
  const settings: MemorySettings | null = settingsQuery.data ?? null;
  const setSettings = (s: MemorySettings): void => void queryClient.setQueryData(queryKeys.memorySettings(), s);
  const error = actionError ?? settingsQuery.error;
  // The pair's unit count; read again after each import (or other action) below.
  const stats = useQuery({
    queryKey: queryKeys.tmStats(sourceLang, targetLang),
    queryFn: () => api.getTmStats({ sourceLang, targetLang }),
    placeholderData: keepPreviousData,
  });
  const units = stats.isError ? null : (stats.data?.units ?? null);

  const run = async (action: () => Promise<string>): Promise<void> => {
    setBusy(true);
    try {
      setStatus(await action());
      setError(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.tmStats(sourceLang, targetLang) });
    } catch (err) {
      setStatus('');
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  /** "Replace" removes the pair's earlier TMX units (in a team, in every member's library): asked first, with the count. */
  const replaceConfirmed = async (fileName: string): Promise<boolean> => {
    const { tmxUnits, team } = await api.checkTmxReplace({ sourceLang, targetLang });
    if (tmxUnits === 0) return true;
    const pair = { source: languageName(sourceLang), target: languageName(targetLang) };
    return confirm.ask({
      heading: t('memory.settings.replaceAsk.heading', pair),
      text: [
        t('memory.settings.replaceAsk.text', { ...pair, count: tmxUnits, fileName: showControlsVisibly(fileName) }),
        ...(team ? [t('memory.settings.replaceAsk.team')] : []),
      ].join(' '),
      yes: t('memory.settings.replaceAsk.yes'),
      no: t('memory.settings.replaceAsk.no'),
      destructive: true,
    });
  };

  const onImport = (e: FormEvent): void => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    void run(async () => {
      if (mode === 'replace' && !(await replaceConfirmed(file.name))) return t('memory.settings.replaceAsk.declined');
      const outcome = await tmx.run(file, { sourceLang, targetLang, mode });
      if (outcome.kind === 'cancelled') return t('memory.settings.cancelled');
      const r = outcome.result;
      const lost = r.notKept.notes + r.notKept.properties + r.notKept.sourceVariants;
      return lost === 0
        ? t('memory.settings.imported', { ...r })
        : `${t('memory.settings.imported', { ...r })} ${t('memory.settings.notKept', { ...r.notKept })}`;
    });
  };

  const onExport = (): void => {
    void run(async () => {
      const r = await api.exportTmx({ sourceLang, targetLang });
      // Awaited: a file that could not be saved shows its error instead of "exported".
      await platform.saveFile({ fileName: r.fileName, mimeType: 'application/x-tmx+xml', content: r.content });
      return t('memory.settings.exported', { count: r.units });
    });
  };

  return (
    <section className="settings-section tm-settings" aria-labelledby={`${ids.prefill}-h`}>
      <h2 id={`${ids.prefill}-h`}>{t('memory.settings.heading')}</h2>
      <p className="hint">{t('memory.settings.intro')}</p>
      {settings && (
        <div className="field field-checkbox">
          <input
            id={ids.prefill}
            type="checkbox"
            checked={settings.prefillExact}
            aria-describedby={`${ids.prefill}-hint`}
            onChange={(e) => {
              const prefillExact = e.target.checked;
              // Shown at once; the stored value comes back from main.
              setSettings({ ...settings, prefillExact });
              void run(async () => {
                setSettings(await api.updateMemorySettings({ prefillExact }));
                return t('memory.settings.saved');
              });
            }}
          />
          <label htmlFor={ids.prefill}>{t('memory.settings.prefill')}</label>
          <span id={`${ids.prefill}-hint`} className="hint">
            {t('memory.settings.prefillHint')}
          </span>
        </div>
      )}
      <fieldset>
        <legend>{t('memory.settings.pair')}</legend>
        <LanguageSelect label={t('memory.settings.sourceLang')} value={sourceLang} onChange={setSourceLang} />
        <LanguageSelect label={t('memory.settings.targetLang')} value={targetLang} onChange={setTargetLang} />
        <p className="meta">{units === null ? '' : t('memory.settings.units', { count: units })}</p>
      </fieldset>
      <form onSubmit={onImport}>
        <div className="field">
          <label htmlFor={ids.file}>{t('memory.settings.importFile')}</label>
          <input id={ids.file} ref={fileRef} type="file" accept=".tmx,application/x-tmx+xml,text/xml" />
        </div>
        <fieldset>
          <legend>{t('memory.settings.mode')}</legend>
          {(['merge', 'replace'] as const).map((m) => (
            <label key={m} className="radio">
              <input type="radio" name={ids.mode} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`memory.settings.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('memory.settings.import')}
          </button>
          <button type="button" disabled={busy} onClick={onExport}>
            {t('memory.settings.export')}
          </button>
        </div>
      </form>
      {confirm.dialog}
      {tmx.view.phase !== 'idle' && <TmxImportProgress view={tmx.view} onCancel={tmx.cancel} />}
      <ErrorAlert error={error} />
      <p role="status" className="status-line">
        {status}
      </p>
      <Concordance sourceLang={sourceLang} targetLang={targetLang} />
    </section>
  );
}
