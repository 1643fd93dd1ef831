import { describe, expect, it } from 'vitest';
import { mergeWithNext, proposeAlignment, splitAt } from './alignment.js';

const SOURCES = [
  'Flood waters rise in river town',
  'Heavy rain caused the river to burst its banks on Tuesday night, flooding more than 200 homes.',
  'The mayor declared a state of emergency.',
  'Schools will remain closed until Friday, the council said in a statement on Wednesday morning.',
  'Volunteers filled 3,000 sandbags.',
];

describe('proposeAlignment', () => {
  it('pairs 1-1 when the counts agree', () => {
    const t = ['a', 'b'];
    expect(proposeAlignment(['x', 'y'], t)).toEqual({ targets: ['a', 'b'], uncertain: [false, false] });
  });

  it('joins a source paragraph split in two by the translator (1-2), and flags it', () => {
    const translations = [
      'Crecen las aguas en un pueblo ribereño',
      'Las fuertes lluvias desbordaron el río el martes por la noche.',
      'Más de 200 viviendas quedaron inundadas.',
      'El alcalde declaró el estado de emergencia.',
      'Las escuelas permanecerán cerradas hasta el viernes, según un comunicado del ayuntamiento del miércoles por la mañana.',
      'Los voluntarios llenaron 3.000 sacos de arena.',
    ];
    const { targets, uncertain } = proposeAlignment(SOURCES, translations);
    expect(targets).toEqual([translations[0], `${translations[1]} ${translations[2]}`, translations[3], translations[4], translations[5]]);
    expect(uncertain).toEqual([false, true, false, false, false]);
  });

  it('leaves a source paragraph without translation empty (1-0)', () => {
    const translations = [
      'Crecen las aguas en un pueblo ribereño',
      'Las fuertes lluvias desbordaron el río el martes por la noche e inundaron más de 200 viviendas.',
      'Las escuelas permanecerán cerradas hasta el viernes, según un comunicado del ayuntamiento del miércoles por la mañana.',
      'Los voluntarios llenaron 3.000 sacos de arena.',
    ];
    const { targets } = proposeAlignment(SOURCES, translations);
    expect(targets).toHaveLength(SOURCES.length);
    expect(targets[0]).toBe(translations[0]);
    expect(targets[3]).toBe(translations[2]);
    expect(targets[4]).toBe(translations[3]);
    expect(targets.filter((t) => t === '')).toHaveLength(1);
  });

  it('merges and splits rows', () => {
    expect(mergeWithNext(['a', 'b', 'c'], 1)).toEqual(['a', 'b c']);
    expect(mergeWithNext(['a'], 0)).toEqual(['a']);
    expect(splitAt(['One. Two.', 'x'], 0, 4)).toEqual(['One.', 'Two.', 'x']);
  });
});

describe('proposeAlignment on long documents', () => {
  it('aligns 20,000 paragraphs with 20,010 translations (ten split in two by the translator) in a band around the diagonal', () => {
    const sources = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(5 + ((i * 7919) % 60))}end.`);
    const splitAt = new Set(Array.from({ length: 10 }, (_, k) => 1_000 + k * 1_900));
    const translations: string[] = [];
    for (const [i, s] of sources.entries()) {
      const t = `Párrafo ${i}: ${'palabra '.repeat(5 + ((i * 7919) % 60))}fin.`;
      if (!splitAt.has(i)) translations.push(t);
      else translations.push(t.slice(0, t.length / 2), t.slice(t.length / 2));
      void s;
    }
    const { targets, uncertain } = proposeAlignment(sources, translations);
    expect(targets).toHaveLength(20_000);
    for (const i of splitAt) {
      expect(targets[i]!.startsWith(`Párrafo ${i}:`)).toBe(true);
      expect(uncertain[i]).toBe(true);
    }
    expect(uncertain.filter(Boolean)).toHaveLength(10);
    expect(targets.every((t, i) => t.startsWith(`Párrafo ${i}:`))).toBe(true);
  });
});
