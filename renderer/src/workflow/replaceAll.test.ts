import { describe, expect, it } from 'vitest';
import { closeToken, openToken } from '../../../shared/inline/inlineCodes.js';
import { compile } from './find.js';
import { expandReplacement, matchCase, replaceAllIn } from './replaceAll.js';

function replace(text: string, query: string, replacement: string, options: { regex?: boolean; caseSensitive?: boolean } = {}) {
  const regex = options.regex ?? false;
  const caseSensitive = options.caseSensitive ?? false;
  const pattern = compile({ query, regex, caseSensitive });
  if (!(pattern instanceof RegExp)) throw new Error('bad pattern');
  return replaceAllIn(text, pattern, replacement, { regex, caseSensitive, lang: 'es' });
}

describe('case-preserving Replace all', () => {
  it('"oficiales" → "funcionarios" keeps a sentence start capitalised', () => {
    expect(replace('Oficiales del puerto dijeron que los oficiales no sabían.', 'oficiales', 'funcionarios')).toEqual({
      text: 'Funcionarios del puerto dijeron que los funcionarios no sabían.',
      count: 2,
      skipped: 0,
    });
    expect(replace('«¿Oficiales?», preguntó.', 'oficiales', 'funcionarios').text).toBe('«¿Funcionarios?», preguntó.');
  });

  it('ALL CAPS stays all caps; Title Case stays Title Case', () => {
    expect(replace('LOS OFICIALES HABLARON', 'oficiales', 'funcionarios').text).toBe('LOS FUNCIONARIOS HABLARON');
    expect(replace('Informe De Los Oficiales Del Puerto', 'oficiales del puerto', 'funcionarios portuarios').text).toBe(
      'Informe De Los Funcionarios Portuarios',
    );
  });

  it('a replacement typed with capitals is used as typed (acronyms, names)', () => {
    expect(replace('las naciones unidas y Naciones Unidas', 'naciones unidas', 'ONU').text).toBe('las ONU y ONU');
  });

  it('"Match case" finds and replaces literally', () => {
    expect(replace('Oficiales y oficiales', 'oficiales', 'funcionarios', { caseSensitive: true })).toEqual({
      text: 'Oficiales y funcionarios',
      count: 1,
      skipped: 0,
    });
  });

  it('regular expressions keep working: $1, named groups, $$, $&, and context (lookbehind) around the match', () => {
    expect(replace('Cuesta 5 euros y 12 euros.', '(\\d+) euros', '$1 €', { regex: true }).text).toBe('Cuesta 5 € y 12 €.');
    expect(replace('Cuesta 5 euros.', '(?<n>\\d+) euros', '$<n>$$', { regex: true }).text).toBe('Cuesta 5$.');
    expect(replace('el perro y un perro', '(?<=el )perro', 'gato', { regex: true }).text).toBe('el gato y un perro');
    expect(replace('Perro', 'perro', '[$&]', { regex: true }).text).toBe('[Perro]');
    // Case is kept for a regex match too.
    expect(replace('Oficiales.', 'ofici(ales)', 'funcionari$1', { regex: true }).text).toBe('Funcionariales.');
  });

  it('never replaces across an inline formatting token, and never writes one', () => {
    const text = `los ${openToken(0)}oficiales${closeToken(0)} y los oficiales`;
    expect(replace(text, 'los .?oficiales', 'X', { regex: true })).toEqual({
      text: `los ${openToken(0)}oficiales${closeToken(0)} y X`,
      count: 1,
      skipped: 1,
    });
    expect(replace('a oficiales', 'oficiales', `fun${openToken(3)}cionarios`).text).toBe('a funcionarios');
  });

  it('ignores empty matches', () => {
    expect(replace('abc', 'x*', '-', { regex: true })).toEqual({ text: 'abc', count: 0, skipped: 0 });
  });
});

describe('matchCase', () => {
  it('adapts a lower-case replacement to the found text', () => {
    expect(matchCase('oficiales', 'funcionarios', 'es')).toBe('funcionarios');
    expect(matchCase('Oficiales', 'funcionarios', 'es')).toBe('Funcionarios');
    expect(matchCase('OFICIALES', 'funcionarios', 'es')).toBe('FUNCIONARIOS');
    expect(matchCase('A', 'un', 'es')).toBe('Un');
    expect(matchCase('123', 'abc', 'es')).toBe('abc');
    expect(matchCase('Istanbul', 'izmir', 'tr')).toBe('İzmir');
  });
});

describe('expandReplacement', () => {
  it('follows the ECMAScript substitution rules', () => {
    const m = { match: 'ab12', captures: ['ab', '12'], position: 2, input: 'xxab12yy', groups: undefined };
    expect(expandReplacement("[$1|$2|$3|$&|$`|$'|$$|$10]", m)).toBe('[ab|12|$3|ab12|xx|yy|$|ab0]');
  });
});
