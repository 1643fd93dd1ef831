import { describe, expect, it } from 'vitest';
import { buildMessages } from './openAiChat.js';

const EN_ES = { source: 'en', target: 'es' };
const GLOSSARY = [
  { source: 'European Union', target: 'Unión Europea', forbidden: ['UE'] },
  { source: 'NATO', target: 'OTAN', caseSensitive: true },
  { source: 'prime minister', target: 'primer ministro' },
];

describe('the glossary in the OpenAI-compatible prompt', () => {
  it('carries only the terms the paragraph contains, with their forbidden variants', () => {
    const system = buildMessages('The european union and Nato met.', EN_ES, null, GLOSSARY)[0]!.content;
    expect(system).toContain('Use these terms:\n- European Union → Unión Europea (never: UE)');
    // "Nato" is not the case-sensitive "NATO"; the prime minister is not in the paragraph.
    expect(system).not.toContain('OTAN');
    expect(system).not.toContain('primer ministro');
  });

  it('leaves the prompt as it was when no term occurs', () => {
    expect(buildMessages('Nothing here.', EN_ES, null, GLOSSARY)).toEqual(buildMessages('Nothing here.', EN_ES, null, []));
    expect(buildMessages('Nothing here.', EN_ES, null, [])[0]!.content).not.toContain('Use these terms');
  });
});
