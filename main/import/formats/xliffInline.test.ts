/**
 * Inline codes converted between XLIFF 1.2 and 2.0 by their meaning (shared/inline/xliffCodes.ts,
 * xliffWrite.ts), never by copying attributes: each kind read from one version is written in the
 * other with only what that version defines, and Verso's own codes come back as themselves.
 */
import { describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, soloToken as s, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { renderXliffInline } from '../../../shared/inline/xliffWrite.js';
import { writeXliff12 } from '../../export/formats/xliff12.js';
import { writeXliff20 } from '../../export/formats/xliff20.js';
import { sampleExport, sampleParagraphs } from '../../export/testing/sampleExport.js';
import { xliffRuleErrors } from '../../testing/xliffRules.js';
import { xmlSchemaErrors } from '../../testing/validateXml.js';
import { parseXliff } from './xliff.js';

const file12 = (source: string): string =>
  `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" datatype="html"><body><trans-unit id="1"><source>${source}</source></trans-unit></body></file></xliff>`;
const file20 = (source: string, data = ''): string =>
  `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"><file id="f"><unit id="u">${data ? `<originalData>${data}</originalData>` : ''}<segment><source>${source}</source></segment></unit></file></xliff>`;

/** The source read from `xml`, written again in `version`: content and (2.0) data. */
function convert(xml: string, version: '1.2' | '2.0'): { content: string; data: { id: string; value: string }[] } {
  const seg = parseXliff(xml).segments[0]!;
  return renderXliffInline(seg.text, seg.codes ?? [], version);
}

describe('XLIFF 1.2 → 2.0 by meaning', () => {
  const cases: [string, string, string, { id: string; value: string }[]][] = [
    ['g ctype=bold → pc fmt/xlf:b', 'a <g id="7" ctype="bold">b</g>', 'a <pc id="1" type="fmt" subType="xlf:b">b</pc>', []],
    [
      'g ctype=underlined + equiv-text → pc fmt/xlf:u + equivStart',
      'a <g id="7" ctype="underlined" equiv-text="_">b</g>',
      'a <pc id="1" type="fmt" subType="xlf:u" equivStart="_">b</pc>',
      [],
    ],
    ['x ctype=lb → ph fmt/xlf:lb', 'a<x id="3" ctype="lb"/>b', 'a<ph id="1" type="fmt" subType="xlf:lb"/>b', []],
    [
      'x ctype=x-… + equiv-text + xid → ph other + equiv, no xid',
      'a<x id="3" ctype="x-bullet" equiv-text="•" xid="u9"/>b',
      'a<ph id="1" type="other" equiv="•"/>b',
      [],
    ],
    [
      'ph ctype=image with native code → ph image + dataRef',
      'a<ph id="1" ctype="image" equiv-text="[i]">&lt;img/&gt;</ph>',
      'a<ph id="1" type="image" dataRef="d1" equiv="[i]"/>',
      [{ id: 'd1', value: '<img/>' }],
    ],
    [
      'bpt/ept (rid, equiv-text) → pc with dataRefStart/End, equivStart/End',
      'a <bpt id="5" rid="r" equiv-text="[">&lt;span&gt;</bpt>b<ept id="6" rid="r" equiv-text="]">&lt;/span&gt;</ept>',
      'a <pc id="1" dataRefStart="d1" dataRefEnd="d1e" equivStart="[" equivEnd="]">b</pc>',
      [
        { id: 'd1', value: '<span>' },
        { id: 'd1e', value: '</span>' },
      ],
    ],
    [
      'bx/ex (rid) → sc/ec startRef',
      '<bx id="1" rid="9" ctype="italic"/>a<ex id="2" rid="9"/>',
      '<sc id="1" type="fmt" subType="xlf:i"/>a<ec startRef="1"/>',
      [],
    ],
    ['lone bx, lone ex → isolated sc / ec', '<ex id="4"/>a <bx id="1"/>b', '<ec id="1" isolated="yes"/>a <sc id="2" isolated="yes"/>b', []],
    [
      'it pos=open/close → isolated sc/ec with data',
      '<it id="1" pos="close">&lt;/b&gt;</it>a <it id="2" pos="open" ctype="bold">&lt;b&gt;</it>b',
      '<ec id="1" dataRef="d1" isolated="yes"/>a <sc id="2" type="fmt" subType="xlf:b" dataRef="d2" isolated="yes"/>b',
      [
        { id: 'd1', value: '</b>' },
        { id: 'd2', value: '<b>' },
      ],
    ],
  ];
  for (const [name, source, content, data] of cases) {
    it(name, () => expect(convert(file12(source), '2.0')).toEqual({ content, data }));
  }
});

describe('XLIFF 2.0 → 1.2 by meaning', () => {
  const cases: [string, string, string, string][] = [
    ['pc fmt/xlf:i → g ctype=italic', 'a <pc id="7" type="fmt" subType="xlf:i">b</pc>', '', 'a <g id="1" ctype="italic">b</g>'],
    [
      'pc with data and equivStart/End → bpt/ept with native code and equiv-text',
      'a <pc id="7" dataRefStart="s" dataRefEnd="e" equivStart="[" equivEnd="]" dispStart="x" canOverlap="no">b</pc>',
      '<data id="s">&lt;q&gt;</data><data id="e">&lt;/q&gt;</data>',
      'a <bpt id="1" equiv-text="[">&lt;q&gt;</bpt>b<ept id="1" equiv-text="]">&lt;/q&gt;</ept>',
    ],
    [
      'ph ui + tool subType + disp + dataRef → ph ctype=x-ui, native code, equiv-text; no disp/subType',
      'a<ph id="1" type="ui" subType="acme:var" disp="[u]" equiv="Ana" dataRef="d"/>',
      '<data id="d">{{user}}</data>',
      'a<ph id="1" ctype="x-ui" equiv-text="Ana">{{user}}</ph>',
    ],
    ['ph without data → x', 'a<ph id="1" type="image"/>', '', 'a<x id="1" ctype="image"/>'],
    [
      'a reserved or mistyped xlf: subType is not kept',
      'a<ph id="1" type="ui" subType="xlf:b"/><ph id="2" type="fmt" subType="xlf:zz"/>',
      '',
      'a<x id="1" ctype="x-ui"/><x id="2" ctype="x-fmt"/>',
    ],
    [
      'sc/ec with data → bpt/ept (one id)',
      '<sc id="3" dataRef="b"/>a<ec startRef="3" dataRef="e"/>',
      '<data id="b">&lt;b&gt;</data><data id="e">&lt;/b&gt;</data>',
      '<bpt id="1">&lt;b&gt;</bpt>a<ept id="1">&lt;/b&gt;</ept>',
    ],
    [
      'sc/ec without data → bx/ex linked by rid',
      '<sc id="3" type="fmt" subType="xlf:u"/>a<ec startRef="3"/>',
      '',
      '<bx id="1" rid="1" ctype="underlined"/>a<ex id="2" rid="1"/>',
    ],
    [
      'isolated sc/ec with data → it; without → bx/ex; no isolated attribute',
      '<ec id="8" isolated="yes" dataRef="e"/>a<sc id="9" isolated="yes"/>',
      '<data id="e">&lt;/i&gt;</data>',
      '<it id="1" pos="close">&lt;/i&gt;</it>a<bx id="2"/>',
    ],
  ];
  for (const [name, source, data, content] of cases) {
    it(name, () => expect(convert(file20(source, data), '1.2')).toEqual({ content, data: [] }));
  }
  it('and back: a 2.0 type 1.2 has no ctype for (ui, quote, other) comes back from its x- ctype', () => {
    const there = convert(file20('a<ph id="1" type="ui"/> <pc id="2" type="quote">q</pc>'), '1.2').content;
    expect(there).toBe('a<x id="1" ctype="x-ui"/> <g id="2" ctype="x-quote">q</g>');
    expect(convert(file12(there), '2.0').content).toBe('a<ph id="1" type="ui"/> <pc id="2" type="quote">q</pc>');
  });
});

describe("Verso's own codes survive an XLIFF round trip", () => {
  const codes: InlineCode[] = [
    { type: 'bold' },
    { type: 'italic' },
    { type: 'link', href: 'https://example.org/a?b=1&c="2"' },
    { type: 'code', text: 'x < "y"' },
    { type: 'break' },
    { type: 'strike' },
  ];
  const text = `${o(0)}Bold ${o(1)}both${c(1)}${c(0)} ${o(2)}a link${c(2)} ${s(3)}${s(4)}end ${o(5)}struck${c(5)}`;
  const p = { ...sampleParagraphs()[2]!, kind: 'list-item' as const, marker: '12.', source: text, target: text, codes };
  const doc = sampleExport({ paragraphs: [p, { ...sampleParagraphs()[0]!, index: 1, marker: '4', codes: [] }], footer: null });
  for (const [version, xml] of [
    ['1.2', writeXliff12(doc)],
    ['2.0', writeXliff20(doc)],
  ] as const) {
    it(`XLIFF ${version}: bold, italic, the link's href, inline code, the break and strikethrough come back; so does the structure`, () => {
      expect(xmlSchemaErrors(xml, version === '1.2' ? 'xliff12' : 'xliff20')).toBeNull();
      expect(xliffRuleErrors(xml)).toEqual([]);
      const back = parseXliff(xml).segments;
      expect(back[0]!.codes).toEqual(codes);
      expect(back[0]!.text).toBe(text);
      expect(back[0]!.target?.text).toBe(text);
      expect(back.map((b) => [b.kind, b.marker])).toEqual([
        ['list-item', '12.'],
        ['heading', '4'],
      ]);
    });
  }
  it('a link is carried in the code: 1.2 <bpt>/<ept> native <a href>, 2.0 originalData', () => {
    expect(writeXliff12(doc)).toContain(
      '<bpt id="3" ctype="link">&lt;a href=&quot;https://example.org/a?b=1&amp;amp;c=&amp;quot;2&amp;quot;&quot;&gt;</bpt>a link<ept id="3">&lt;/a&gt;</ept>',
    );
    expect(writeXliff20(doc)).toContain('<pc id="3" type="link" dataRefStart="d3" dataRefEnd="d3e">a link</pc>');
    expect(writeXliff20(doc)).toContain(
      '<data id="d3" xml:space="preserve">&lt;a href=&quot;https://example.org/a?b=1&amp;amp;c=&amp;quot;2&amp;quot;&quot;&gt;</data>',
    );
  });
  it('a code that carries more than Verso writes stays an XLIFF code (nothing lost)', () => {
    const seg = parseXliff(
      file12(
        '<g id="1" ctype="bold" equiv-text="*">b</g> <bpt id="2" ctype="link">&lt;a href="javascript:x()"&gt;</bpt>c<ept id="2">&lt;/a&gt;</ept>',
      ),
    ).segments[0]!;
    expect(seg.codes?.map((k) => k.type)).toEqual(['xliff', 'xliff']);
  });
});

describe('stored rows from before (raw attributes) still export validly', () => {
  it('1.2 attributes on a 2.0 element and 2.0 attributes on a 1.2 element are read for their meaning only', () => {
    const old: InlineCode[] = [
      { type: 'xliff', element: 'ph', attrs: { id: '4', ctype: 'x-var', 'equiv-text': 'N', xid: 'tu9' }, content: '' },
      {
        type: 'xliff',
        element: 'sc',
        attrs: { id: '5', isolated: 'yes', subType: 'verso:Boo 1.0', type: 'fmt', dataRef: 'gone' },
        content: '',
      },
      { type: 'xliff', element: 'bx', attrs: { id: '6', isolated: 'yes', ctype: 'bold' }, content: '' },
    ];
    const t = `a${s(0)} ${s(1)}b ${s(2)}c`;
    expect(renderXliffInline(t, old, '2.0').content).toBe(
      'a<ph id="1" type="other" equiv="N"/> <sc id="2" type="fmt" isolated="yes"/>b <sc id="3" type="fmt" subType="xlf:b" isolated="yes"/>c',
    );
    expect(renderXliffInline(t, old, '1.2').content).toBe(
      'a<x id="1" ctype="x-var" equiv-text="N"/> <bx id="2" ctype="x-fmt"/>b <bx id="3" ctype="bold"/>c',
    );
  });
});
