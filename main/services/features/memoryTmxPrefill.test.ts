/**
 * `prefillFromTmx` (issue 17): the same fills as importing the TMX and pre-filling, on a generated
 * corpus with the hard cases; a broken file or a DTD fills nothing, with a clear message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../shared/testing/seededRandom.js';
import { createBackend, type Backend } from '../../backend.js';
import { tmxExactFills } from '../../memory/tmxExactFills.js';

let dir: string;
const open = (name: string): Backend => createBackend({ dataDir: path.join(dir, name), mode: 'browser', version: '1.0.0', engines: [] });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-tmx-prefill-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const WORDS = 'the storm river council roads city closed opened mayor said Monday on in of a new school bridge police night'.split(' ');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tuv = (lang: string, seg: string) => `<tuv xml:lang="${lang}"><seg>${seg}</seg></tuv>`;
const tu = (...tuvs: string[]) => `<tu creationid="gen" creationdate="20250101T000000Z">${tuvs.join('')}</tu>\n`;
const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="Gen" creationtoolversion="1" segtype="paragraph" o-tmf="g" adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n';

/** Paragraphs, and a TMX holding for them every kind of exact, near and false match. */
function corpus(seed: number) {
  const rand = mulberry32(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const sentence = () => {
    const s = Array.from({ length: 4 + Math.floor(rand() * 8) }, pick).join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const paragraphs = new Set<string>();
  while (paragraphs.size < 240) paragraphs.add(rand() < 0.1 ? `${sentence()} Fish & chips "here".` : sentence());
  const list = [...paragraphs];
  const units: string[] = [];
  list.forEach((p, i) => {
    const t = `ES ${i}`;
    switch (i % 12) {
      case 0:
        units.push(tu(tuv('en', escape(p)), tuv('es', t)));
        break;
      case 1:
        units.push(tu(tuv('en', escape(p)), tuv('es', `${t} old`)), tu(tuv('en', escape(p)), tuv('es', `${t} new`)));
        break;
      case 2:
        units.push(
          tu(tuv('en', escape(p)), tuv('es', `${t} a`)),
          tu(tuv('en', escape(p)), tuv('es', `${t} b`)),
          tu(tuv('en', escape(p)), tuv('es', `${t} a`)),
        );
        break;
      case 3:
        units.push(tu(tuv('en', escape(p.toLowerCase())), tuv('es', t)));
        break; // case variant: 99 %
      case 4:
        units.push(tu(tuv('en-US', escape(p)), tuv('es-MX', `${t} mx`)), tu(tuv('en-GB', escape(p)), tuv('es', `${t} es`)));
        break;
      case 5:
        units.push(tu(tuv('en', escape(p).replace(/ /g, '  \n ')), tuv('es', t)));
        break; // other whitespace
      case 6:
        units.push(
          tu(
            tuv('en', escape(p).replace(' ', ' <bpt i="1" type="bold">&lt;b&gt;</bpt>').replace(/\.$/, '<ept i="1">&lt;/b&gt;</ept>.')),
            tuv('es', t),
          ),
        );
        break;
      case 7:
        units.push(tu(tuv('es', t), tuv('en', escape(p).replace(/e/g, '&#101;'))));
        break; // references, source second
      case 8:
        units.push(tu(tuv('fr', escape(p)), tuv('es', t)));
        break; // not the source language
      case 9:
        units.push(tu(tuv('en', `<![CDATA[${p}]]>`), tuv('es', `${t} <ph type="lb"/>x`)));
        break;
      case 10:
        units.push(tu(tuv('en', escape(p)), tuv('es', t), tuv('es-AR', `${t} ar`)));
        break;
      default:
        units.push(tu(tuv('en', escape(sentence())), tuv('es', t))); // noise
    }
  });
  for (let k = 0; k < 400; k++) units.push(tu(tuv('en', escape(sentence())), tuv('es', `noise ${k}`)));
  // Shuffled, so a paragraph's units are apart in the file.
  for (let i = units.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [units[i], units[j]] = [units[j]!, units[i]!];
  }
  return { story: list.join('\n\n') + '\n', tmx: `${HEAD}${units.join('')}</body>\n</tmx>\n` };
}

async function importStory(backend: Backend, story: string, profile = true) {
  if (profile) await backend.api.setProfile({ name: 'Ana', role: 'editor' });
  const source = { kind: 'file' as const, fileName: 'story.txt', dataBase64: Buffer.from(story).toString('base64') };
  return backend.api.importDocument({ source, sourceLang: 'en', targetLang: 'es' });
}

/** What each paragraph got: its target and status, and the provenance of its TM revisions (but the unit id). */
async function filled(backend: Backend, documentId: string) {
  const doc = await backend.api.getDocument({ documentId });
  return Promise.all(
    doc.paragraphs.map(async (p) => ({
      target: p.target,
      status: p.status,
      provenance: (await backend.api.listTmProvenance({ paragraphId: p.id })).map(({ revisionId: _r, unitId: _u, ...rest }) => rest),
    })),
  );
}

describe('prefillFromTmx', () => {
  it('fills exactly what importing the TMX and pre-filling fills, reading the file once and storing nothing', async () => {
    for (const seed of [1, 2]) {
      const { story, tmx } = corpus(seed);
      const file = path.join(dir, `memory-${seed}.tmx`);
      fs.writeFileSync(file, tmx);

      const stored = open(`stored-${seed}`);
      const docA = await importStory(stored, story);
      await stored.api.importTmx({
        fileName: 'memory.tmx',
        dataBase64: Buffer.from(tmx).toString('base64'),
        sourceLang: 'en',
        targetLang: 'es',
        mode: 'merge',
      });
      const viaTm = await stored.api.prefillTmMatches({ documentId: docA.id, requested: true });
      const expected = await filled(stored, docA.id);
      stored.close();

      const streamed = open(`streamed-${seed}`);
      const docB = await importStory(streamed, story);
      const result = await streamed.api.prefillFromTmx({ documentId: docB.id, source: { kind: 'path', path: file } });
      const got = await filled(streamed, docB.id);
      const units = (await streamed.api.getTmStats({ sourceLang: 'en', targetLang: 'es' })).units;
      streamed.close();

      expect(viaTm.paragraphs.length).toBeGreaterThan(80);
      expect(result.paragraphs.length).toBe(viaTm.paragraphs.length);
      expect(got).toEqual(expected);
      expect(result.tus).toBe((tmx.match(/<tu /g) ?? []).length);
      expect(units).toBe(0);
    }
  });

  it('reads the generated file on the fast path (the real reader only for candidates), with the same matches as reading it all', async () => {
    const { story, tmx } = corpus(4);
    const file = path.join(dir, 'memory.tmx');
    fs.writeFileSync(file, tmx);
    const paragraphs = story.split('\n\n').map((source, i) => ({ id: String(i), source: source.trim(), codes: [] }));
    const pair = { sourceLang: 'en', targetLang: 'es' };
    const fast = await tmxExactFills(file, paragraphs, pair, '2026-12-04T00:00:00.000Z');
    const full = await tmxExactFills(file, paragraphs, pair, '2026-12-04T00:00:00.000Z', { fast: false });
    expect(fast.fast).toBe(true);
    expect(fast.parsed).toBeLessThan(full.parsed / 2);
    expect(fast.matches.size).toBeGreaterThan(80);
    expect(fast.matches).toEqual(full.matches);
    expect(fast.tus).toBe(full.tus);
  });

  it('uses a reading prepared before the import: the file as it was when the document was imported', async () => {
    const { story, tmx: generated } = corpus(5);
    const file = path.join(dir, 'memory.tmx');
    // The file first with each paragraph's first exact unit hidden ('e' → 'o' in its source), then
    // as generated: same size, same places, more exact matches — a reading of the first would miss them.
    const paragraphs = story.split('\n\n').map((p) => p.trim());
    const hide = (t: string, p: string) => t.replace(`<seg>${escape(p)}</seg>`, `<seg>${escape(p).replace(/e/g, 'o')}</seg>`);
    const tmx = paragraphs.reduce(hide, generated);
    const changed = generated;
    expect(changed.length).toBe(tmx.length);
    const fillsOf = async (name: string, text: string) => {
      fs.writeFileSync(file, text);
      const plain = open(name);
      const doc = await importStory(plain, story);
      await plain.api.prefillFromTmx({ documentId: doc.id, source: { kind: 'path', path: file } });
      const got = await filled(plain, doc.id);
      plain.close();
      return got;
    };
    const expected = await fillsOf('plain', tmx);
    const expectedChanged = await fillsOf('plain-changed', changed);
    const count = (fills: { status: string }[]) => fills.filter((p) => p.status !== 'new').length;
    expect(count(expectedChanged)).toBeGreaterThan(count(expected));

    fs.writeFileSync(file, tmx);
    const backend = open('prepared');
    expect(await backend.api.prepareTmxPrefill({ source: { kind: 'path', path: file }, sourceLang: 'en' })).toEqual({
      fileName: 'memory.tmx',
      bytesTotal: Buffer.byteLength(tmx),
    });
    const doc = await importStory(backend, story);
    await backend.api.prefillFromTmx({ documentId: doc.id, source: { kind: 'path', path: file } });
    expect(await filled(backend, doc.id)).toEqual(expected);

    // Prepared (and read: a few turns of the event loop for this small file), then changed.
    await backend.api.prepareTmxPrefill({ source: { kind: 'path', path: file }, sourceLang: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    fs.writeFileSync(file, changed);
    const later = await importStory(backend, story, false);
    await backend.api.prefillFromTmx({ documentId: later.id, source: { kind: 'path', path: file } });
    expect(await filled(backend, later.id)).toEqual(expectedChanged);

    // The import offered its paragraphs to the reading, which read their candidates then: a file
    // changed after the import (before the pre-fill) fills as it was when the document was imported.
    fs.writeFileSync(file, tmx);
    await backend.api.prepareTmxPrefill({ source: { kind: 'path', path: file }, sourceLang: 'en' });
    const offered = await importStory(backend, story, false);
    // The reading goes on in the import worker after the import answers; nothing outside tells when
    // it is done, so it is given ample time (100 ms left little margin on a loaded machine).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    fs.writeFileSync(file, changed);
    await backend.api.prefillFromTmx({ documentId: offered.id, source: { kind: 'path', path: file } });
    expect(await filled(backend, offered.id)).toEqual(expected);
    backend.close();
  });

  it('refuses to prepare a file that cannot be read, or an unknown language, with a clear message', async () => {
    const backend = open('refused');
    await expect(
      backend.api.prepareTmxPrefill({ source: { kind: 'path', path: path.join(dir, 'missing.tmx') }, sourceLang: 'en' }),
    ).rejects.toMatchObject({ code: 'TMX_FILE_UNREADABLE' });
    fs.writeFileSync(path.join(dir, 'm.tmx'), HEAD);
    await expect(
      backend.api.prepareTmxPrefill({ source: { kind: 'path', path: path.join(dir, 'm.tmx') }, sourceLang: 'no such language' }),
    ).rejects.toMatchObject({ code: 'LANGUAGE_UNKNOWN' });
    backend.close();
  });

  it('fills nothing from a file broken half-way, or one with a DTD, and says what is wrong', async () => {
    const { story, tmx } = corpus(3);
    const backend = open('broken');
    const doc = await importStory(backend, story);
    const half = tmx.indexOf('<tu ', tmx.length / 2);
    const cases: [string, string, RegExp][] = [
      ['cut.tmx', tmx.slice(0, half + 40), /cut\.tmx is broken at line \d+.*Nothing was filled\./],
      [
        'tag.tmx',
        `${tmx.slice(0, half)}<tu><tuv xml:lang="en"><seg>Noise</sag></tuv></tu>${tmx.slice(half)}`,
        /tag\.tmx is broken at line \d+.*Nothing was filled\./,
      ],
      ['dtd.tmx', tmx.replace('<tmx version', '<!DOCTYPE tmx [<!ENTITY x "y">]>\n<tmx version'), /declares a DTD or entities/],
    ];
    for (const [name, text, message] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      await expect(backend.api.prefillFromTmx({ documentId: doc.id, source: { kind: 'path', path: file } }), name).rejects.toThrow(message);
    }
    const after = await backend.api.getDocument({ documentId: doc.id });
    backend.close();
    expect(after.paragraphs.every((p) => p.status === 'new' && p.target === '')).toBe(true);
  });
});
