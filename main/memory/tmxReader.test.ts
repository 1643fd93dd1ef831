/** The streaming TMX reader (issue 17): the same units whatever the pieces, clear errors naming where, the safety rules kept. */
import { describe, expect, it } from 'vitest';
import { isServiceError, type ServiceError } from '../core/serviceError.js';
import type { NewTmUnit } from './tmStore.js';
import { TMX_MAX_UNIT_ELEMENTS, TmxReader } from './tmxReader.js';

const pair = { sourceLang: 'en', targetLang: 'es' };
const NOW = '2026-12-03T00:00:00.000Z';

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd">
<tmx version="1.4"><header creationtool="t" srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu creationdate="20261129T081500Z" creationid="ana"><prop type="x-domain">news</prop><note>checked</note>
  <tuv xml:lang="en"><seg>Schrödinger’s café — “naïve” 日本語 🙂 &amp; more</seg></tuv>
  <tuv xml:lang="es"><seg>El café de Schrödinger — «ingenuo» 日本語 🙂 &amp; más</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Start<ept i="1">&lt;/b&gt;</ept> now.<ph type="lb">&lt;br/&gt;</ph></seg></tuv>
  <tuv xml:lang="es-ES"><seg>Pulse <bpt i="1">&lt;b&gt;</bpt>Inicio<ept i="1">&lt;/b&gt;</ept> ya.<ph type="lb">&lt;br/&gt;</ph></seg></tuv></tu>
<tu><tuv xml:lang="en"><seg><![CDATA[A <literal> in CDATA]]></seg></tuv><tuv xml:lang="es"><seg>Un literal</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Seulement en français</seg></tuv></tu>
</body></tmx>`;

function read(pieces: Uint8Array[]): { units: NewTmUnit[]; summary: ReturnType<TmxReader['end']> } {
  const units: NewTmUnit[] = [];
  const reader = new TmxReader(pair, NOW, (u) => units.push(u));
  for (const piece of pieces) reader.writeBytes(piece);
  return { units, summary: reader.end() };
}

function failure(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (err) {
    if (isServiceError(err)) return err;
    throw err;
  }
  throw new Error('no error');
}

const bytes = new TextEncoder().encode(FILE);
const whole = read([bytes]);

describe('TmxReader, fed in pieces', () => {
  it('reads every unit of the pair with its texts, codes, who and when, and counts what it skipped or left out', () => {
    expect(whole.units.map((u) => [u.sourceLang, u.targetLang, u.source])).toEqual([
      ['en', 'es', 'Schrödinger’s café — “naïve” 日本語 🙂 & more'],
      ['en', 'es-ES', expect.stringContaining('Start')],
      ['en', 'es', 'A <literal> in CDATA'],
    ]);
    expect(whole.units[0]).toMatchObject({ createdBy: 'ana', createdAt: '2026-11-29T08:15:00.000Z', origin: 'tmx' });
    expect(whole.units[1]!.codes).toHaveLength(2);
    expect(whole.summary).toEqual({
      units: 3,
      tus: 4,
      skipped: 1,
      languages: ['en', 'es', 'es-ES', 'fr'],
      notKept: { notes: 1, properties: 1, sourceVariants: 0 },
    });
  });

  it('gives the same units whatever the cut: at every byte (inside tags, entities, CDATA and multibyte characters)', () => {
    for (let at = 0; at <= bytes.length; at++) {
      expect(read([bytes.subarray(0, at), bytes.subarray(at)]).units, `cut at byte ${at}`).toEqual(whole.units);
    }
  });

  it('gives the same units when fed one byte at a time, and in random pieces', () => {
    expect(read([...bytes].map((b) => new Uint8Array([b]))).units).toEqual(whole.units);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 20; run++) {
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(random() * 40);
        pieces.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(read(pieces).units).toEqual(whole.units);
    }
  });

  it('reads UTF-16 (with a byte-order mark) cut between the two bytes of a character', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FILE.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
    expect(read([utf16.subarray(0, 1), utf16.subarray(1, 101), utf16.subarray(101)]).units).toEqual(whole.units);
  });
});

describe('TmxReader errors', () => {
  const broken = (body: string) => `<tmx version="1.4"><header srclang="en"/><body>\n${body}</body></tmx>`;
  const good = (i: number) => `<tu><tuv xml:lang="en"><seg>Unit ${i}</seg></tuv><tuv xml:lang="es"><seg>Unidad ${i}</seg></tuv></tu>\n`;

  it('names the line, column and translation unit where a file breaks half-way, after the units before it', () => {
    const text = broken(Array.from({ length: 500 }, (_, i) => good(i)).join('') + '<tu><tuv xml:lang="en"><seg>cut off</tuv></tu>\n');
    const units: NewTmUnit[] = [];
    const reader = new TmxReader(pair, NOW, (u) => units.push(u));
    const err = failure(() => {
      reader.writeBytes(new TextEncoder().encode(text));
      reader.end();
    });
    expect(units).toHaveLength(500);
    expect(err.code).toBe('TMX_INVALID');
    expect(err.details).toMatchObject({ line: 502, unit: 501 });
    expect(err.message).toMatch(/line 502, column \d+ \(translation unit 501\)/);
  });

  it('refuses a truncated file, invalid UTF-8 mid-file, and a unit with too many elements', () => {
    expect(failure(() => read([new TextEncoder().encode(broken(good(1)).slice(0, -20))])).code).toBe('TMX_INVALID');
    const bad = Buffer.concat([Buffer.from(broken(good(1) + '<tu><tuv xml:lang="en"><seg>'), 'utf8'), Buffer.from([0xc3, 0x28])]);
    expect(failure(() => read([bad])).details).toMatchObject({ reason: 'encoding', unit: 2 });
    const many = `<tu>${'<prop type="a">x</prop>'.repeat(TMX_MAX_UNIT_ELEMENTS + 1)}</tu>`;
    expect(failure(() => read([new TextEncoder().encode(broken(many))])).details).toMatchObject({ reason: 'limits' });
  });

  it('keeps the safety rules: an internal subset or entity is refused, an external DTD is never fetched', () => {
    const xxe = `<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>${broken(good(1))}`;
    expect(failure(() => read([new TextEncoder().encode(xxe)])).code).toBe('TMX_DOCTYPE');
    const external = `<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">${broken('<tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu>')}`;
    expect(failure(() => read([new TextEncoder().encode(external)])).code).toBe('TMX_INVALID');
    const deep = '<hi>'.repeat(60) + '</hi>'.repeat(60);
    expect(
      failure(() => read([new TextEncoder().encode(broken(`<tu><tuv xml:lang="en"><seg>${deep}</seg></tuv></tu>`))])).details,
    ).toMatchObject({
      reason: 'limits',
    });
  });
});
