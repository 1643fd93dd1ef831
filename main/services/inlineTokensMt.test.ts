/**
 * Inline tokens survive machine translation: Apertium (real, when installed) gets them as
 * superblanks, HTTP engines as XML tags; a reply that loses or repeats one is repaired (every token
 * exactly once, lost ones at the end) and the QA check then flags the paragraph.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkTokens } from '../../shared/inline/inlineCodes.js';
import { renderMarkdown } from '../../shared/inline/renderInline.js';
import { createBackend, type Backend } from '../backend.js';
import { createApertiumEngine } from '../engines/apertium.js';
import type { MtEngine } from '../engines/mtEngine.js';
import { apertiumEngSpaInstalled } from '../testing/apertiumInstalled.js';
import { createFakeEngine } from '../testing/fakeEngine.js';
import { recordJobEvents } from '../testing/jobEvents.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

const ARTICLE = '# Flood **warning**\n\nThe river **burst** its banks, see [the report](https://news.example/r) and run `df -h`.';

let dir: string | null = null;
let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  if (dir) removeTempDir(dir);
  backend = null;
  dir = null;
});

async function translated(engine: MtEngine) {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: '1.0.0', engines: [engine] });
  await backend.api.setProfile({ name: 'Ana', role: 'translator' });
  const doc = await backend.api.importDocument({
    source: { kind: 'text', text: ARTICLE, format: 'md' },
    sourceLang: 'en',
    targetLang: 'es',
  });
  const log = recordJobEvents(backend.events);
  const { jobId } = await backend.api.translateDocument({ documentId: doc.id, scope: 'all' });
  expect((await log.final(jobId)).state).toBe('done');
  log.stop();
  return (await backend.api.getDocument({ documentId: doc.id })).paragraphs;
}

describe('inline tokens and MT', () => {
  it('an Apertium-like engine gets the placeholders and they come back in place', async () => {
    const engine = createFakeEngine({ translate: (t) => t.replace('river', 'río') });
    const [, p] = await translated(engine);
    expect(renderMarkdown(p!.target, p!.codes ?? [])).toBe(
      'The río **burst** its banks, see [the report](https://news.example/r) and run `df -h`.',
    );
  });

  it('an HTTP engine gets XML tags (and markup=xml); its tags come back as tokens', async () => {
    const seen: string[] = [];
    const engine = createFakeEngine({
      kind: 'deepl',
      translate: (t) => (seen.push(t), t.replace('The river', 'El río').replace('its banks', 'sus orillas')),
    });
    const [, p] = await translated(engine);
    expect(seen[1]).toBe('The river <t0>burst</t0> its banks, see <t1>the report</t1> and run <x2/>.');
    expect(renderMarkdown(p!.target, p!.codes ?? [])).toBe(
      'El río **burst** sus orillas, see [the report](https://news.example/r) and run `df -h`.',
    );
  });

  it('a reply that drops or repeats tags keeps every token exactly once, the lost ones at the end', async () => {
    const engine = createFakeEngine({
      kind: 'openai',
      translate: (t) => (t.includes('<x2/>') ? 'El río <t0>reventó</t0> <t0>x</t0> sus orillas.' : t),
    });
    const [, p] = await translated(engine);
    expect(checkTokens(p!.target, p!.codes ?? []).ok).toBe(true);
    expect(renderMarkdown(p!.target, p!.codes ?? [])).toBe('El río **reventó** x sus orillas. `df -h`'); // the empty link pair writes nothing
  });

  const installed = apertiumEngSpaInstalled('the Apertium inline-token test');
  it.runIf(installed)('the real Apertium keeps every token exactly once', async () => {
    const paragraphs = await translated(createApertiumEngine());
    for (const p of paragraphs) {
      expect(p.target).not.toBe('');
      expect(checkTokens(p.target, p.codes ?? [])).toMatchObject({ missing: [], duplicated: [], unknown: [] });
    }
    expect(renderMarkdown(paragraphs[1]!.target, paragraphs[1]!.codes ?? [])).toContain('](https://news.example/r)');
  });
});
