/**
 * XLIFF files written for the validity and conversion tests from the XLIFF 1.2 and 2.0
 * specifications (every inline code kind, nested and isolated codes, native data, links, MT
 * candidates, structure), and a converter from what the importer reads to what exporters write.
 */
import type { ParsedImport } from '../../../shared/import/importedDocument.js';
import type { ParagraphStatus } from '../../../shared/types.js';
import type { ExportDocument, ExportParagraph } from '../model.js';
import { sampleExport, sampleParagraphs } from './sampleExport.js';

const HEAD_12 =
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="story.html" source-language="en" target-language="es" datatype="html"><body>';
const TAIL_12 = '</body></file></xliff>';
const unit12 = (id: string, source: string, target?: string, extra = ''): string =>
  `<trans-unit id="${id}"${extra}><source>${source}</source>${target !== undefined ? `<target state="translated">${target}</target>` : ''}</trans-unit>`;

/** XLIFF 1.2: one unit per kind of inline code (1.2 §2.4 inline elements). */
export const FIXTURES_12: Record<string, string> = {
  'g, nested g, x (lb, equiv-text)': unit12(
    '1',
    'A <g id="1" ctype="bold">bold <g id="2" ctype="italic">and italic</g></g> word<x id="3" ctype="lb"/>next <x id="4" equiv-text="•" ctype="x-bullet"/> line.',
    'Una <g id="1" ctype="bold">negrita <g id="2" ctype="italic">y cursiva</g></g> palabra<x id="3" ctype="lb"/>siguiente <x id="4" equiv-text="•" ctype="x-bullet"/> línea.',
  ),
  'ph with native code, ctype image, xid': unit12(
    '2',
    'Logo <ph id="1" ctype="image" equiv-text="[logo]" xid="99">&lt;img src="logo.png"/&gt;</ph> here.',
    'Logo <ph id="1" ctype="image" equiv-text="[logo]" xid="99">&lt;img src="logo.png"/&gt;</ph> aquí.',
  ),
  'bpt/ept link with native <a href>': unit12(
    '3',
    'Read <bpt id="1" ctype="link">&lt;a href="https://example.org/a?b=1&amp;c=2"&gt;</bpt>the report<ept id="1">&lt;/a&gt;</ept> now.',
    'Lea <bpt id="1" ctype="link">&lt;a href="https://example.org/a?b=1&amp;c=2"&gt;</bpt>el informe<ept id="1">&lt;/a&gt;</ept> ya.',
  ),
  'bpt/ept with rid, equiv-text and a <sub>': unit12(
    '4',
    'A <bpt id="5" rid="r1" ctype="x-span" equiv-text="[">&lt;span title="<sub>Tip</sub>"&gt;</bpt>styled<ept id="6" rid="r1" equiv-text="]">&lt;/span&gt;</ept> word.',
    'Una palabra <bpt id="5" rid="r1" ctype="x-span" equiv-text="[">&lt;span title="<sub>Tip</sub>"&gt;</bpt>con estilo<ept id="6" rid="r1" equiv-text="]">&lt;/span&gt;</ept>.',
  ),
  'bx/ex pair by rid, reordered in the target': unit12(
    '5',
    'Start <bx id="1" rid="7" ctype="bold"/>spanning<ex id="2" rid="7"/> end.',
    'Fin <ex id="2" rid="7"/>abarcando<bx id="1" rid="7" ctype="bold"/> inicio.',
  ),
  'isolated bx, isolated ex, it open/close': unit12(
    '6',
    '<ex id="1"/>Tail of a span, <it id="2" pos="open" ctype="italic">&lt;i&gt;</it>head of another <it id="3" pos="close">&lt;/i&gt;</it> and <bx id="4" ctype="underlined"/>open.',
    '<ex id="1"/>Cola, <it id="2" pos="open" ctype="italic">&lt;i&gt;</it>cabeza <it id="3" pos="close">&lt;/i&gt;</it> y <bx id="4" ctype="underlined"/>abierto.',
  ),
  'bpt without ept, g ctype link without data': unit12(
    '7',
    'Broken <bpt id="1">&lt;b&gt;</bpt>bold and <g id="2" ctype="link">a link</g>.',
    undefined,
  ),
  'structure: heading 2, ordered item 3, quote': [
    unit12('8', 'Heading two', 'Título dos', ' restype="x-verso-heading-2"'),
    unit12('9', 'Third item', 'Tercer punto', ' restype="x-verso-list-item-3"'),
    unit12('10', 'A quote <g id="1" ctype="bold">here</g>', 'Una cita <g id="1" ctype="bold">aquí</g>', ' restype="x-verso-quote"'),
  ].join(''),
};

