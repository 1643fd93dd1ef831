import { describe, expect, it } from 'vitest';
import { cleanReply, judgeReply, scriptOf } from './openAiReply.js';

const SOURCE = 'The Chinese e-commerce giant Alibaba denied a report on Saturday.';
const SPANISH = 'El gigante chino del comercio electrónico Alibaba desmintió un informe el sábado.';

describe('cleanReply', () => {
  it.each([
    [`"${SPANISH}"`],
    [`“${SPANISH}”`],
    [`«${SPANISH}»`],
    [`Here is the translation:\n\n${SPANISH}`],
    [`Sure! Here's the Spanish translation:\n${SPANISH}`],
    [`Translation: ${SPANISH}`],
    [`**Traducción:** ${SPANISH}`],
    [`\`\`\`\n${SPANISH}\n\`\`\``],
    [`<think>The user wants Spanish. Let me think.</think>\n${SPANISH}`],
    [`${SPANISH}\n\nNote: "Alibaba" is a proper name and was kept.`],
    [`Here is the translation:\n"${SPANISH}"`],
  ])('keeps only the translation of %j', (reply) => {
    expect(cleanReply(reply, SOURCE)).toBe(SPANISH);
  });

  it('keeps quotes and labels that belong to the source', () => {
    expect(cleanReply('“Es falso”, dijo.', '“It is false,” he said.')).toBe('“Es falso”, dijo.');
    expect(cleanReply('"Falso"', '"False"')).toBe('"Falso"');
    expect(cleanReply('Nota: el texto sigue.', 'Note: the text goes on.')).toBe('Nota: el texto sigue.');
    expect(cleanReply('"Uno" y "dos"', 'One and two')).toBe('"Uno" y "dos"');
  });
});

describe('judgeReply', () => {
  it('accepts a translation into the target language', () => {
    expect(judgeReply(`Here is the translation: ${SPANISH}`, SOURCE, 'en', 'es')).toEqual({
      ok: true,
      text: `Here is the translation: ${SPANISH}`,
    });
    expect(judgeReply(`Here is the translation:\n${SPANISH}`, SOURCE, 'en', 'es')).toEqual({ ok: true, text: SPANISH });
    expect(judgeReply('阿里巴巴否认了报道。', 'Alibaba denied the report on Saturday.', 'en', 'zh-Hans')).toMatchObject({ ok: true });
    expect(judgeReply('Alibaba', 'Alibaba', 'en', 'es')).toMatchObject({ ok: true });
  });

  it('rejects replies that are not a translation', () => {
    expect(judgeReply('', SOURCE, 'en', 'es')).toMatchObject({ ok: false, reason: 'empty' });
    expect(judgeReply('"  "', SOURCE, 'en', 'es')).toMatchObject({ ok: false, reason: 'empty' });
    expect(judgeReply(SOURCE, SOURCE, 'en', 'es')).toMatchObject({ ok: false, reason: 'identical' });
    expect(judgeReply('Sí.', SOURCE, 'en', 'es')).toMatchObject({ ok: false, reason: 'length' });
    expect(judgeReply(`${SPANISH} `.repeat(6), SOURCE, 'en', 'es')).toMatchObject({ ok: false, reason: 'length' });
    expect(judgeReply('The Chinese giant Alibaba denied the report in the newspaper on Saturday.', SOURCE, 'en', 'ru')).toMatchObject({
      ok: false,
      reason: 'script',
    });
    expect(judgeReply('Alibaba said that the report was false and that it will go to the courts.', SOURCE, 'en', 'de')).toMatchObject({
      ok: false,
      reason: 'language',
    });
  });

  it('knows the script of the target languages', () => {
    expect(scriptOf('ru')).toBe('Cyrillic');
    expect(scriptOf('zh-Hant')).toBe('Han');
    expect(scriptOf('pt-BR')).toBe('Latin');
    expect(scriptOf('ar')).toBe('Arabic');
  });
});
