import { describe, expect, it } from 'vitest';
import { closeToken as c, openToken as o, soloToken as s, type InlineCode } from '../inline/inlineCodes.js';
import { FORMAT_PENALTY, formattingDiffers, formattingSignature, mapUnitTokens, withFormatPenalty } from './formatting.js';
import { matchScore, matchTokens, withoutCodes } from './matchScore.js';

const BOLD: InlineCode = { type: 'bold' };
const ITALIC: InlineCode = { type: 'italic' };
const link = (href: string): InlineCode => ({ type: 'link', href });

describe('matching with inline codes abstracted', () => {
  it('leaves paired placeholders out and lets a standalone one separate words', () => {
    expect(withoutCodes(`re${o(0)}launch${c(0)}ed a${s(1)}b`)).toBe('relaunched a b');
    expect(matchTokens(`See ${o(0)}the report${c(0)}.`, 'en')).toEqual(['See', 'the', 'report', '.']);
  });

  it('a text that differs only in its formatting is a match on its words (100 before the penalty)', () => {
    expect(matchScore(`The bank opened ${o(0)}a branch${c(0)} in Madrid.`, 'The bank opened a branch in Madrid.', 'en')).toBe(100);
    expect(matchScore(`The ${o(0)}bank${c(0)} opened.`, `The bank ${o(0)}opened${c(0)}.`, 'en')).toBe(100);
  });
});

describe('the formatting penalty', () => {
  const unit = { source: `The ${o(0)}bank${c(0)} opened ${o(1)}a branch${c(1)}.`, codes: [BOLD, link('https://a.example')] };

  it('compares the sequence of tokens by kind and role, not link targets', () => {
    expect(formattingSignature(unit.source, unit.codes)).toBe('open:bold close:bold open:link close:link');
    expect(
      formattingDiffers(unit, {
        source: `The ${o(0)}bank${c(0)} opened ${o(1)}a branch${c(1)}.`,
        codes: [BOLD, link('https://b.example')],
      }),
    ).toBe(false);
    expect(
      formattingDiffers(unit, {
        source: `The ${o(0)}bank${c(0)} opened ${o(1)}a branch${c(1)}.`,
        codes: [ITALIC, link('https://a.example')],
      }),
    ).toBe(true);
    expect(formattingDiffers(unit, { source: 'The bank opened a branch.' })).toBe(true);
    expect(formattingDiffers({ source: 'Plain.' }, { source: 'Plain.', codes: [] })).toBe(false);
  });

  it('takes FORMAT_PENALTY points when the formatting differs: formatting-only differences are 99 %', () => {
    expect(FORMAT_PENALTY).toBe(1);
    expect(withFormatPenalty(100, unit, { source: 'The bank opened a branch.' })).toBe(99);
    expect(withFormatPenalty(87, unit, { source: 'The bank opened a branch.' })).toBe(86);
    expect(withFormatPenalty(100, unit, { source: unit.source, codes: [BOLD, link('https://elsewhere.example')] })).toBe(100);
    expect(withFormatPenalty(0, unit, { source: 'x' })).toBe(0);
  });
});

describe("a unit's tokens mapped onto the paragraph's own codes", () => {
  it('by kind and order: the paragraph keeps its own link targets', () => {
    const target = `El ${o(0)}banco${c(0)} abrió ${o(1)}una sucursal${c(1)}.`;
    expect(mapUnitTokens(target, [BOLD, link('https://a.example')], [link('https://mine.example'), BOLD])).toBe(
      `El ${o(1)}banco${c(1)} abrió ${o(0)}una sucursal${c(0)}.`,
    );
    // The second link of the unit is the second link of the paragraph.
    const two = `${o(0)}uno${c(0)} y ${o(1)}dos${c(1)}`;
    expect(mapUnitTokens(two, [link('a'), link('b')], [BOLD, link('x'), link('y')])).toBe(`${o(1)}uno${c(1)} y ${o(2)}dos${c(2)}`);
  });

  it('drops unit tokens with no counterpart; the paragraph codes the unit lacks stay missing', () => {
    const target = `El ${o(0)}banco${c(0)} abrió${s(1)} hoy.`;
    expect(mapUnitTokens(target, [ITALIC, { type: 'break' }], [BOLD])).toBe('El banco abrió hoy.');
    expect(mapUnitTokens(target, [ITALIC, { type: 'break' }], [{ type: 'break' }, ITALIC])).toBe(
      `El ${o(1)}banco${c(1)} abrió${s(0)} hoy.`,
    );
    // A TMX unit has no codes: placeholders it may hold belong to nothing and are dropped.
    expect(mapUnitTokens(`x${o(3)}y`, [], [BOLD])).toBe('xy');
    expect(mapUnitTokens('Sin formato.', [], [BOLD])).toBe('Sin formato.');
  });

  it('XLIFF codes map by element', () => {
    const g = (id: string): InlineCode => ({ type: 'xliff', element: 'g', attrs: { id }, content: '' });
    const x = (id: string): InlineCode => ({ type: 'xliff', element: 'x', attrs: { id }, content: '' });
    expect(mapUnitTokens(`${s(0)}a ${o(1)}b${c(1)}`, [x('1'), g('2')], [g('7'), x('8')])).toBe(`${s(1)}a ${o(0)}b${c(0)}`);
  });
});

describe('codes compare by meaning across XLIFF 1.2, 2.0 and TMX (issue 14)', () => {
  it('a <g> and a <pc> (or a TMX <bpt>/<ept> pair) are the same formatting; a <ph> and an <x> too; a pair and a standalone are not', () => {
    const g = [{ type: 'xliff' as const, element: 'g' as const, attrs: { id: '1' }, content: '' }];
    const pc = [{ type: 'xliff' as const, element: 'pc' as const, attrs: { id: '7', 'x-tmx': 'bpt' }, content: '&lt;font&gt;' }];
    const x = [{ type: 'xliff' as const, element: 'x' as const, attrs: { id: '1' }, content: '' }];
    const ph = [{ type: 'xliff' as const, element: 'ph' as const, attrs: { 'x-tmx': 'ph' }, content: '&lt;img/&gt;' }];
    const pair = { source: 'a \uE000b\uE100 c' };
    const solo = { source: 'a \uE200 c' };
    expect(formattingDiffers({ ...pair, codes: g }, { ...pair, codes: pc })).toBe(false);
    expect(formattingDiffers({ ...solo, codes: x }, { ...solo, codes: ph })).toBe(false);
    expect(formattingDiffers({ ...pair, codes: g }, { ...pair, codes: [{ type: 'bold' }] })).toBe(true);
  });
});
