/**
 * The app: providers, the profile gate and the views (library, import, settings, editor), chosen by
 * the route in the URL hash (routing/route.ts), so a reload keeps the open view and back/forward work.
 */
import { useState } from 'react';
import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ApiTransport } from '../../shared/api.js';
import type { DocumentDetail, Profile } from '../../shared/types.js';
import { ApiProvider, useApi } from './api/ApiProvider.js';
import { JobsProvider } from './api/jobs.js';
import { createQueryClient, queryKeys } from './api/queryClient.js';
import { StartError } from './components/StartError.js';
import { TopBar } from './components/TopBar.js';
import { PlatformProvider, type Platform } from './platform.js';
import { ImportView } from './views/ImportView.js';
import { LibraryView } from './views/LibraryView.js';
import { ProfileForm } from './views/ProfileForm.js';
import { SettingsView } from './views/SettingsView.js';
import { FileDropTarget } from './importing/FileDropArea.js';
import { FastConfirmProvider } from './workflow/FastConfirmContext.js';
import { GlossaryView } from './glossary/GlossaryView.js';
import { createMemoryLocation, type AppLocation } from './routing/location.js';
import { DocumentRoute } from './routing/DocumentRoute.js';
import { useRoute } from './routing/useRoute.js';
import { NavigateProvider } from './routing/AppLink.js';

export function AppShell({ location }: { location: AppLocation }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  // Who uses Verso: read once at start (undefined until then); the profile form writes the new one.
  const profileQuery = useQuery({ queryKey: queryKeys.profile(), queryFn: () => api.getProfile({}), staleTime: Infinity });
  const profile: Profile | null | undefined = profileQuery.isSuccess ? profileQuery.data : undefined;
  const startError = profileQuery.error;
  const setProfile = (p: Profile): void => void queryClient.setQueryData(queryKeys.profile(), p);
  const [switching, setSwitching] = useState(false);
  const [route, go] = useRoute(location);
  // What a route cannot carry: a file dropped on the window, and the document an import just made.
  const [droppedFile, setDroppedFile] = useState<File | null>(null);
  const [imported, setImported] = useState<DocumentDetail | null>(null);
  // The imported document is handed to the editor once; opened again later, it is read afresh.
  const openId = route.name === 'document' ? route.documentId : null;
  if (imported !== null && imported.id !== openId) setImported(null);

  const showForm = profile === null || switching;
  const toLibrary = (): void => go({ name: 'library' });
  const openImport = (file: File | null): void => {
    setDroppedFile(file);
    go({ name: 'import' });
  };

  return (
    <NavigateProvider navigate={go}>
      <FileDropTarget
        className="app"
        // A file dropped onto the window opens the import with it (the editor keeps its own drop areas).
        onFile={(file) => profile && !switching && route.name !== 'document' && openImport(file)}
      >
        <TopBar profile={profile ?? null} onSwitchProfile={profile && !switching ? () => setSwitching(true) : null} />
        <main id="main" className="main">
          {profile === undefined && (startError !== null ? <StartError error={startError} /> : <p className="muted">{t('app.loading')}</p>)}
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
              {route.name === 'library' && (
                <LibraryView
                  onOpen={(documentId) => go({ name: 'document', documentId })}
                  onImport={() => openImport(null)}
                  onSettings={() => go({ name: 'settings' })}
                  onGlossary={() => go({ name: 'glossary' })}
                />
              )}
              {route.name === 'import' && (
                <ImportView
                  key={droppedFile ? `${droppedFile.name}:${droppedFile.size}:${droppedFile.lastModified}` : 'import'}
                  initialFile={droppedFile}
                  onImported={(doc) => {
                    setImported(doc);
                    setDroppedFile(null);
                    // The import form is done: back from the new document goes to the library.
                    go({ name: 'document', documentId: doc.id }, { replace: true });
                  }}
                  onCancel={toLibrary}
                />
              )}
              {route.name === 'settings' && (
                <SettingsView key={profile.id} onBack={toLibrary} focusSection={route.section ?? null} role={profile?.role ?? null} />
              )}
              {route.name === 'glossary' && <GlossaryView onBack={toLibrary} />}
              {route.name === 'document' && (
                <DocumentRoute
                  key={route.documentId}
                  documentId={route.documentId}
                  initial={imported?.id === route.documentId ? imported : null}
                  profile={profile}
                  onBack={toLibrary}
                />
              )}
            </div>
          )}
        </main>
      </FileDropTarget>
    </NavigateProvider>
  );
}

export interface VersoAppProps {
  transport: ApiTransport;
  platform: Platform;
  i18n: i18n;
  /** Where the route lives (main.tsx: the window's URL hash); default: an in-memory history. */
  location?: AppLocation;
}

/** Everything the UI needs, given from outside: the API transport, the host platform, i18next, the location. */
export function VersoApp({ transport, platform, i18n, location }: VersoAppProps) {
  const [memoryLocation] = useState(() => createMemoryLocation());
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <PlatformProvider platform={platform}>
        <ApiProvider transport={transport}>
          <QueryClientProvider client={queryClient}>
            <JobsProvider>
              <FastConfirmProvider>
                <AppShell location={location ?? memoryLocation} />
              </FastConfirmProvider>
            </JobsProvider>
          </QueryClientProvider>
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
