/**
 * Issue 14, "0 silent losses" for XLIFF: a unit's notes become comments on its paragraph; what the
 * reader does not keep (alternative translations that are not MT, context, notes outside units,
 * annotations, glossary and module data, binary units) is listed in the import report. Verso's own
 * exports lose nothing. Files written from the XLIFF 1.2 and 2.0 specifications.
 */
import { describe, expect, it } from 'vitest';
import { writeXliff12 } from '../../export/formats/xliff12.js';
import { writeXliff20 } from '../../export/formats/xliff20.js';
import { sampleExport } from '../../export/testing/sampleExport.js';
import { parseXliff } from './xliff.js';

const v12 = (body: string, header = '') =>
  `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es" datatype="plaintext" original="story.txt"><header>${header}</header><body>${body}</body></file></xliff>`;
const v20 = (body: string, fileNotes = '') =>
  `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" srcLang="en" trgLang="es"><file id="f1">${fileNotes}${body}</file></xliff>`;

const entries = (xml: string) => (parseXliff(xml).report?.entries ?? []).map((e) => [e.item, e.kept, e.count, e.paragraphs]);

describe('XLIFF 1.2', () => {
  const xml = v12(
    `<trans-unit id="1"><source>The dam <mrk mtype="term">held</mrk>.</source><target state="translated">La presa resistió.</target>
       <alt-trans origin="TM"><target>La presa aguantó.</target></alt-trans>
       <note from="reviewer">Check the river's name.</note><note>Second note</note>
       <context-group purpose="location"><context context-type="sourcefile">story.txt</context></context-group></trans-unit>
     <trans-unit id="2"><source>Rain fell.</source></trans-unit>
     <trans-unit id="3"><source></source><target>Un texto sin origen</target></trans-unit>
     <bin-unit id="b1" mime-type="image/png"><bin-source><external-file href="map.png"/></bin-source></bin-unit>`,
    '<note>Deadline: noon.</note>',
  );

  it("turns a unit's notes into comments on its paragraph, under who wrote them", () => {
    const segs = parseXliff(xml).segments;
    expect(segs[0]!.comments).toEqual([
      { author: 'XLIFF (reviewer)', at: null, text: "Check the river's name." },
      { author: 'XLIFF', at: null, text: 'Second note' },
    ]);
    expect(segs[0]!.text).toBe('The dam held.');
    expect(segs[1]!.comments).toBeUndefined();
  });

  it('lists everything else it did not keep, with its paragraph', () => {
    expect(parseXliff(xml).report?.format).toBe('xliff');
    expect(entries(xml)).toEqual([
      ['note', true, 2, [1]],
      ['alternative', false, 1, [1]],
      ['context', false, 1, [1]],
      ['fileNote', false, 1, []],
      ['annotation', false, 1, [1]],
      ['binary', false, 1, []],
      ['targetWithoutSource', false, 1, []],
    ]);
  });
});

describe('XLIFF 2.0', () => {
  const xml = v20(
    `<unit id="u1"><notes><note category="terminology">"Presa" is preferred.</note></notes>
       <mda:metadata><mda:metaGroup category="acme"><mda:meta type="owner">desk 4</mda:meta></mda:metaGroup></mda:metadata>
       <gls:glossary><gls:glossEntry><gls:term>dam</gls:term></gls:glossEntry></gls:glossary>
       <segment state="translated"><source>The <mrk id="m1" type="comment" value="which dam?">dam</mrk> held.</source><target>La presa resistió.</target></segment></unit>`,
    '<notes><note>For the web desk.</note></notes>',
  );

  it('turns unit notes into comments and lists glossary, metadata, annotations and file notes', () => {
    const parsed = parseXliff(xml);
    expect(parsed.segments[0]!.comments).toEqual([{ author: 'XLIFF (terminology)', at: null, text: '"Presa" is preferred.' }]);
    expect(parsed.segments[0]!.text).toBe('The dam held.');
    expect(entries(xml)).toEqual([
      ['note', true, 1, [1]],
      ['fileNote', false, 1, []],
      ['annotation', false, 1, [1]],
      ['glossary', false, 1, [1]],
      ['metadata', false, 1, [1]],
    ]);
  });
});

describe("Verso's own XLIFF", () => {
  it.each([
    ['1.2', writeXliff12(sampleExport())],
    ['2.0', writeXliff20(sampleExport())],
  ])('XLIFF %s: nothing to report (its MT record, provenance and structure are all read)', (_version, xml) => {
    expect(parseXliff(xml).report).toBeUndefined();
  });
});
