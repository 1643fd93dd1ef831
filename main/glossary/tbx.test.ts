import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { failure } from '../testing/failure.js';
import { parseTbx, readTbx, tbxLangMatches, TBX_MAX_DEPTH } from './tbx.js';
import { writeTbx } from './tbxWriter.js';

const EN_ES = { sourceLang: 'en', targetLang: 'es' };
const fail = (fn: () => unknown) => failure(Promise.resolve().then(fn));

function term(source: string, target: string, extra: Partial<GlossaryTerm> = {}): GlossaryTerm {
  return {
    id: source,
    sourceLang: 'en',
    targetLang: 'es',
    source,
    target,
    note: '',
    definition: '',
    forbidden: [],
    caseSensitive: false,
    createdAt: 'a',
    updatedAt: 'a',
    ...extra,
  };
}

const V3 = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <descrip type="subjectField">politics</descrip>
      <note>Full name in body text.</note>
      <langSec xml:lang="en">
        <termSec><term>European Union</term><termNote type="partOfSpeech">noun</termNote></termSec>
        <termSec><term>EEC</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="es-ES">
        <termSec><term>UE</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
        <termSec><term>Unión Europea</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="de"><termSec><term>Europäische Union</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>NATO</term><note>case-sensitive</note></termSec></langSec>
      <langSec xml:lang="es"><termSec><term>OTAN</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c3">
      <langSec xml:lang="en"><termSec><term>only English</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;

const V2 = `<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>Old</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <langSet xml:lang="en-US"><tig><term>prime minister</term></tig><ntig><termGrp><term>premier</term></termGrp></ntig></langSet>
      <langSet xml:lang="es"><tig><term>primer ministro</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
    </termEntry>
  </body></text>
</martif>`;

