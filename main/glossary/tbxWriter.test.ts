/**
 * TBX export in both versions: TBX-Basic 2008 (v2, `martif`) and TBX-Basic v3 (DCA), each read
 * back by Verso's importer with definitions, notes, forbidden variants and case sensitivity, and
 * escaping of every text that goes into the XML. The fixtures follow the TBX-Basic specification
 * (ISO 30042:2008 core structure with the TBX-Basic data categories; ISO 30042:2019 DCA style).
 */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { parseTbx } from './tbx.js';
import { writeTbx } from './tbxWriter.js';

const EN_ES = { sourceLang: 'en', targetLang: 'es' };

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

const TERMS = [
  term('European Union', 'Unión Europea', {
    note: 'A & B <tags> "quoted" \'single\'',
    definition: 'Political & economic union of 27 <member> states',
    forbidden: ['UE', 'Unión'],
  }),
  term('NATO', 'OTAN', { caseSensitive: true }),
  term('R&D', 'I+D', { definition: 'Research and development.\nSecond line.' }),
];

/** Element paths (`martif/text/body/termEntry`…) with their attributes, from a strict XML parse. */
function outline(xml: string): { path: string; attrs: Record<string, string> }[] {
  const out: { path: string; attrs: Record<string, string> }[] = [];
  const stack: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (t) => {
    stack.push(t.local);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) attrs[a.prefix ? `${a.prefix}:${a.local}` : a.local] = a.value;
    out.push({ path: stack.join('/'), attrs });
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return out;
}

const asInput = (t: GlossaryTerm) => ({
  source: t.source,
  target: t.target,
  note: t.note,
  ...(t.definition === '' ? {} : { definition: t.definition }),
  forbidden: t.forbidden,
  caseSensitive: t.caseSensitive,
});

