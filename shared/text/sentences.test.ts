import { describe, expect, it } from 'vitest';
import { closeToken, openToken, soloToken } from '../inline/inlineCodes.js';
import { splitSentences } from './sentences.js';

const texts = (text: string, lang: string) => splitSentences(text, lang).map((s) => s.text);

describe('sentence segmentation', () => {
  it.each([
    ['en', 'Dr. Smith arrived. He left.', ['Dr. Smith arrived.', 'He left.']],
    ['en', 'Mr. and Mrs. Jones came, e.g. on Monday. Then rain.', ['Mr. and Mrs. Jones came, e.g. on Monday.', 'Then rain.']],
    ['en', 'J. K. Rowling wrote it. It sold.', ['J. K. Rowling wrote it.', 'It sold.']],
    ['en', 'It costs 3.5 dollars. Prices rose.', ['It costs 3.5 dollars.', 'Prices rose.']],
    ['en', 'Apples, pears etc. are sold here. Not plums.', ['Apples, pears etc. are sold here.', 'Not plums.']],
    ['en', 'We sell fruit etc. Prices vary.', ['We sell fruit etc.', 'Prices vary.']],
    ['en', 'Wait... then he left. It rained.', ['Wait... then he left.', 'It rained.']],
    ['en', 'He said "Stop." Then he left.', ['He said "Stop."', 'Then he left.']],
    ['en', 'She wrote “Stop.” Then left. Is it? Yes! No.', ['She wrote “Stop.”', 'Then left.', 'Is it?', 'Yes!', 'No.']],
    ['en', 'U.S. officials met. They agreed.', ['U.S. officials met.', 'They agreed.']],
    ['en', 'One sentence only.', ['One sentence only.']],
    ['es', 'El Sr. García llegó ayer. La Dra. Pérez no.', ['El Sr. García llegó ayer.', 'La Dra. Pérez no.']],
    ['es', '¿Vienes? ¡Claro que sí! Vale.', ['¿Vienes?', '¡Claro que sí!', 'Vale.']],
    ['de', 'Am 3. Oktober kam er. Dann ging er.', ['Am 3. Oktober kam er.', 'Dann ging er.']],
    ['de', 'Das ist z. B. gut. Dr. Weber sagt das.', ['Das ist z. B. gut.', 'Dr. Weber sagt das.']],
    ['de', 'Er kam usw. und ging. Prof. Kurz blieb.', ['Er kam usw. und ging.', 'Prof. Kurz blieb.']],
    ['fr', 'M. Dupont est là. Quoi ? Il est parti.', ['M. Dupont est là.', 'Quoi ?', 'Il est parti.']],
    ['fr', 'Mme. Martin arrive. Elle part.', ['Mme. Martin arrive.', 'Elle part.']],
    ['pt', 'O Sr. Silva chegou. A Dra. Costa saiu.', ['O Sr. Silva chegou.', 'A Dra. Costa saiu.']],
    ['it', 'Il Sig. Rossi è arrivato. Il Dott. Bianchi no.', ['Il Sig. Rossi è arrivato.', 'Il Dott. Bianchi no.']],
    ['zh', '今天很好。明天也好。', ['今天很好。', '明天也好。']],
    ['ja', '今日は晴れ。明日は雨！', ['今日は晴れ。', '明日は雨！']],
    ['xx-unknown', 'First one. Second one.', ['First one.', 'Second one.']],
  ])('%s: %s', (lang, text, expected) => {
    expect(texts(text, lang)).toEqual(expected);
  });

  it('gives spans into the paragraph, white space between sentences in none', () => {
    const text = '  First one.   Second one.  ';
    const sentences = splitSentences(text, 'en');
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.']);
    expect(sentences.map((s) => s.start)).toEqual([2, 15]);
  });

  it('has no sentence in a blank text', () => {
    expect(splitSentences('   ', 'en')).toEqual([]);
  });

  it('never splits a pair of inline codes, and keeps a close after a period with its sentence', () => {
    const spanning = `${openToken(0)}First. Second.${closeToken(0)} Third.`;
    expect(texts(spanning, 'en')).toEqual([`${openToken(0)}First. Second.${closeToken(0)}`, 'Third.']);
    const closing = `${openToken(0)}Stop.${closeToken(0)} Then go.`;
    expect(texts(closing, 'en')).toEqual([`${openToken(0)}Stop.${closeToken(0)}`, 'Then go.']);
  });

  it('joins a piece with nothing to read (a trailing line-break code) to the sentence before', () => {
    expect(texts(`One. Two. ${soloToken(0)}`, 'en')).toEqual(['One.', `Two. ${soloToken(0)}`]);
  });
});
