/** The app: providers, the profile gate and the views (library, import, settings, editor). */
import { useEffect, useState } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ApiTransport } from '../../shared/api.js';
import type { DocumentDetail, Profile } from '../../shared/types.js';
import { ApiProvider, useApi } from './api/ApiProvider.js';
import { JobsProvider } from './api/jobs.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { TopBar } from './components/TopBar.js';
import { EditorView } from './editor/EditorView.js';
import { PlatformProvider, type Platform } from './platform.js';
import { ImportView } from './views/ImportView.js';
import { LibraryView } from './views/LibraryView.js';
import { ProfileForm } from './views/ProfileForm.js';
import { SettingsView } from './views/SettingsView.js';
import { FileDropTarget } from './importing/FileDropArea.js';
import { FastConfirmProvider } from './workflow/FastConfirmContext.js';
import { GlossaryView } from './glossary/GlossaryView.js';
import { DocumentGlossaryProvider } from './glossary/GlossaryContext.js';

type View =
  | { name: 'library' }
  | { name: 'import'; file?: File }
  | { name: 'settings' }
  | { name: 'glossary' }
  | { name: 'editor'; documentId: string; initial: DocumentDetail | null };

export function AppShell() {
  const { t } = useTranslation();
  const api = useApi();
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const [startError, setStartError] = useState<unknown>(null);
  const [switching, setSwitching] = useState(false);
  const [view, setView] = useState<View>({ name: 'library' });

  useEffect(() => {
    let live = true;
    api.getProfile({}).then(
      (p) => live && setProfile(p),
      (err: unknown) => live && setStartError(err),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const showForm = profile === null || switching;
  const toLibrary = (): void => setView({ name: 'library' });

  return (
    <FileDropTarget
      className="app"
      // A file dropped onto the window opens the import with it (the editor keeps its own drop areas).
      onFile={(file) => profile && !switching && view.name !== 'editor' && setView({ name: 'import', file })}
    >
      <TopBar profile={profile ?? null} onSwitchProfile={profile && !switching ? () => setSwitching(true) : null} />
      <main id="main" className="main">
        {profile === undefined &&
          (startError !== null ? (
            <div className="panel">
              <p>{t('app.error.startFailed')}</p>
              <ErrorAlert error={startError} />
            </div>
          ) : (
            <p className="muted">{t('app.loading')}</p>
          ))}
        {showForm && (
          <ProfileForm
            current={profile ?? null}
            onSaved={(p) => {
              setProfile(p);
              setSwitching(false);
            }}
            onCancel={profile ? () => setSwitching(false) : null}
          />
        )}
        {profile && (
          // Kept mounted while the profile form is open, so typed text and scroll position survive.
          <div hidden={switching} className="view-host">
            {view.name === 'library' && (
              <LibraryView
                onOpen={(documentId) => setView({ name: 'editor', documentId, initial: null })}
                onImport={() => setView({ name: 'import' })}
                onSettings={() => setView({ name: 'settings' })}
                onGlossary={() => setView({ name: 'glossary' })}
              />
            )}
            {view.name === 'import' && (
              <ImportView
                key={view.file ? `${view.file.name}:${view.file.size}:${view.file.lastModified}` : 'import'}
                initialFile={view.file ?? null}
                onImported={(doc) => setView({ name: 'editor', documentId: doc.id, initial: doc })}
                onCancel={toLibrary}
              />
            )}
            {view.name === 'settings' && <SettingsView onBack={toLibrary} />}
            {view.name === 'glossary' && <GlossaryView onBack={toLibrary} />}
            {view.name === 'editor' && (
              <DocumentGlossaryProvider key={view.documentId} documentId={view.documentId}>
              <EditorView
                key={view.documentId}
                documentId={view.documentId}
                initial={view.initial}
                profile={profile}
                onBack={toLibrary}
              />
              </DocumentGlossaryProvider>
            )}
          </div>
        )}
      </main>
    </FileDropTarget>
  );
}

export interface VersoAppProps {
  transport: ApiTransport;
  platform: Platform;
  i18n: i18n;
}

/** Everything the UI needs, given from outside: the API transport, the host platform, i18next. */
export function VersoApp({ transport, platform, i18n }: VersoAppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <PlatformProvider platform={platform}>
        <ApiProvider transport={transport}>
          <JobsProvider>
            <FastConfirmProvider>
              <AppShell />
            </FastConfirmProvider>
          </JobsProvider>
        </ApiProvider>
      </PlatformProvider>
    </I18nextProvider>
  );
}

/** Shown in browser mode when the page was opened without Verso's token. */
export function MissingToken({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MissingTokenMessage />
    </I18nextProvider>
  );
}

function MissingTokenMessage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="main">
      <section className="panel token-missing">
        <h1>{t('app.token.missingTitle')}</h1>
        <p>{t('app.token.missingBody')}</p>
      </section>
    </main>
  );
}
