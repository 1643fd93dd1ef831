/**
 * What an engine can do (glossary, inline markup, context), as the MT job asks it. Engines declare
 * `capabilities`; one written without them (a test double, an engine from before) gets those of its
 * kind, the only place where a kind decides anything.
 */
import type { EngineCapabilities, EngineKind, MtEngine } from './mtEngine.js';

const OF_KIND: Record<EngineKind, Omit<EngineCapabilities, 'context'>> = {
  apertium: { glossary: 'none', markup: 'placeholders' },
  deepl: { glossary: 'native', markup: 'xml' },
  libretranslate: { glossary: 'none', markup: 'xml' },
  openai: { glossary: 'prompt', markup: 'xml' },
};

export function capabilitiesOf(engine: MtEngine): EngineCapabilities {
  return engine.capabilities ?? { ...OF_KIND[engine.kind ?? 'apertium'], context: engine.usesContext ?? false };
}
