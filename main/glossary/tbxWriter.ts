/**
 * TBX export of one language pair's terms, in either form of TBX-Basic:
 * - `v2`: TBX-Basic in the 2008 form (ISO 30042:2008 core structure, TBXBasiccoreStructV02 /
 *   TBXBasicXCSV02): `<martif type="TBX-Basic">`, `martifHeader`, `termEntry` / `langSet` / `tig` /
 *   `term`. OmegaT 3.6 and translate-toolkit 3.8 read this form (tbxReaders.test.ts proves it).
 * - `v3`: TBX-Basic in the 2019 form (ISO 30042:2019, DCA style): `<tbx>`, `conceptEntry` /
 *   `langSec` / `termSec` / `term`, in the `urn:iso:std:iso:30042:ed-2` namespace.
 *
 * Both carry the same data categories, placed where TBX-Basic puts them: the note on the entry;
 * the definition (`descrip type="definition"`) on the source language's section (Verso's
 * definition describes the source term's concept); the translation as the preferred term
 * (`administrativeStatus` `preferredTerm-admn-sts`) and forbidden variants as deprecated terms;
 * case sensitivity, which has no data category, as `<note>case-sensitive</note>` on the source
 * term. Every text goes through the one XML escaper. A TBX body holds at least one entry, so the
 * caller refuses to export an empty glossary.
 */
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { escapeXml as esc } from '../../shared/xml/escapeXml.js';
import { CASE_SENSITIVE_NOTE } from './tbx.js';

export type TbxVersion = 'v2' | 'v3';

type Pair = { sourceLang: string; targetLang: string };

/** The element names of one TBX version. */
interface Dialect {
  entry: string;
  lang: string;
  termSection: string;
}

const V2: Dialect = { entry: 'termEntry', lang: 'langSet', termSection: 'tig' };
const V3: Dialect = { entry: 'conceptEntry', lang: 'langSec', termSection: 'termSec' };

function header(version: TbxVersion, pair: Pair): string[] {
  const description = `        <p>Verso glossary ${esc(pair.sourceLang)} → ${esc(pair.targetLang)}</p>`;
  if (version === 'v2') {
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
      `<martif type="TBX-Basic" xml:lang="${esc(pair.sourceLang)}">`,
      '  <martifHeader>',
      '    <fileDesc>',
      '      <sourceDesc>',
      description,
      '      </sourceDesc>',
      '    </fileDesc>',
      '    <encodingDesc>',
      '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>',
      '    </encodingDesc>',
      '  </martifHeader>',
    ];
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${esc(pair.sourceLang)}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    description,
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
  ];
}

/** One term section: the term, its administrative status, then its notes (the order TBX requires). */
function termSection(d: Dialect, text: string, status: string | null, notes: readonly string[]): string[] {
  return [
    `          <${d.termSection}>`,
    `            <term>${esc(text)}</term>`,
    ...(status ? [`            <termNote type="administrativeStatus">${status}</termNote>`] : []),
    ...notes.map((n) => `            <note>${esc(n)}</note>`),
    `          </${d.termSection}>`,
  ];
}

function entry(d: Dialect, t: GlossaryTerm, index: number, pair: Pair): string[] {
  return [
    `      <${d.entry} id="c${index + 1}">`,
    ...(t.note !== '' ? [`        <note>${esc(t.note)}</note>`] : []),
    `        <${d.lang} xml:lang="${esc(pair.sourceLang)}">`,
    ...(t.definition !== '' ? [`          <descrip type="definition">${esc(t.definition)}</descrip>`] : []),
    ...termSection(d, t.source, null, t.caseSensitive ? [CASE_SENSITIVE_NOTE] : []),
    `        </${d.lang}>`,
    `        <${d.lang} xml:lang="${esc(pair.targetLang)}">`,
    ...termSection(d, t.target, 'preferredTerm-admn-sts', []),
    ...t.forbidden.flatMap((v) => termSection(d, v, 'deprecatedTerm-admn-sts', [])),
    `        </${d.lang}>`,
    `      </${d.entry}>`,
  ];
}

/** A TBX-Basic document of the pair's terms, in the 2008 (`v2`) or 2019 (`v3`) form. */
export function writeTbx(terms: readonly GlossaryTerm[], pair: Pair, version: TbxVersion): string {
  const d = version === 'v2' ? V2 : V3;
  const root = version === 'v2' ? 'martif' : 'tbx';
  return [
    ...header(version, pair),
    '  <text>',
    '    <body>',
    ...terms.flatMap((t, i) => entry(d, t, i, pair)),
    '    </body>',
    '  </text>',
    `</${root}>`,
    '',
  ].join('\n');
}
