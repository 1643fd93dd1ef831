/**
 * The index of a TMX file's source segments (tmxSourceIndex.ts) and the fills made with it
 * (tmxExactFills.ts): always what the real reader alone fills (`fast: false`), the file read in
 * pieces cut anywhere; whatever it is not sure of falls back to the real reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/testing/seededRandom.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { HEAD, NOW, PAIR, TRICKY, tmx, tu } from '../testing/tmxSamples.js';
import { TmxScanFallback } from './tmxExactScan.js';
import { tmxExactFills, type FillableParagraph } from './tmxExactFills.js';
import { buildTmxSourceIndex } from './tmxSourceIndex.js';

const dir = makeTempDir('verso-tmx-index-');
afterAll(() => removeTempDir(dir));

let files = 0;
const write = (text: string | Buffer): string => {
  const file = path.join(dir, `f${files++}.tmx`);
  fs.writeFileSync(file, text);
  return file;
};
const para = (id: string, source: string): FillableParagraph => ({ id, source, codes: [] });

/** Fills with an index read in pieces of `chunkBytes`, and with the real reader alone. */
async function both(file: string, paragraphs: FillableParagraph[], chunkBytes?: number) {
  const index = buildTmxSourceIndex(file, 'en', chunkBytes ? { chunkBytes } : {}).catch((err: unknown) => {
    if (err instanceof TmxScanFallback) return err;
    throw err;
  });
  const fast = await tmxExactFills(file, paragraphs, PAIR, NOW, { index });
  const full = await tmxExactFills(file, paragraphs, PAIR, NOW, { fast: false });
  return { fast, full, index: await index };
}

describe('tmxExactFills with the index of the file', () => {
  const paragraphs = [
    para('plain', 'Plain text, nothing special.'),
    para('amp', 'Fish & chips <3 > "quoted" \'it\''),
    para('accent', 'Café and café and café'),
    para('bold', 'Bold word here.'),
    para('hi', 'Highlighted words stay.'),
    para('cdata', 'CDATA <b>raw</b> & more here.'),
    para('comment', 'A comment inside.'),
    para('variant', 'Only in en-US.'),
    para('newest', 'Two translations.'),
    para('japanese', '日本語のテキスト。'),
    para('none', 'Nobody translated this.'),
  ];
  const body = [
    ...TRICKY.map((c, i) => tu(c, `t${i} é`)),
    '<!-- a comment between units, with </tu> in it -->\n',
    tu('Only in en-US.', 'Solo en-US.', 'en-US', 'es'),
    tu('Only in en-US.', 'Not a source', 'es', 'en'),
    tu('Two translations.', 'Primera.'),
    tu('Two translations.', 'Segunda.'),
    tu('Two translations.', 'Primera.'),
    `<tu><tuv lang="EN"><seg>Plain text, nothing special.</seg></tuv><tuv lang="es"><seg>TMX 1.1</seg></tuv></tu>\n`,
    ...Array.from({ length: 300 }, (_, i) => tu(`Noise ${i} of the sort no paragraph has.`, `Ruido ${i} ñ.`)),
    `<tu tuid="x" ><tuv xml:lang="fr"><seg>Plain text, nothing special.</seg></tuv></tu >\n`,
  ].join('');
  const file = write(tmx(body));

  it('fills what the real reader fills, the file read in pieces of any size (a character, a tag or a <seg> cut)', async () => {
    const sizes = [...Array.from({ length: 40 }, (_, i) => i + 1), 61, 64, 127, 300, 1000, 4 * 1024 * 1024];
    for (const size of sizes) {
      const { fast, full, index } = await both(file, paragraphs, size);
      expect(index, `pieces of ${size}`).not.toBeInstanceOf(TmxScanFallback);
      // 'bold', 'hi': the unit's formatting differs from the plain paragraph's (99 %); 'none': no unit.
      expect([...full.matches.keys()].sort()).toEqual(['accent', 'amp', 'cdata', 'comment', 'japanese', 'newest', 'plain', 'variant']);
      expect(full.matches.get('newest')?.target).toBe('Segunda.');
      expect(fast.matches, `pieces of ${size}`).toEqual(full.matches);
      expect(fast.fast).toBe(true);
      // Only candidates reach the real reader: not the 300 noise units.
      expect(fast.parsed).toBeLessThan(40);
      expect(fast.tus).toBe(TRICKY.length + 307);
      expect(fast.tus).toBe(full.tus);
    }
  });

  it('builds an index of a few bytes a unit, the same whatever the pieces', async () => {
    const whole = await buildTmxSourceIndex(file, 'en');
    const small = await buildTmxSourceIndex(file, 'en', { chunkBytes: 5 });
    expect(small).toEqual(whole);
    expect(whole.units).toBe(TRICKY.length + 307);
    const bytes = [whole.unitStart, whole.unitLength, whole.hashes, whole.hashUnits, whole.unsure].reduce((n, a) => n + a.byteLength, 0);
    expect(bytes / whole.units).toBeLessThan(24);
    // The units of the odd segments are unsure (CDATA, comment, <sub>, unknown entity…), the rest are hashed.
    expect(whole.unsure.length).toBeGreaterThan(0);
    expect(whole.unsure.length).toBeLessThan(10);
  });
});

