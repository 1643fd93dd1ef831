import { describe, expect, it } from 'vitest';
import { escapeXml, escapeXmlAttribute, xmlSafeText } from './escapeXml.js';

describe('escapeXml', () => {
  it('escapes markup characters and both quotes', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it("turns Word's vertical tab and form feed into line feeds", () => {
    expect(escapeXml('one\u000Btwo\u000Cthree')).toBe('one\ntwo\nthree');
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD, never dropping them silently', () => {
    expect(xmlSafeText('a\u0000b\u001Bc\uFFFEd\uD800e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
  });

  it('keeps tab, LF, CR, astral characters and private-use chips', () => {
    expect(xmlSafeText('\t\n\r😀\uE000')).toBe('\t\n\r😀\uE000');
  });

  it('writes attribute whitespace as character references', () => {
    expect(escapeXmlAttribute('a\tb\nc')).toBe('a&#9;b&#10;c');
  });
});
