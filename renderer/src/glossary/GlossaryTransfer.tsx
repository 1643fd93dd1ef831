/** The glossary screen's import/export panel: CSV/TBX import (merge or replace), CSV and TBX export. */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { GlossaryImportMode, GlossaryTbxVersion } from '../../../shared/features/glossaryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { bytesToBase64 } from '../base64.js';
import { fileBytes } from '../importing/readFile.js';
import { usePlatform } from '../platform.js';
import type { GlossaryPair, GlossaryRun, Message } from './useGlossaryTerms.js';

interface TransferProps {
  pair: GlossaryPair;
  busy: boolean;
  /** Export needs terms. */
  hasTerms: boolean;
  run: GlossaryRun;
  say: (message: Message) => void;
}

export function GlossaryTransfer({ pair, busy, hasTerms, run, say }: TransferProps) {
  const { t } = useTranslation();
  const api = useApi();
  const platform = usePlatform();
  const ids = { heading: useId(), hint: useId(), file: useId(), mode: useId(), tbxVersion: useId() };
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<GlossaryImportMode>('merge');
  const [tbxVersion, setTbxVersion] = useState<GlossaryTbxVersion>('v2');

  function importFile(): void {
    const file = fileRef.current?.files?.[0];
    if (!file) return say((tt) => tt('glossary.transfer.noFile'));
    void run(async () => {
      const dataBase64 = bytesToBase64(await fileBytes(file));
      const result = await api.importGlossary({ ...pair, fileName: file.name, dataBase64, mode });
      if (fileRef.current) fileRef.current.value = '';
      return importedMessage(result);
    });
  }

  function exportAs(format: 'csv' | 'tbx'): void {
    void run(async () => {
      const file = await api.exportGlossary(format === 'tbx' ? { ...pair, format, tbxVersion } : { ...pair, format });
      // Awaited: a file that could not be saved shows its error instead of "exported".
      await platform.saveFile(file);
      return (tt) => tt('glossary.status.exported', { fileName: file.fileName });
    });
  }

  return (
    <section className="panel" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('glossary.transfer.heading')}</h2>
      <p id={ids.hint} className="hint">
        {t('glossary.transfer.hint')}
      </p>
      <div className="glossary-transfer-row">
        <div className="field">
          <label htmlFor={ids.file}>{t('glossary.transfer.file')}</label>
          <input id={ids.file} ref={fileRef} type="file" accept=".csv,.tbx,.xml,text/csv" aria-describedby={ids.hint} />
        </div>
        <div className="field">
          <label htmlFor={ids.mode}>{t('glossary.transfer.mode')}</label>
          <select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value === 'replace' ? 'replace' : 'merge')}>
            <option value="merge">{t('glossary.transfer.merge')}</option>
            <option value="replace">{t('glossary.transfer.replace')}</option>
          </select>
        </div>
        <button type="button" disabled={busy} onClick={importFile}>
          {t('glossary.transfer.import')}
        </button>
        <button type="button" disabled={busy || !hasTerms} onClick={() => exportAs('csv')}>
          {t('glossary.transfer.exportCsv')}
        </button>
        <div className="field">
          <label htmlFor={ids.tbxVersion}>{t('glossary.transfer.tbxVersion')}</label>
          <select id={ids.tbxVersion} value={tbxVersion} onChange={(e) => setTbxVersion(e.target.value === 'v3' ? 'v3' : 'v2')}>
            <option value="v2">{t('glossary.transfer.tbxV2')}</option>
            <option value="v3">{t('glossary.transfer.tbxV3')}</option>
          </select>
        </div>
        <button type="button" disabled={busy || !hasTerms} onClick={() => exportAs('tbx')}>
          {t('glossary.transfer.exportTbx')}
        </button>
      </div>
    </section>
  );
}

type ImportResult = Awaited<ReturnType<ReturnType<typeof useApi>['importGlossary']>>;

/** "Imported …", then what was not kept and how many entries were skipped. */
function importedMessage({ notKept, skippedEntries, ...counts }: ImportResult): (tt: TFunction) => string {
  return (tt) => {
    const said = [tt('glossary.status.imported', { ...counts, count: counts.total })];
    if (notKept?.length) {
      const list = notKept.map((n) => tt('glossary.status.notKeptItem', { category: n.category, count: n.entries })).join(', ');
      said.push(tt('glossary.status.notKept', { list }));
    }
    if (skippedEntries) said.push(tt('glossary.status.skippedEntries', { count: skippedEntries }));
    return said.join(' ');
  };
}