/** A generated file: units with entities, inline codes, comments, CDATA, several source variants, non-ASCII text. */
function corpus(seed: number) {
  const rand = mulberry32(seed);
  const words = 'the storm río council roads café closed opened mayor said Monday on in of a new school bridge police night'.split(' ');
  const pick = () => words[Math.floor(rand() * words.length)]!;
  const sentence = () => `${Array.from({ length: 3 + Math.floor(rand() * 8) }, pick).join(' ')}.`;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = Array.from({ length: 60 }, (_, i) => para(String(i), i % 9 === 0 ? `${sentence()} Fish & chips.` : sentence()));
  const units: string[] = [];
  const tuv = (lang: string, seg: string) => `<tuv xml:lang="${lang}"><seg>${seg}</seg></tuv>`;
  for (let k = 0; k < 400; k++) {
    const p = paragraphs[Math.floor(rand() * paragraphs.length)]!.source;
    const source = rand() < 0.5 ? escape(p) : escape(sentence());
    const kind = Math.floor(rand() * 9);
    const seg = [
      source,
      source.replace(/ /g, '  \n '),
      source.replace(/e/g, '&#101;'),
      `<![CDATA[${source.replace(/&amp;/g, '&').replace(/&lt;/g, '<')}]]>`,
      source.replace(' ', ' <ph type="lb"/>'),
      source.replace(/^(\S+)/, '<bpt i="1">&lt;b&gt;</bpt>$1<ept i="1">&lt;/b&gt;</ept>'),
      `${source}<!-- c </seg> </tu> -->`,
      source.normalize('NFD'),
      `${source}<![CDATA[ </tu> ]]>`,
    ][kind]!;
    const variants = rand() < 0.2 ? [tuv('en-US', seg), tuv('en-GB', escape(sentence()))] : [tuv(rand() < 0.1 ? 'fr' : 'en', seg)];
    units.push(`<tu tuid="${k}">${variants.join('')}${tuv('es', `ES ${k} ñ`)}</tu>\n`);
    if (rand() < 0.05) units.push('<!-- between -->\n');
  }
  return { paragraphs, text: `${HEAD}${units.join('')}</body>\n</tmx>\n` };
}

