import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from './secretStore.js';
import { createApertiumEngine } from './apertium.js';
import { capabilitiesOf } from './capabilities.js';
import { buildHttpEngines, DEFAULT_ENGINE_CONFIG } from './engineConfig.js';
import { DEFAULT_HTTP_OPTIONS } from './http/httpClient.js';
import type { MtEngine } from './mtEngine.js';

function httpEngine(id: string): MtEngine {
  const config = structuredClone(DEFAULT_ENGINE_CONFIG);
  config.openai = { enabled: true, baseUrl: 'https://llm.example', model: 'm', allowUnencrypted: false };
  return buildHttpEngines(config, createMemorySecretStore(), DEFAULT_HTTP_OPTIONS).find((e) => e.id === id)!;
}

function bare(fields: Partial<MtEngine>): MtEngine {
  return {
    id: 'x',
    name: 'X',
    describe: async () => ({ available: true, unavailableReason: null, version: '1', pairs: [] }),
    translateBatch: async () => [],
    ...fields,
  };
}

describe('what each engine declares it can do', () => {
  it('Apertium: no glossary, placeholders kept as superblanks, no context', () => {
    const engine = createApertiumEngine();
    expect(engine.capabilities).toEqual({ glossary: 'none', markup: 'placeholders', context: false });
    engine.close();
  });
  it('an Apertium APy server: like Apertium', () => {
    expect(httpEngine('apertium-apy').capabilities).toEqual({ glossary: 'none', markup: 'placeholders', context: false });
  });
  it('DeepL: its own glossary, XML tags, no context', () => {
    expect(httpEngine('deepl').capabilities).toEqual({ glossary: 'native', markup: 'xml', context: false });
  });
  it('LibreTranslate: no glossary, XML tags, no context', () => {
    expect(httpEngine('libretranslate').capabilities).toEqual({ glossary: 'none', markup: 'xml', context: false });
  });
  it('OpenAI-compatible: glossary in the prompt, XML tags, the neighbouring paragraphs', () => {
    expect(httpEngine('openai').capabilities).toEqual({ glossary: 'prompt', markup: 'xml', context: true });
  });
  it('an engine refused for its unencrypted address keeps what it declares', () => {
    const config = structuredClone(DEFAULT_ENGINE_CONFIG);
    config.openai = { enabled: true, baseUrl: 'http://203.0.113.5', model: 'm', allowUnencrypted: false };
    const openai = buildHttpEngines(config, createMemorySecretStore(), DEFAULT_HTTP_OPTIONS).find((e) => e.id === 'openai')!;
    expect(capabilitiesOf(openai)).toEqual({ glossary: 'prompt', markup: 'xml', context: true });
  });
  it('capabilitiesOf gives what an engine declares', () => {
    const declared = { glossary: 'native', markup: 'xml', context: true } as const;
    expect(capabilitiesOf(bare({ kind: 'apertium', capabilities: declared }))).toEqual(declared);
  });
  it('an engine that declares nothing gets the capabilities of its kind (Apertium when it has none) and its usesContext', () => {
    expect(capabilitiesOf(bare({}))).toEqual({ glossary: 'none', markup: 'placeholders', context: false });
    expect(capabilitiesOf(bare({ kind: 'openai' }))).toEqual({ glossary: 'prompt', markup: 'xml', context: false });
    expect(capabilitiesOf(bare({ kind: 'deepl', usesContext: true }))).toEqual({ glossary: 'native', markup: 'xml', context: true });
    expect(capabilitiesOf(bare({ kind: 'libretranslate' }))).toEqual({ glossary: 'none', markup: 'xml', context: false });
  });
});
