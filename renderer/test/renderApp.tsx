/** Renders the whole app over the real backend (main/testing/rendererBackend.ts), in English unless asked. */
import { fireEvent, render, screen, within, type RenderResult } from '@testing-library/react';
import type { i18n } from 'i18next';
import { VersoApp } from '../src/App.js';
import { createI18n, type UiLanguage } from '../src/i18n/i18n.js';
import type { Platform, SavedFile } from '../src/platform.js';
import type { AppLocation } from '../src/routing/location.js';
import type { Role } from '../../shared/types.js';
import {
  TEST_BACKEND_GLOBAL,
  type TestBackend,
  type TestBackendFactory,
  type TestBackendOptions,
} from '../../shared/testing/testBackend.js';

export type { TestBackend } from '../../shared/testing/testBackend.js';

export interface MemoryPlatform extends Platform {
  readonly savedFiles: SavedFile[];
  uiLanguage: string | null;
}

export function createMemoryPlatform(): MemoryPlatform {
  const platform: MemoryPlatform = {
    savedFiles: [],
    uiLanguage: null,
    saveFile(file) {
      platform.savedFiles.push(file);
      return Promise.resolve({ kind: 'downloaded', fileName: file.fileName });
    },
    saveUiLanguage(language) {
      platform.uiLanguage = language;
    },
  };
  return platform;
}

/**
 * A fresh real backend on its own temporary library, closed after the test. It comes from the
 * renderer project's setup file (main/testing/rendererBackend.setup.ts): the renderer never imports main/.
 */
export function createTestBackend(options?: TestBackendOptions): Promise<TestBackend> {
  const factory = (globalThis as Record<string, unknown>)[TEST_BACKEND_GLOBAL] as TestBackendFactory | undefined;
  if (!factory) throw new Error('No test backend: main/testing/rendererBackend.setup.ts must be a setup file of the renderer project');
  return factory(options);
}

/** A real backend with a translator or editor profile already set up (made current through the services). */
export async function backendWithProfile(
  role: Role = 'translator',
  name = 'Tess Translator',
  options?: TestBackendOptions,
): Promise<TestBackend> {
  const backend = await createTestBackend(options);
  await backend.seedProfile(role, name);
  return backend;
}

export interface RenderedApp extends RenderResult {
  backend: TestBackend;
  platform: MemoryPlatform;
  i18n: i18n;
}

export function renderApp(options: { backend: TestBackend; language?: UiLanguage; location?: AppLocation }): RenderedApp {
  const { backend } = options;
  const platform = createMemoryPlatform();
  const i18n = createI18n(options.language ?? 'en');
  const result = render(
    <VersoApp
      transport={backend.transport}
      platform={platform}
      i18n={i18n}
      {...(options.location ? { location: options.location } : {})}
    />,
  );
  return { ...result, backend, platform, i18n };
}

/** Answers the "faster than reading speed" question (tests sign off without dwelling on rows). */
export async function confirmFastSignOff(): Promise<void> {
  const dialog = await screen.findByRole('alertdialog', { name: 'Sign off faster than reading speed?' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, sign off' }));
}