describe('tmxExactFills on generated files', () => {
  it('fills what the real reader alone fills, in pieces of any size', async () => {
    for (const seed of [1, 2, 3]) {
      const { paragraphs, text } = corpus(seed);
      const file = write(text);
      for (const size of [1, 7, 100, 4096, undefined]) {
        const { fast, full } = await both(file, paragraphs, size);
        expect(fast.fast).toBe(true);
        expect(full.matches.size).toBeGreaterThan(10);
        expect(fast.matches, `seed ${seed}, pieces of ${size}`).toEqual(full.matches);
        expect(fast.parsed).toBeLessThan(full.parsed);
      }
    }
  });

  it('a file damaged half-way fills nothing: the real reader’s error, with its line', async () => {
    const { paragraphs, text } = corpus(4);
    const half = text.indexOf('<tu ', text.length / 2);
    const bytes = Buffer.from(text);
    const at = Buffer.byteLength(text.slice(0, half));
    const cases: [string | Buffer, RegExp][] = [
      [text.slice(0, half + 40), /broken at line \d+/],
      [`${text.slice(0, half)}<tu><tuv xml:lang="en"><seg>Noise</sag></tuv></tu>${text.slice(half)}`, /broken at line \d+/],
      [`${text.slice(0, half)}<tu><tuv xml:lang="en"><seg>Noise</seg></tuv>\n${text.slice(half)}`, /broken at line \d+/],
      [Buffer.concat([bytes.subarray(0, at + 30), Buffer.from([0xc3, 0x28]), bytes.subarray(at + 30)]), /not valid UTF-8/],
      [text.replace('<tmx version', '<!DOCTYPE tmx [<!ENTITY x "y">]>\n<tmx version'), /DTD|entit/i],
    ];
    for (const [content, message] of cases) {
      const file = write(content);
      for (const size of [3, undefined]) {
        const index = buildTmxSourceIndex(file, 'en', size ? { chunkBytes: size } : {}).catch((err: unknown) => err as TmxScanFallback);
        await expect(tmxExactFills(file, paragraphs, PAIR, NOW, { index })).rejects.toThrow(message);
      }
      await expect(tmxExactFills(file, paragraphs, PAIR, NOW, { fast: false })).rejects.toThrow(message);
    }
  });

  it('a file changed after it was indexed is read again whole: the fills of the file as it is now', async () => {
    const first = corpus(5);
    const file = write(first.text.replace('</body>', `${tu('Nobody translated thiz.', 'Nadie.')}</body>`));
    const index = await buildTmxSourceIndex(file, 'en');
    const paragraphs = [...first.paragraphs, para('new', 'Nobody translated this.')];
    // The same size, the same places: only the new text of a unit the index does not know can match.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('thiz.', 'this.'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const got = await tmxExactFills(file, paragraphs, PAIR, NOW, { index: Promise.resolve(index) });
    const full = await tmxExactFills(file, paragraphs, PAIR, NOW, { fast: false });
    expect(got.fast).toBe(false);
    expect(full.matches.get('new')?.target).toBe('Nadie.');
    expect(got.matches).toEqual(full.matches);
    // Another file altogether.
    const second = corpus(6);
    fs.writeFileSync(file, second.text);
    const again = await tmxExactFills(file, second.paragraphs, PAIR, NOW, { index: Promise.resolve(index) });
    expect(again.matches).toEqual((await tmxExactFills(file, second.paragraphs, PAIR, NOW, { fast: false })).matches);
    // An index of another source language is not used either.
    const spanish = await buildTmxSourceIndex(file, 'es');
    expect((await tmxExactFills(file, second.paragraphs, PAIR, NOW, { index: Promise.resolve(spanish) })).fast).toBe(false);
  });
});

describe('buildTmxSourceIndex', () => {
  it('gives up (the real reader reads the file) on what it is not sure of', async () => {
    const cases: (string | Buffer)[] = [
      `<?xml version="1.0"?><!-- <body> --><tmx version="1.4"><header/><body>${tu('a', 'b')}</body></tmx>`,
      tmx(`${tu('a', 'b')}stray text`),
      tmx(`<tu><tuv xml:lang="en"><seg>cut`),
      `${HEAD}${tu('a', 'b')}`,
      tmx(`${tu('a', 'b').replace('</tu>', '</tu x="1">')}${tu('c', 'd')}`),
      tmx(`<tu><tuv xml:lang="en"><seg>a</seg></tuv><!DOCTYPE x></tu>`),
      tmx(tu('a', 'b')).replace('<body>', '<body/>'),
      tmx(`<!-- ${'x'.repeat(9_000_000)} -->${tu('a', 'b')}`), // held whole: too big
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tmx(tu('a', 'b')), 'utf16le')]),
      Buffer.from(tmx(tu('caf\u00e9', 'b')), 'latin1'),
      '',
    ];
    for (const c of cases) {
      const file = write(c);
      for (const chunkBytes of c.length > 1e6 ? [1 << 20] : [1, 4096])
        await expect(buildTmxSourceIndex(file, 'en', { chunkBytes }), String(c)).rejects.toThrow(TmxScanFallback);
    }
  });

  it('reads a UTF-8 file with a byte-order mark, and units spread over lines with attributes', async () => {
    const body = `<tu\n tuid="1"\n>\n <tuv xml:lang='en' ><seg\n>Plain text, nothing special.</seg\n></tuv>\n <tuv xml:lang="es"><seg>Es.</seg></tuv>\n</tu\n>\n`;
    const file = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tmx(body))]));
    for (const size of [1, 2, 3, 4, 4096]) {
      const { fast, full } = await both(file, [para('p', 'Plain text, nothing special.')], size);
      expect(full.matches.get('p')?.target).toBe('Es.');
      expect(fast.fast).toBe(true);
      expect(fast.matches).toEqual(full.matches);
    }
  });
});
