/** Renders the whole app over the memory transport and a fake API, in English unless asked. */
import { fireEvent, render, screen, within, type RenderResult } from '@testing-library/react';
import type { i18n } from 'i18next';
import { VersoApp } from '../src/App.js';
import { createMemoryTransport } from '../src/api/memoryTransport.js';
import { createI18n, type UiLanguage } from '../src/i18n/i18n.js';
import type { Platform, SavedFile } from '../src/platform.js';
import { FakeVersoApi } from './fakeApi.js';
import type { AppLocation } from '../src/routing/location.js';

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

export interface RenderedApp extends RenderResult {
  api: FakeVersoApi;
  platform: MemoryPlatform;
  i18n: i18n;
}

export function renderApp(options: { api?: FakeVersoApi; language?: UiLanguage; location?: AppLocation } = {}): RenderedApp {
  const api = options.api ?? new FakeVersoApi();
  const platform = createMemoryPlatform();
  const i18n = createI18n(options.language ?? 'en');
  const transport = createMemoryTransport(api, api.events);
  const result = render(<VersoApp transport={transport} platform={platform} i18n={i18n} {...(options.location ? { location: options.location } : {})} />);
  return { ...result, api, platform, i18n };
}

/** A fake API with a translator or editor profile already set up. */
export function apiWithProfile(role: 'translator' | 'editor' = 'translator', name = 'Tess Translator'): FakeVersoApi {
  const api = new FakeVersoApi();
  api.profile = { id: 'profile-0', name, role, createdAt: '2025-01-01T00:00:00.000Z' };
  return api;
}

/** Answers the "faster than reading speed" question (tests sign off without dwelling on rows). */
export async function confirmFastSignOff(): Promise<void> {
  const dialog = await screen.findByRole('alertdialog', { name: 'Sign off faster than reading speed?' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, sign off' }));
}