const HEAD_20 =
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f1">';
const TAIL_20 = '</file></xliff>';

/** XLIFF 2.0: one unit per kind of inline code (2.0 §4.2.3, originalData, mtc). */
export const FIXTURES_20: Record<string, string> = {
  'pc fmt b with nested pc link (originalData)': `<unit id="a1"><originalData><data id="d1">&lt;a href="https://example.org/x"&gt;</data><data id="d2">&lt;/a&gt;</data></originalData>
    <segment state="translated"><source>Some <pc id="1" type="fmt" subType="xlf:b">bold <pc id="2" type="link" dataRefStart="d1" dataRefEnd="d2">link</pc></pc> text.</source>
    <target>Un <pc id="1" type="fmt" subType="xlf:b">enlace <pc id="2" type="link" dataRefStart="d1" dataRefEnd="d2">en negrita</pc></pc>.</target></segment></unit>`,
  'ph with dataRef, equiv, disp; ph subType of a tool with a space in its name': `<unit id="a2"><originalData><data id="d1">{{user}}</data></originalData>
    <segment state="translated"><source>Hello <ph id="1" dataRef="d1" equiv="Ana" disp="[user]" type="ui" subType="acme:var"/>, see <ph id="2" type="fmt" subType="xlf:lb"/>below.</source>
    <target>Hola <ph id="1" dataRef="d1" equiv="Ana" disp="[user]" type="ui" subType="acme:var"/>, vea <ph id="2" type="fmt" subType="xlf:lb"/>abajo.</target></segment></unit>`,
  'sc/ec pair with data, isolated sc and ec': `<unit id="a3"><originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">&lt;u&gt;</data></originalData>
    <segment><source><ec id="9" isolated="yes" type="fmt" subType="xlf:i"/>tail <sc id="1" dataRef="d1" type="fmt" subType="xlf:b" canOverlap="yes"/>over<ec startRef="1" dataRef="d2"/> and <sc id="3" isolated="yes" dataRef="d3"/>open.</source></segment></unit>`,
  'MT candidate with its own codes (mtc:match)': `<unit id="a4"><mtc:matches><mtc:match ref="#s1" type="mt" origin="Boo 1.0" subType="boo:engine"><source>Go <pc id="1">now</pc>.</source><target>Ve <pc id="1">ya</pc>.</target></mtc:match></mtc:matches>
    <segment id="s1" state="initial"><source>Go <pc id="1" type="fmt" subType="xlf:i">now</pc>.</source><target>Ve <pc id="1" type="fmt" subType="xlf:i">ya</pc>.</target></segment></unit>`,
  'control character in data, cp in text': `<unit id="a5"><originalData><data id="d1">&lt;br<cp hex="0001"/>/&gt;</data></originalData>
    <segment><source>Odd <ph id="1" dataRef="d1"/> data <cp hex="2122"/>.</source></segment></unit>`,
  'structure: heading 1, unordered item': `<unit id="a6" type="verso:heading-1"><segment><source>Title</source></segment></unit><unit id="a7" type="verso:list-item"><segment><source>Bullet</source></segment></unit>`,
};

export function xliff12File(body: string): string {
  return HEAD_12 + body + TAIL_12;
}
export function xliff20File(body: string): string {
  return HEAD_20 + body + TAIL_20;
}

const mtRecord = (text: string, engineId: string) => ({
  text,
  engineId,
  engineVersion: `${engineId} 1`,
  sourceLang: 'en',
  targetLang: 'es',
  createdAt: '2026-03-01T10:01:00.000Z',
  unknownWords: [],
});

/**
 * An export of what the importer read: each segment a paragraph with its codes and target, with
 * `status` (a target's raw MT also as the paragraph's MT record, so the MT candidate is written).
 */
export function exportOfImport(parsed: ParsedImport, status: ParagraphStatus = 'translated', engineId = 'apertium'): ExportDocument {
  const base = sampleParagraphs()[5]!;
  const paragraphs: ExportParagraph[] = parsed.segments.map((s, index) => {
    const target = s.target?.text ?? s.text;
    return {
      ...base,
      id: `par-${index + 1}`,
      index,
      kind: s.kind,
      marker: s.marker,
      source: s.text,
      target,
      codes: s.codes ?? [],
      status,
      mt: status === 'machine' || status === 'edited' ? mtRecord(target, engineId) : null,
      engineName: status === 'new' ? null : engineId,
    };
  });
  return sampleExport({ paragraphs, footer: null });
}
