import { describe, expect, it } from 'vitest';
import { numbersCheck } from './checks.js';
import { numberWordValues, romanNumeralValues, romanValue } from './numberWords.js';
import type { QaContext } from './types.js';

function ctx(source: string, target: string, sourceLang = 'en', targetLang = 'es'): QaContext {
  return { source, target, sourceLang, targetLang, mt: null };
}
const found = (c: QaContext) => numbersCheck.run(c).map((i) => `${i.code} ${i.params.value}`);

describe('Roman numerals', () => {
  it('reads canonical upper-case numerals only', () => {
    expect(romanValue('XIX')).toBe(19);
    expect(romanValue('MCMXCIV')).toBe(1994);
    expect(romanValue('IV')).toBe(4);
    expect(romanValue('IIII')).toBeNull();
    expect(romanValue('VX')).toBeNull();
    expect(romanValue('xix')).toBeNull();
    expect(romanValue('')).toBeNull();
    expect(romanNumeralValues('siglo XIX, Luis XIV y CIVIL')).toEqual(['19', '14']);
  });

  it('"siglo XIX" for "19th century" is not a number error, either way round', () => {
    expect(found(ctx('It dates from the 19th century.', 'Data del siglo XIX.'))).toEqual([]);
    expect(found(ctx('Louis XIV built it.', 'Luis 14 lo construyó.'))).toEqual([]);
    expect(found(ctx('Pope John Paul II visited in 1982.', 'El papa Juan Pablo II visitó en 1982.'))).toEqual([]);
  });

  it('still reports a numeral that stands for another number', () => {
    expect(found(ctx('It dates from the 19th century.', 'Data del siglo XX.'))).toEqual(['numberMissing 19']);
  });

  it('never makes an upper-case word a number of its own', () => {
    // "MIX", "CD", "DC" are valid numerals but only pair off digits the other side lacks.
    expect(found(ctx('The MIX of CD and DC.', 'La MIX de CD y DC.'))).toEqual([]);
    expect(found(ctx('The CD costs 5 euros.', 'El CD cuesta 6 euros.'))).toEqual(['numberMissing 5', 'numberAdded 6']);
  });
});

describe('ordinals and small numbers in words', () => {
  it('digits with ordinal endings are numbers: 1st ↔ 1.º / 1er / 1ª', () => {
    expect(found(ctx('She came 1st.', 'Llegó 1.ª.'))).toEqual([]);
    expect(found(ctx('The 1st place.', 'La 1re place.', 'en', 'fr'))).toEqual([]);
    expect(found(ctx('The 2nd round.', 'Die 2. Runde.', 'en', 'de'))).toEqual([]);
  });

  it('1st ↔ primero / primer / première: a number word pairs off a digit', () => {
    expect(found(ctx('The 1st place went to Spain.', 'El primer puesto fue para España.'))).toEqual([]);
    expect(found(ctx('The 1st of them.', 'La primera de ellas.'))).toEqual([]);
    expect(found(ctx('Le 1er prix.', 'The first prize.', 'fr', 'en'))).toEqual([]);
    expect(found(ctx('Three people came.', '3 personas vinieron.'))).toEqual([]);
    expect(found(ctx('3 people came.', 'Vinieron tres personas.'))).toEqual([]);
    expect(found(ctx('Der 3. Platz.', 'The third place.', 'de', 'en'))).toEqual([]);
    expect(found(ctx('The 2nd place.', 'Die zweite Stelle.', 'en', 'de'))).toEqual([]);
  });

  it('a number word does not excuse a different number', () => {
    expect(found(ctx('3 people came.', 'Vinieron cuatro personas.'))).toEqual(['numberMissing 3']);
  });

  it('words without digits on either side are not checked (second ↔ segundo is out of scope)', () => {
    expect(found(ctx('The second day.', 'El tercer día.'))).toEqual([]);
  });

  it('knows number words per language, whole words only, any case', () => {
    expect(numberWordValues('Primera vez, dos veces; siempre.', 'es')).toEqual(['1', '2']);
    expect(numberWordValues('The first and the Third; someone.', 'en')).toEqual(['1', '3']);
    expect(numberWordValues('zweiten, dritter', 'de')).toEqual(['2', '3']);
    expect(numberWordValues('uno', 'xx')).toEqual([]);
  });
});
