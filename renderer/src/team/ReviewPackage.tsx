/**
 * Offline handoff (issue 16, docs/team.md#offline-handoff): "Send for review" in the editor saves
 * the document as a signed package; "Open package" in the library reads one and says what it did.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REVIEW_PACKAGE_EXTENSION, REVIEW_PACKAGE_MAX_CHARS, type ReviewPackageResult } from '../../../shared/features/reviewPackageApi.js';
import type { ApiError } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { fileBytes } from '../importing/readFile.js';
import { usePlatform } from '../platform.js';
import { savedText } from '../exporting/ExportPanel.js';

export function SendForReviewButton({
  documentId,
  disabled,
  beforeSend,
  onDone,
  onError,
}: {
  documentId: string;
  disabled: boolean;
  /** Saves pending edits first. */
  beforeSend: () => Promise<unknown>;
  onDone: (render: (t: TFunction) => string) => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);

  async function send(): Promise<void> {
    setBusy(true);
    try {
      await beforeSend();
      const file = await api.sendForReview({ documentId });
      const outcome = await platform.saveFile({ fileName: file.fileName, mimeType: 'application/json', content: file.content });
      onDone((tt) => (outcome.kind === 'cancelled' ? savedText(tt, outcome) : tt('team.reviewPackage.sent', { fileName: file.fileName })));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" disabled={disabled || busy} onClick={() => void send()}>
      {t('team.reviewPackage.send')}
    </button>
  );
}

function resultText(t: TFunction, r: ReviewPackageResult): string {
  const values = {
    title: r.title,
    name: r.signer.name,
    keyId: r.signer.keyId,
    applied: r.applied,
    conflicts: r.conflicts,
    rejected: r.rejected.length,
  };
  return r.created ? t('team.reviewPackage.created', values) : t('team.reviewPackage.opened', values);
}

/** A file input labelled "Open package"; `onOpened` after a package changed the library. */
export function OpenPackageControl({ onOpened }: { onOpened: (r: ReviewPackageResult) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [result, setResult] = useState<ReviewPackageResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function open(file: File): Promise<void> {
    setResult(null);
    setError(null);
    try {
      // Four bytes per character at most: a larger file cannot be a package.
      if (file.size > 4 * REVIEW_PACKAGE_MAX_CHARS) {
        const reason = `the file is larger than ${REVIEW_PACKAGE_MAX_CHARS / 1024 / 1024} MiB`;
        return setError({ code: 'REVIEW_PACKAGE_INVALID', message: reason, details: { reason } } satisfies ApiError);
      }
      const content = new TextDecoder().decode(await fileBytes(file));
      const r = await api.openReviewPackage({ content });
      setResult(r);
      onOpened(r);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="field inline open-package">
      <label htmlFor={id}>{t('team.reviewPackage.open')}</label>
      <input
        id={id}
        type="file"
        accept={`${REVIEW_PACKAGE_EXTENSION},.json,application/json`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      {result && (
        <p role="status" className="meta">
          {resultText(t, result)}
        </p>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
