import { describe, expect, it } from 'vitest';
import { ServiceError } from '../services/serviceError.js';
import { decodeTmx, parseTmx, tmxDate, toTmxDate, writeTmx } from './tmx.js';

const pair = { sourceLang: 'en', targetLang: 'es' };
const NOW = '2026-11-29T00:00:00.000Z';
const wrap = (body: string) => `<tmx version="1.4b"><header srclang="en"/><body>${body}</body></tmx>`;

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) return err.code;
    throw err;
  }
  return 'none';
}

describe('parseTmx', () => {
  it('reads seg text without inline native codes, keeps <hi> text, takes changeid/changedate over creation', () => {
    const parsed = parseTmx(
      wrap(`<tu creationid="a" changeid="b" creationdate="20200101T000000Z" changedate="20210203T040506Z">
        <tuv xml:lang="en-GB"><seg>Press <bpt i="1">&lt;b&gt;</bpt><hi>Start</hi><ept i="1">&lt;/b&gt;</ept> now<ph>&lt;br/&gt;</ph>.</seg></tuv>
        <tuv xml:lang="es-MX"><seg><![CDATA[Pulse «Start» ahora.]]></seg></tuv></tu>`),
      pair,
      NOW,
    );
    expect(parsed.units).toEqual([
      { sourceLang: 'en-GB', targetLang: 'es-MX', source: 'Press Start now.', target: 'Pulse «Start» ahora.', origin: 'tmx', createdBy: 'b', createdAt: '2021-02-03T04:05:06.000Z' },
    ]);
  });
  it('accepts TMX 1.1 lang attributes and counts units without both languages as skipped', () => {
    const parsed = parseTmx(
      `<tmx version="1.1"><body><tu><tuv lang="EN"><seg>Hi</seg></tuv><tuv lang="ES"><seg>Hola</seg></tuv></tu><tu><tuv lang="EN"><seg>Only</seg></tuv></tu><tu><tuv lang="EN"><seg>Empty</seg></tuv><tuv lang="ES"><seg> </seg></tuv></tu></body></tmx>`,
      pair,
      NOW,
    );
    expect(parsed.units.map((u) => u.target)).toEqual(['Hola']);
    expect(parsed.skipped).toBe(2);
    expect(parsed.units[0]!.createdAt).toBe(NOW);
  });
  it('refuses DTDs with internal subsets or entities, but reads the plain DOCTYPE OmegaT writes', () => {
    expect(parseTmx(`<!DOCTYPE tmx SYSTEM "tmx11.dtd">${wrap('')}`, pair, NOW).units).toEqual([]);
    expect(code(() => parseTmx(`<!DOCTYPE tmx [<!ENTITY a "b">]>${wrap('')}`, pair, NOW))).toBe('TMX_DOCTYPE');
    expect(code(() => parseTmx(`<!DOCTYPE tmx PUBLIC "x" "http://evil/x.dtd">${wrap('')}`, pair, NOW))).toBe('TMX_DOCTYPE');
    expect(code(() => parseTmx(`<!DOCTYPE tmx SYSTEM "http://evil/x.dtd" [<!ENTITY % p SYSTEM "x">]>${wrap('')}`, pair, NOW))).toBe('TMX_DOCTYPE');
  });
  it('refuses broken XML, other roots and versions, tuv without a language, too deep nesting', () => {
    expect(code(() => parseTmx(wrap('<tu><tuv xml:lang="en"><seg>x</tuv></tu>'), pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx('<xliff version="1.2"/>', pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx('<tmx version="2"/>', pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx(wrap('<tu><tuv><seg>x</seg></tuv></tu>'), pair, NOW))).toBe('TMX_INVALID');
    expect(code(() => parseTmx('', pair, NOW))).toBe('TMX_INVALID');
    const deep = '<hi>'.repeat(60) + '</hi>'.repeat(60);
    expect(code(() => parseTmx(wrap(`<tu><tuv xml:lang="en"><seg>${deep}</seg></tuv></tu>`), pair, NOW))).toBe('TMX_INVALID');
  });
});

describe('decodeTmx', () => {
  it('reads UTF-8 and UTF-16 with a byte-order mark; refuses invalid bytes and oversized files', () => {
    expect(decodeTmx(new TextEncoder().encode('<tmx/>'))).toBe('<tmx/>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<tmx/>', 'utf16le')]);
    expect(decodeTmx(utf16)).toBe('<tmx/>');
    expect(code(() => decodeTmx(new Uint8Array([0x3c, 0xc3, 0x28])))).toBe('TMX_INVALID');
    expect(code(() => decodeTmx(new Uint8Array(50 * 1024 * 1024 + 1)))).toBe('TMX_TOO_LARGE');
  });
});

describe('writeTmx', () => {
  it('escapes text and attributes, marks characters XML cannot hold as U+FFFD, and reads back the same units', () => {
    const unit = {
      unitId: 1,
      sourceLang: 'en',
      targetLang: 'ar',
      source: 'Tom & "Jerry" <3\u0001',
      target: 'توم وجيري',
      origin: 'signoff' as const,
      createdBy: 'Ana "A"',
      createdAt: '2026-01-02T03:04:05.000Z',
      documentId: 'd',
      documentTitle: 'News & more',
    };
    const xml = writeTmx([unit], { sourceLang: 'en', targetLang: 'ar' }, '0.1.0');
    expect(xml).toContain('<tmx version="1.4">');
    expect(xml).toContain('creationdate="20260102T030405Z" creationid="Ana &quot;A&quot;"');
    const back = parseTmx(xml, { sourceLang: 'en', targetLang: 'ar' }, NOW);
    expect(back.units).toEqual([
      { sourceLang: 'en', targetLang: 'ar', source: 'Tom & "Jerry" <3\uFFFD', target: 'توم وجيري', origin: 'tmx', createdBy: 'Ana "A"', createdAt: unit.createdAt },
    ]);
  });
  it('converts dates both ways', () => {
    expect(tmxDate('20261129T235959Z')).toBe('2026-11-29T23:59:59.000Z');
    expect(tmxDate('2026-11-29')).toBeNull();
    expect(toTmxDate('2026-11-29T23:59:59.123Z')).toBe('20261129T235959Z');
  });
});
