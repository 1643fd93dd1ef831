import { describe, expect, it } from 'vitest';
import { closeToken, openToken, soloToken, type InlineCode } from '../inline/inlineCodes.js';
import { mapOntoSentence, pairWithOwnCodes } from './sentenceCodes.js';

const codes: InlineCode[] = [{ type: 'bold' }, { type: 'link', href: 'https://example.org' }, { type: 'break' }];

describe('inline codes of a sentence', () => {
  it('renumbers a sentence pair’s codes from 0 and keeps only those it holds', () => {
    const source = `Read ${openToken(1)}this${closeToken(1)}.${soloToken(2)}`;
    const target = `Lee ${openToken(1)}esto${closeToken(1)}.${soloToken(2)}`;
    expect(pairWithOwnCodes(source, target, codes)).toEqual({
      source: `Read ${openToken(0)}this${closeToken(0)}.${soloToken(1)}`,
      target: `Lee ${openToken(0)}esto${closeToken(0)}.${soloToken(1)}`,
      codes: [codes[1], codes[2]],
    });
    expect(pairWithOwnCodes('No codes.', 'Sin códigos.', codes)).toEqual({ source: 'No codes.', target: 'Sin códigos.', codes: [] });
  });

  it('maps a unit’s tokens onto the paragraph sentence’s codes by kind, in paragraph numbering', () => {
    const unitCodes: InlineCode[] = [{ type: 'link', href: 'https://other.example' }];
    const target = `Lee ${openToken(0)}esto${closeToken(0)}.`;
    const sentence = `Read ${openToken(1)}this${closeToken(1)}.`;
    expect(mapOntoSentence(target, unitCodes, sentence, codes)).toBe(`Lee ${openToken(1)}esto${closeToken(1)}.`);
  });

  it('drops a unit token the sentence has no counterpart for', () => {
    const unitCodes: InlineCode[] = [{ type: 'italic' }];
    expect(mapOntoSentence(`Hola ${openToken(0)}mundo${closeToken(0)}.`, unitCodes, 'Hello world.', codes)).toBe('Hola mundo.');
  });
});
