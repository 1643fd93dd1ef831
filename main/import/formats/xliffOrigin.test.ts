/** Issue 12: the origin of imported translations, read from Verso's files and from other tools' conventions. */
import { describe, expect, it } from 'vitest';
import { parseXliff } from './xliff.js';
import { parseTmx } from '../../memory/tmxReader.js';

const x12 = (units: string, file = 'original="a.txt" source-language="en" target-language="es" datatype="plaintext"', header = '') =>
  `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:okp="okapi-framework:xliff-extensions"><file ${file}>${header}<body>${units}</body></file></xliff>`;
const x20 = (units: string) =>
  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f">${units}</file></xliff>`;
const targets = (xml: string) => parseXliff(xml).segments.map((s) => s.target && { state: s.target.state, origin: s.target.origin });

describe('XLIFF 1.2 origins', () => {
  it('Okapi: an MT <alt-trans> (okp:matchType="MT") makes even a finished target MT, named by its origin', () => {
    const xml = x12(`<trans-unit id="1"><source>Hello.</source><target state="translated">Hola.</target>
      <alt-trans origin="Microsoft-Translator" okp:matchType="MT"><target>Hola.</target></alt-trans></trans-unit>`);
    expect(targets(xml)).toEqual([
      {
        state: 'confirmed',
        origin: { kind: 'mt', engineId: null, engineName: 'Microsoft-Translator', engineVersion: null, at: null, mtText: 'Hola.' },
      },
    ]);
  });
  it('translate-toolkit (po2xliff: approved, state translated, nothing about MT): origin unknown, never human', () => {
    const xml = x12('<trans-unit id="1" approved="yes"><source>Hello.</source><target state="translated">Hola.</target></trans-unit>');
    expect(targets(xml)).toEqual([{ state: 'confirmed', origin: { kind: 'unknown' } }]);
  });
  it('state-qualifier: mt-suggestion is MT from an unnamed engine; leveraged-tm / exact-match are TM', () => {
    const xml =
      x12(`<trans-unit id="1"><source>A.</source><target state="needs-review-translation" state-qualifier="mt-suggestion">a</target></trans-unit>
      <trans-unit id="2"><source>B.</source><target state="needs-review-translation" state-qualifier="leveraged-tm">b</target></trans-unit>
      <trans-unit id="3"><source>C.</source><target state="translated" state-qualifier="exact-match">c</target></trans-unit>`);
    expect(targets(xml)).toEqual([
      { state: 'mt', origin: { kind: 'mt', engineId: null, engineName: null, engineVersion: null, at: null, mtText: null } },
      { state: 'edited', origin: { kind: 'tm' } },
      { state: 'confirmed', origin: { kind: 'tm' } },
    ]);
  });
  it('an <alt-trans> from a TM (not an MT name) leaves the origin unknown; OmegaT as the file tool is not MT', () => {
    const xml = x12(
      '<trans-unit id="1"><source>A.</source><target state="translated">a</target><alt-trans origin="project_save.tmx" match-quality="80"><target>a</target></alt-trans></trans-unit>',
      'original="a.txt" source-language="en" target-language="es" datatype="plaintext" tool-id="o"',
      '<header><tool tool-id="o" tool-name="OmegaT"/></header>',
    );
    expect(targets(xml)).toEqual([{ state: 'confirmed', origin: { kind: 'unknown' } }]);
  });
  it("Verso's own origin note wins (a human translation stays human)", () => {
    const xml = x12(
      '<trans-unit id="1"><source>A.</source><target state="translated">a</target><note from="verso:origin" annotates="target">{"origin":"human"}</note></trans-unit>',
    );
    expect(targets(xml)).toEqual([{ state: 'confirmed', origin: { kind: 'human' } }]);
  });
});