describe('TBX import', () => {
  it('reads TBX v3 (TBX-Basic): preferred target, deprecated variants forbidden, notes, other languages ignored', () => {
    expect(parseTbx(V3, EN_ES)).toEqual([
      {
        row: 1,
        input: {
          source: 'European Union',
          target: 'Unión Europea',
          note: 'Full name in body text.',
          forbidden: ['UE'],
          caseSensitive: false,
        },
        notKept: ['subjectField', 'partOfSpeech'],
      },
      { row: 2, input: { source: 'NATO', target: 'OTAN', note: '', forbidden: [], caseSensitive: true } },
    ]);
    expect(parseTbx(V3, { sourceLang: 'en', targetLang: 'de' }).map((r) => r.input.target)).toEqual(['Europäische Union']);
  });

  it('reads TBX 2008 (martif, termEntry, langSet, tig and ntig); an external DTD reference is never fetched', () => {
    expect(parseTbx(V2, EN_ES).map((r) => [r.input.source, r.input.target])).toEqual([
      ['prime minister', 'primer ministro'],
      ['premier', 'primer ministro'],
    ]);
  });

  it("keeps definitions of TBX 2008 files: the source language's first, else the entry's, else the target language's", () => {
    const martif = (entries: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>${entries}</body></text></martif>`;
    const xml = martif(`
      <termEntry id="a">
        <descrip type="subjectField">economy</descrip>
        <langSet xml:lang="es"><descrip type="definition">Tipo de interés oficial.</descrip><tig><term>tipo de referencia</term></tig></langSet>
        <langSet xml:lang="en"><descrip type="definition">The rate a central bank &amp; its &lt;peers&gt; set.</descrip>
          <tig><term>base rate</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
      </termEntry>
      <termEntry id="b">
        <descripGrp><descrip type="definition">Entry-level definition.</descrip><admin type="source">ISO</admin></descripGrp>
        <langSet xml:lang="en"><tig><term>inflation</term></tig></langSet>
        <langSet xml:lang="es"><descrip type="definition">Definición en español.</descrip><tig><term>inflación</term></tig></langSet>
      </termEntry>
      <termEntry id="c">
        <langSet xml:lang="en"><tig><term>deficit</term></tig></langSet>
        <langSet xml:lang="es"><descripGrp><descrip type="definition">Solo en español.</descrip></descripGrp><tig><term>déficit</term></tig></langSet>
      </termEntry>
      <termEntry id="d">
        <langSet xml:lang="en"><tig><term>bond</term><descrip type="context">A bond was issued.</descrip></tig></langSet>
        <langSet xml:lang="es"><tig><term>bono</term></tig></langSet>
      </termEntry>`);
    expect(parseTbx(xml, EN_ES).map((r) => [r.input.source, r.input.definition])).toEqual([
      ['base rate', 'The rate a central bank & its <peers> set.'],
      ['inflation', 'Entry-level definition.'],
      ['deficit', 'Solo en español.'],
      ['bond', undefined],
    ]);
    // Entries a and b also had a definition in the other language: said as not kept.
    expect(parseTbx(xml, EN_ES).map((r) => (r.notKept ?? []).includes('definition'))).toEqual([true, true, false, false]);
  });

  it('keeps definitions of TBX v3 files, DCA (descrip) and DCT (basic:definition) style', () => {
    const dca = `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>
      <conceptEntry id="c1"><langSec xml:lang="en"><descrip type="definition">Money lent to a government.</descrip><termSec><term>sovereign debt</term></termSec></langSec>
        <langSec xml:lang="es"><termSec><term>deuda soberana</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    expect(parseTbx(dca, EN_ES)[0]?.input.definition).toBe('Money lent to a government.');
    const dct = `<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>
      <conceptEntry id="c1"><langSec xml:lang="en"><basic:definition>A tax on imports.</basic:definition><termSec><term>tariff</term></termSec></langSec>
        <langSec xml:lang="es"><termSec><term>arancel</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    expect(parseTbx(dct, EN_ES)[0]?.input.definition).toBe('A tax on imports.');
  });

  it('names the data categories it does not keep (part of speech, subject field, admin, DCT elements), per entry', () => {
    const xml = `<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>
      <termEntry id="a">
        <descrip type="subjectField">economy</descrip>
        <langSet xml:lang="en"><tig><term>bond</term><termNote type="partOfSpeech">noun</termNote>
          <descripGrp><descrip type="context">A <hi type="italics">bond</hi> was issued.</descrip><admin type="source">Reuters</admin></descripGrp></tig></langSet>
        <langSet xml:lang="es"><tig><term>bono</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><note>Plural: bonos.</note></tig></langSet>
      </termEntry>
      <termEntry id="b">
        <langSet xml:lang="en"><descrip type="definition">A <hi>debt</hi> security.</descrip><tig><term>note</term></tig></langSet>
        <langSet xml:lang="es"><tig><term>pagaré</term></tig></langSet>
      </termEntry></body></text></martif>`;
    expect(parseTbx(xml, EN_ES)).toEqual([
      {
        row: 1,
        input: { source: 'bond', target: 'bono', note: 'Plural: bonos.', forbidden: [], caseSensitive: false },
        notKept: ['subjectField', 'partOfSpeech', 'context', 'source'],
      },
      {
        row: 2,
        input: { source: 'note', target: 'pagaré', note: '', definition: 'A debt security.', forbidden: [], caseSensitive: false },
      },
    ]);
    const dct = `<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic"><text><body>
      <conceptEntry id="c1"><basic:subjectField>trade</basic:subjectField>
        <langSec xml:lang="en"><termSec><term>tariff</term><basic:partOfSpeech>noun</basic:partOfSpeech></termSec></langSec>
        <langSec xml:lang="es"><termSec><term>arancel</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
          <termSec><term>tarifa</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec></langSec></conceptEntry></body></text></tbx>`;
    expect(parseTbx(dct, EN_ES)).toEqual([
      {
        row: 1,
        input: { source: 'tariff', target: 'arancel', note: '', forbidden: ['tarifa'], caseSensitive: false },
        notKept: ['subjectField', 'partOfSpeech'],
      },
    ]);
  });

  it('names a data category only as a short plain name; anything else (bidi, controls, very long) is "other"', () => {
    const entry = (type: string) =>
      `<termEntry><descrip type="${type}">x</descrip><langSet xml:lang="en"><tig><term>a</term></tig></langSet><langSet xml:lang="es"><tig><term>b</term></tig></langSet></termEntry>`;
    const xml = `<martif type="TBX-Basic" xml:lang="en"><text><body>${entry('\u202Eevil')}</body></text></martif>`;
    expect(parseTbx(xml, EN_ES)[0]?.notKept).toEqual(['other']);
    expect(parseTbx(xml.replace('\u202Eevil', 'x'.repeat(61)), EN_ES)[0]?.notKept).toEqual(['other']);
    expect(parseTbx(xml.replace('\u202Eevil', 'geographicalUsage'), EN_ES)[0]?.notKept).toEqual(['geographicalUsage']);
  });

  it('matches language tags with and without region', () => {
    expect(tbxLangMatches('es-ES', 'es')).toBe(true);
    expect(tbxLangMatches('es', 'es-MX')).toBe(true);
    expect(tbxLangMatches('es-ES', 'es-MX')).toBe(false);
    expect(tbxLangMatches('EN_us', 'en-US')).toBe(true);
    expect(tbxLangMatches('en', 'eu')).toBe(false);
  });

  it('counts the entries it leaves out for want of a usable term in the pair', () => {
    // V3: c1 and c2 give rows; c3 has no Spanish term.
    expect(readTbx(V3, EN_ES)).toMatchObject({ skippedEntries: 1 });
    expect(readTbx(V3, EN_ES).rows).toHaveLength(2);
    // For en → de only c1 has a German term.
    expect(readTbx(V3, { sourceLang: 'en', targetLang: 'de' }).skippedEntries).toBe(2);
  });

  it('says when the file has no terms for the pair', async () => {
    expect(await fail(() => parseTbx(V3, { sourceLang: 'fr', targetLang: 'es' }))).toMatchObject({
      code: 'GLOSSARY_IMPORT_EMPTY',
      details: { sourceLang: 'fr', targetLang: 'es' },
    });
  });
});

describe('hostile TBX', () => {
  const wrap = (body: string) => `<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>${body}</body></text></tbx>`;

  it('refuses entity declarations (XXE, billion laughs) before anything is expanded', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    expect(await fail(() => parseTbx(xxe, EN_ES))).toMatchObject({ code: 'GLOSSARY_TBX_ENTITIES' });
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      wrap('<conceptEntry><langSec xml:lang="en"><termSec><term>&c;</term></termSec></langSec></conceptEntry>');
    expect(await fail(() => parseTbx(laughs, EN_ES))).toMatchObject({ code: 'GLOSSARY_TBX_ENTITIES' });
    const parameter = '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]><tbx/>';
    expect(await fail(() => parseTbx(parameter, EN_ES))).toMatchObject({ code: 'GLOSSARY_TBX_ENTITIES' });
  });

  it('refuses an undeclared entity, broken XML, a wrong root and deep nesting with the line', async () => {
    expect(
      await fail(() =>
        parseTbx(wrap('<conceptEntry><langSec xml:lang="en"><termSec><term>&nope;</term></termSec></langSec></conceptEntry>'), EN_ES),
      ),
    ).toMatchObject({
      code: 'GLOSSARY_TBX_INVALID',
    });
    expect(await fail(() => parseTbx('<tbx><text>\n<body></text></tbx>', EN_ES))).toMatchObject({
      code: 'GLOSSARY_TBX_INVALID',
      details: { line: 2 },
    });
    expect(await fail(() => parseTbx('<html><body/></html>', EN_ES))).toMatchObject({ code: 'GLOSSARY_TBX_INVALID' });
    expect(await fail(() => parseTbx('not xml at all', EN_ES))).toMatchObject({ code: 'GLOSSARY_TBX_INVALID' });
    const deep = `<tbx>${'<x>'.repeat(TBX_MAX_DEPTH + 5)}${'</x>'.repeat(TBX_MAX_DEPTH + 5)}</tbx>`;
    expect(await fail(() => parseTbx(deep, EN_ES))).toMatchObject({
      code: 'GLOSSARY_TBX_INVALID',
      details: { reason: expect.stringContaining('nested') },
    });
    expect(
      await fail(() => parseTbx(wrap('<conceptEntry><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>'), EN_ES)),
    ).toMatchObject({
      code: 'GLOSSARY_TBX_INVALID',
      details: { reason: expect.stringContaining('xml:lang') },
    });
    expect(await fail(() => parseTbx(wrap(''), EN_ES))).toMatchObject({ code: 'GLOSSARY_IMPORT_EMPTY' });
  });
});

describe('TBX export', () => {
  const terms = [
    term('European Union', 'Unión Europea', { note: 'A & B <tags> "quoted"', forbidden: ['UE', 'Unión'] }),
    term('NATO', 'OTAN', { caseSensitive: true }),
  ];

  it('writes well-formed TBX-Basic v3 (DCA) with the structure of the standard', () => {
    const xml = writeTbx(terms, EN_ES, 'v3');
    const names: string[] = [];
    let root = '';
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (t) => {
      if (!root) root = `${t.local} ${t.uri} ${t.attributes['type']?.value} ${t.attributes['style']?.value}`;
      names.push(t.local);
    });
    parser.on('error', (e) => {
      throw e;
    });
    parser.write(xml).close();
    expect(root).toBe('tbx urn:iso:std:iso:30042:ed-2 TBX-Basic dca');
    expect(names.filter((n) => n === 'conceptEntry')).toHaveLength(2);
    expect(names.filter((n) => n === 'langSec')).toHaveLength(4);
    expect(names.filter((n) => n === 'termSec')).toHaveLength(6);
    expect(xml).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(xml).toContain('A &amp; B &lt;tags&gt; &quot;quoted&quot;');
  });

  it('round-trips through the importer', () => {
    const back = parseTbx(writeTbx(terms, EN_ES, 'v3'), EN_ES).map((r) => r.input);
    expect(back).toEqual(
      terms.map((t) => ({ source: t.source, target: t.target, note: t.note, forbidden: t.forbidden, caseSensitive: t.caseSensitive })),
    );
  });
});
