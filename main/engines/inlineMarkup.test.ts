import { describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, soloToken as s } from '../../shared/inline/inlineCodes.js';
import { deformat, reformat } from './apertiumFormat.js';
import { tokensToXml, xmlToTokens } from './inlineMarkup.js';

describe('inline tokens as XML tags for HTTP engines', () => {
  it('escapes the text and writes tags, and reads them back', () => {
    const text = `A <b> & ${o(0)}bold${c(0)} word${s(1)} ${o(12)}x${c(12)}`;
    const xml = tokensToXml(text);
    expect(xml).toBe('A &lt;b&gt; &amp; <t0>bold</t0> word<x1/> <t12>x</t12>');
    expect(xmlToTokens(xml)).toBe(text);
  });

  it('accepts the spacing engines put into tags, drops stray placeholders and unknown indices, keeps odd entities safe', () => {
    expect(xmlToTokens('Una < t0 >palabra</ t0 > y <x1 />.<x999/>\uE005 &#233; &#xE000; &bogus;')).toBe(
      `Una ${o(0)}palabra${c(0)} y ${s(1)}. é &#xE000; &bogus;`,
    );
  });
});

describe('inline tokens through Apertium’s stream format', () => {
  it('each placeholder becomes a superblank and comes back verbatim', () => {
    const text = `The ${o(0)}river${c(0)} burst${s(1)} its banks.`;
    const stream = deformat(text);
    expect(stream).toBe(`The [${o(0)}]river[${c(0)}] burst[${s(1)}] its banks..[]`);
    expect(reformat(stream).text).toBe(text);
  });
});