describe('TBX-Basic 2008 (v2) export', () => {
  const xml = writeTbx(TERMS, EN_ES, 'v2');

  it('is a TBX-Basic martif document with the 2008 core structure', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n')).toBe(true);
    const els = outline(xml);
    expect(els[0]).toEqual({ path: 'martif', attrs: { type: 'TBX-Basic', 'xml:lang': 'en' } });
    const paths = els.map((e) => e.path);
    expect(paths).toContain('martif/martifHeader/fileDesc/sourceDesc/p');
    expect(els.find((e) => e.path === 'martif/martifHeader/encodingDesc/p')?.attrs).toEqual({ type: 'XCSURI' });
    expect(paths.filter((p) => p === 'martif/text/body/termEntry')).toHaveLength(3);
    expect(paths.filter((p) => p === 'martif/text/body/termEntry/langSet')).toHaveLength(6);
    // Source term, target term and two forbidden variants; NATO 2; R&D 2.
    expect(paths.filter((p) => p === 'martif/text/body/termEntry/langSet/tig/term')).toHaveLength(8);
    // No v3 element sneaks in.
    expect(paths.some((p) => /conceptEntry|langSec|termSec|tbxHeader/.test(p))).toBe(false);
    // The definition is a langSet-level descrip of the source language (TBX-Basic puts it there).
    const definitions = els.filter((e) => e.path === 'martif/text/body/termEntry/langSet/descrip');
    expect(definitions.map((e) => e.attrs)).toEqual([{ type: 'definition' }, { type: 'definition' }]);
    expect(els.filter((e) => e.path.endsWith('/termNote')).every((e) => e.attrs['type'] === 'administrativeStatus')).toBe(true);
  });

  it('uses only TBX-Basic data categories, at the levels and with the picklist values TBX-Basic allows', () => {
    // From the TBX-Basic specification (its XCS, TBXBasicXCSV02): data category → element → levels.
    const allowed: Record<string, { element: string; levels: string[]; values?: string[] }> = {
      definition: { element: 'descrip', levels: ['termEntry', 'langSet'] },
      subjectField: { element: 'descrip', levels: ['termEntry'] },
      context: { element: 'descrip', levels: ['tig'] },
      administrativeStatus: {
        element: 'termNote',
        levels: ['tig'],
        values: [
          'preferredTerm-admn-sts',
          'admittedTerm-admn-sts',
          'notRecommendedTerm-admn-sts',
          'deprecatedTerm-admn-sts',
          'supersededTerm-admn-sts',
        ],
      },
      partOfSpeech: { element: 'termNote', levels: ['tig'], values: ['noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other'] },
    };
    const seen = new Set<string>();
    const stack: string[] = [];
    let open: { category: string; text: string } | null = null;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (t) => {
      const type = t.attributes['type']?.value;
      if (['descrip', 'termNote', 'admin'].includes(t.local)) {
        const rule = allowed[type ?? ''];
        expect(rule, `${t.local} type="${type}"`).toBeDefined();
        expect(rule!.element).toBe(t.local);
        expect(rule!.levels, `${type} in <${stack.at(-1)}>`).toContain(stack.at(-1));
        seen.add(type!);
        open = { category: type!, text: '' };
      }
      // <note> is allowed at every level; nothing else may carry data.
      expect([
        'martif',
        'martifHeader',
        'fileDesc',
        'sourceDesc',
        'encodingDesc',
        'p',
        'text',
        'body',
        'termEntry',
        'langSet',
        'tig',
        'term',
        'note',
        'descrip',
        'termNote',
      ]).toContain(t.local);
      stack.push(t.local);
    });
    parser.on('text', (text) => {
      if (open) open.text += text;
    });
    parser.on('closetag', () => {
      const name = stack.pop();
      if (open && (name === 'descrip' || name === 'termNote')) {
        const values = allowed[open.category]!.values;
        if (values) expect(values).toContain(open.text);
        open = null;
      }
    });
    parser.write(xml).close();
    expect([...seen].sort()).toEqual(['administrativeStatus', 'definition']);
  });

  it('escapes markup characters in terms, notes and definitions', () => {
    expect(xml).toContain('<descrip type="definition">Political &amp; economic union of 27 &lt;member&gt; states</descrip>');
    expect(xml).toContain('<note>A &amp; B &lt;tags&gt; &quot;quoted&quot; &apos;single&apos;</note>');
    expect(xml).toContain('<term>R&amp;D</term>');
    expect(xml).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
  });

  it('writes a character XML cannot carry as a visible replacement, never ill-formed XML', () => {
    const odd = writeTbx([term('bell\u0007', 'campana\u000B', { definition: 'x\u0000y' })], EN_ES, 'v2');
    expect(() => outline(odd)).not.toThrow();
    expect(odd).toContain('<term>bell\uFFFD</term>');
    expect(odd).toContain('<descrip type="definition">x\uFFFDy</descrip>');
  });

  it('round-trips through the importer with definitions, notes, forbidden variants and case sensitivity', () => {
    expect(parseTbx(xml, EN_ES).map((r) => r.input)).toEqual(TERMS.map(asInput));
  });
});

describe('TBX-Basic v3 (DCA) export', () => {
  const xml = writeTbx(TERMS, EN_ES, 'v3');

  it('is a TBX v3 document in the ISO 30042:2019 namespace, DCA style', () => {
    const els = outline(xml);
    expect(els[0]).toEqual({
      path: 'tbx',
      attrs: { type: 'TBX-Basic', style: 'dca', 'xml:lang': 'en', xmlns: 'urn:iso:std:iso:30042:ed-2' },
    });
    const paths = els.map((e) => e.path);
    expect(paths.filter((p) => p === 'tbx/text/body/conceptEntry')).toHaveLength(3);
    expect(paths.filter((p) => p === 'tbx/text/body/conceptEntry/langSec/termSec/term')).toHaveLength(8);
    expect(els.filter((e) => e.path === 'tbx/text/body/conceptEntry/langSec/descrip').map((e) => e.attrs)).toEqual([
      { type: 'definition' },
      { type: 'definition' },
    ]);
    expect(paths.some((p) => /martif|termEntry|langSet|tig/.test(p))).toBe(false);
  });

  it('escapes markup characters', () => {
    expect(xml).toContain('<descrip type="definition">Political &amp; economic union of 27 &lt;member&gt; states</descrip>');
    expect(xml).toContain('<term>R&amp;D</term>');
  });

  it('round-trips through the importer with definitions', () => {
    expect(parseTbx(xml, EN_ES).map((r) => r.input)).toEqual(TERMS.map(asInput));
  });
});