describe('a file translate-toolkit wrote (po2xliff of a PO file with one fuzzy entry, output kept verbatim)', () => {
  const PO2XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
  <file original="a.po" source-language="en-US" datatype="plaintext">
    <body>
      <trans-unit xml:space="preserve" id="3" approved="yes"><source>Hello.</source>
        <target state="translated">Hola.</target>
      </trans-unit>
      <trans-unit xml:space="preserve" id="4" approved="no"><source>Bye.</source>
        <target state="needs-translation">Adios.</target>
      </trans-unit>
    </body>
  </file>
</xliff>`;
  it('says nothing about MT: both origins are unknown; the fuzzy one is an unconfirmed draft', () => {
    expect(targets(PO2XLIFF)).toEqual([
      { state: 'confirmed', origin: { kind: 'unknown' } },
      { state: 'edited', origin: { kind: 'unknown' } },
    ]);
  });
});

describe('XLIFF 2.0 origins', () => {
  it('an <mtc:match type="mt"> names the engine of a final target; a subState ending in :mt says MT', () => {
    const xml =
      x20(`<unit id="u1"><mtc:matches><mtc:match ref="#s1" type="mt" origin="DeepL"><source>A.</source><target>a</target></mtc:match></mtc:matches>
      <segment id="s1" state="final"><source>A.</source><target>a</target></segment></unit>
      <unit id="u2"><segment state="translated" subState="okapi:mt"><source>B.</source><target>b</target></segment></unit>
      <unit id="u3"><mtc:matches><mtc:match ref="#s3" type="tm" origin="memory"><source>C.</source><target>c</target></mtc:match></mtc:matches>
      <segment id="s3" state="translated"><source>C.</source><target>c</target></segment></unit>`);
    expect(targets(xml)).toEqual([
      { state: 'confirmed', origin: { kind: 'mt', engineId: null, engineName: 'DeepL', engineVersion: null, at: null, mtText: 'a' } },
      { state: 'confirmed', origin: { kind: 'mt', engineId: null, engineName: null, engineVersion: null, at: null, mtText: null } },
      { state: 'confirmed', origin: { kind: 'unknown' } },
    ]);
  });
  it("Verso's metadata: engine id, version and time; human stays human", () => {
    const xml =
      x20(`<unit id="u1"><mda:metadata><mda:metaGroup category="verso:provenance" appliesTo="target"><mda:meta type="origin">mt</mda:meta>
      <mda:meta type="engine">apertium</mda:meta><mda:meta type="engineName">Apertium</mda:meta><mda:meta type="engineVersion">3.9</mda:meta><mda:meta type="createdAt">2026-01-01T00:00:00.000Z</mda:meta></mda:metaGroup></mda:metadata>
      <segment state="initial" subState="verso:machine"><source>A.</source><target>a</target></segment></unit>
      <unit id="u2"><mda:metadata><mda:metaGroup category="other"><mda:meta type="origin">mt</mda:meta></mda:metaGroup><mda:metaGroup category="verso:provenance"><mda:meta type="origin">human</mda:meta></mda:metaGroup></mda:metadata>
      <segment state="translated"><source>B.</source><target>b</target></segment></unit>`);
    expect(targets(xml)).toEqual([
      {
        state: 'mt',
        origin: {
          kind: 'mt',
          engineId: 'apertium',
          engineName: 'Apertium',
          engineVersion: '3.9',
          at: '2026-01-01T00:00:00.000Z',
          mtText: null,
        },
      },
      { state: 'confirmed', origin: { kind: 'human' } },
    ]);
  });
});

describe('XLIFF 2.0 from Verso before issue 12', () => {
  it('raw MT written as state="translated" subState="verso:machine" is read as raw MT, not as a confirmed translation', () => {
    const xml =
      x20(`<unit id="u1"><mtc:matches><mtc:match ref="#s1" type="mt" origin="Apertium" subType="verso:apertium"><source>A.</source><target>a</target></mtc:match></mtc:matches>
      <segment id="s1" state="translated" subState="verso:machine"><source>A.</source><target>a</target></segment></unit>`);
    expect(targets(xml)).toEqual([
      { state: 'mt', origin: { kind: 'mt', engineId: 'apertium', engineName: 'Apertium', engineVersion: null, at: null, mtText: 'a' } },
    ]);
  });
});

describe('TMX origins', () => {
  const tmx = (header: string, tus: string) =>
    `<tmx version="1.4"><header ${header} segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>${tus}</body></tmx>`;
  const origins = (xml: string) =>
    parseTmx(xml, { sourceLang: 'en', targetLang: 'es' }, '2026-01-01T00:00:00.000Z').units.map((u) => u.mtOrigin ?? null);
  it('reads Verso props, a target tuv made by an MT engine, and leaves other units as TM', () => {
    const xml = tmx(
      'creationtool="OmegaT" creationtoolversion="3.6"',
      `<tu><prop type="x-verso-origin">mt</prop><prop type="x-verso-engine">apertium</prop><prop type="x-verso-engine-version">3.9</prop><tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="es"><seg>a</seg></tuv></tu>
       <tu><tuv xml:lang="en"><seg>B.</seg></tuv><tuv xml:lang="es" creationtool="Google Translate"><seg>b</seg></tuv></tu>
       <tu><prop type="x-verso-origin">unknown</prop><tuv xml:lang="en"><seg>C.</seg></tuv><tuv xml:lang="es"><seg>c</seg></tuv></tu>
       <tu><tuv xml:lang="en"><seg>D.</seg></tuv><tuv xml:lang="es"><seg>d</seg></tuv></tu>`,
    );
    expect(origins(xml)).toEqual([
      { kind: 'mt', engineId: 'apertium', engineName: null, engineVersion: '3.9', createdAt: null },
      { kind: 'mt', engineId: 'Google Translate', engineName: 'Google Translate', engineVersion: null, createdAt: null },
      { kind: 'unknown' },
      null,
    ]);
  });
  it('a file whose header says an MT engine made it: every unit is MT', () => {
    expect(
      origins(tmx('creationtool="DeepL"', '<tu><tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="es"><seg>a</seg></tuv></tu>')),
    ).toEqual([{ kind: 'mt', engineId: 'DeepL', engineName: 'DeepL', engineVersion: null, createdAt: null }]);
  });
});
