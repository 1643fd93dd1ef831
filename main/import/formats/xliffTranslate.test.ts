/** XLIFF translate="no" on import: the unit becomes an excluded paragraph (issue 11), inherited from groups and 2.0 files. */
import { describe, expect, it } from 'vitest';
import { parseXliff } from './xliff.js';

const excluded = (xml: string) => parseXliff(xml).segments.map((s) => [s.text, s.excluded === true]);

describe('XLIFF translate="no"', () => {
  it('1.2: on a trans-unit, inherited from a group, and overridden by translate="yes"', () => {
    const xml = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="x" source-language="en" target-language="es" datatype="plaintext"><body>
    <trans-unit id="1"><source>Headline</source></trans-unit>
    <trans-unit id="2" translate="no"><source>Advertisement</source><target>Anuncio</target></trans-unit>
    <group id="g" translate="no">
      <trans-unit id="3"><source>Share</source></trans-unit>
      <trans-unit id="4" translate="yes"><source>Caption</source></trans-unit>
    </group>
    <trans-unit id="5"><source>Body.</source></trans-unit>
  </body></file>
</xliff>`;
    expect(excluded(xml)).toEqual([
      ['Headline', false],
      ['Advertisement', true],
      ['Share', true],
      ['Caption', false],
      ['Body.', false],
    ]);
    // An excluded unit keeps its target.
    expect(parseXliff(xml).segments[1]!.target?.text).toBe('Anuncio');
  });

  it('2.0: on a unit, inherited from a file or group', () => {
    const xml = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="u1"><segment><source>Headline</source></segment></unit>
    <unit id="u2" translate="no"><segment><source>Tweet</source></segment></unit>
    <group id="g1" translate="no"><unit id="u3"><segment><source>Email</source></segment></unit></group>
  </file>
  <file id="f2" translate="no">
    <unit id="u4"><segment><source>1 of 24</source></segment></unit>
    <unit id="u5" translate="yes"><segment><source>Body.</source></segment></unit>
  </file>
</xliff>`;
    expect(excluded(xml)).toEqual([
      ['Headline', false],
      ['Tweet', true],
      ['Email', true],
      ['1 of 24', true],
      ['Body.', false],
    ]);
  });
});
