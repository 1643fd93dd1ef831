import { describe, expect, it } from 'vitest';
import { deformat, reformat, stripMarks } from './apertiumFormat.js';

describe('deformat', () => {
  it('escapes the stream-reserved characters and appends the sentence end', () => {
    expect(deformat('a [b] {c} ^d$ @e /f < g> \\h')).toBe('a \\[b\\] \\{c\\} \\^d\\$ \\@e \\/f \\< g\\> \\\\h.[]');
  });
  it('turns whitespace other than one space into superblanks, with a sentence end before blank lines', () => {
    expect(deformat('one  two\tthree\nfour\n\nfive')).toBe('one[  ]two[\t]three[\n]four.[][\n\n]five.[]');
  });
  it('puts *, # and ~ into superblanks so they cannot look like engine marks', () => {
    expect(deformat('5 * 3 #tag ~x')).toBe('5 [*] 3 [#]tag [~]x.[]');
  });
  it('keeps URLs and e-mail addresses out of translation', () => {
    expect(deformat('See https://example.com/a_b?x=1. Or write to desk@news.example.org.')).toBe(
      'See [https://example.com/a_b?x=1]. Or write to [desk@news.example.org]..[]',
    );
    expect(deformat('(www.example.com)')).toBe('([www.example.com]).[]');
  });
  it('keeps markup tags out of translation, with their attributes', () => {
    expect(deformat('A <b>bold</b> <a href="https://x.org/a">link</a><br/>')).toBe(
      'A [<b>]bold[</b>] [<a href="https://x.org/a">]link[</a>][<br/>].[]',
    );
    expect(deformat('3 < 4 and 5 > 2')).toBe('3 \\< 4 and 5 \\> 2.[]');
  });
  it('escapes ] and \\ inside superblanks', () => {
    expect(deformat('http://x.org/a]b\\c')).toBe('[http://x.org/a\\]b\\\\c].[]');
  });
  it('never lets a NUL through (it separates paragraphs)', () => {
    expect(deformat('a\0b')).not.toContain('\0');
  });
});

describe('reformat', () => {
  it('removes the sentence-end marker and keeps the translation’s own punctuation', () => {
    expect(reformat('Hola Mundo..[]')).toEqual({ text: 'Hola Mundo.', unknownWords: [] });
    expect(reformat('Ningún periodo aquí.[]')).toEqual({ text: 'Ningún periodo aquí', unknownWords: [] });
  });
  it('unwraps superblanks and un-escapes characters', () => {
    expect(reformat('Un \\[grupo\\] y\\\\ atrás[\n\n]segunda[  ]línea \\@ [*] 3..[]').text).toBe(
      'Un [grupo] y\\ atrás\n\nsegunda  línea @ * 3.',
    );
  });
  it('strips unknown-word, generation-error and untranslated-lemma marks and records unknown words once', () => {
    const out = reformat('El gigante chino *Alibaba negó #grupo @casa a *Alibaba y *Xi..[]');
    expect(out.text).toBe('El gigante chino Alibaba negó grupo casa a Alibaba y Xi.');
    expect(out.unknownWords).toEqual(['Alibaba', 'Xi']);
  });
  it('tidies spaces left by dropped words but keeps superblank spacing', () => {
    expect(reformat(' Es  vale[   ]ya..[]').text).toBe('Es vale   ya.');
  });
  it('round-trips text through deformat when nothing is translated', () => {
    const text = 'A [b] {c} ^d$ @e /f <g> \\h *i #j ~k\n\nl  m\tn https://x.org/p?q=1 ok.';
    expect(reformat(deformat(text)).text).toBe(text);
  });
  it('strips the marks of apertium-apy text, keeping a star that marks no word', () => {
    expect(stripMarks('El gigante *Alibaba negó #grupo a *Alibaba, 5 * 3 y *Xi.')).toEqual({
      text: 'El gigante Alibaba negó grupo a Alibaba, 5 * 3 y Xi.',
      unknownWords: ['Alibaba', 'Xi'],
    });
  });
});
