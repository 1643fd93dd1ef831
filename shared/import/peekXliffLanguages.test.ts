import { describe, expect, it } from 'vitest';
import { peekXliffLanguages } from './peekXliffLanguages.js';

describe('peekXliffLanguages', () => {
  it('reads 1.x <file> and 2.0 <xliff> language attributes; anything else gives null', () => {
    expect(
      peekXliffLanguages(
        '<?xml version="1.0"?><xliff version="1.2"><file original="a" source-language="en" target-language=\'ca\' datatype="x"><body/></file></xliff>',
      ),
    ).toEqual({ sourceLang: 'en', targetLang: 'ca' });
    expect(
      peekXliffLanguages(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="pt-BR"><file id="f"/></xliff>',
      ),
    ).toEqual({ sourceLang: 'en-US', targetLang: 'pt-BR' });
    expect(peekXliffLanguages('<xliff version="1.2"><file original="a" source-language="de"><body/></file></xliff>')).toEqual({
      sourceLang: 'de',
      targetLang: null,
    });
    expect(peekXliffLanguages('# Markdown')).toBeNull();
    expect(peekXliffLanguages('<xliff version="1.2"><file original="a"><body/></file></xliff>')).toBeNull();
  });
});
