/** The inline 'strike' code (issue 14: Word strikethrough kept) in every writer. */
import { describe, expect, it } from 'vitest';
import { checkTokens, closeToken, openToken, type InlineCode } from './inlineCodes.js';
import { renderHtml, renderMarkdown, renderPlainText, renderSpans, renderXliff } from './renderInline.js';

const codes: InlineCode[] = [{ type: 'strike' }];
const text = `The bridge is ${openToken(0)}open${closeToken(0)} closed.`;

describe('strikethrough', () => {
  it('is a paired code every writer renders', () => {
    expect(checkTokens(text, codes).ok).toBe(true);
    expect(renderMarkdown(text, codes)).toBe('The bridge is ~~open~~ closed.');
    expect(renderHtml(text, codes)).toBe('The bridge is <s>open</s> closed.');
    expect(renderPlainText(text, codes)).toBe('The bridge is open closed.');
    expect(
      renderSpans(text, codes)
        .filter((s) => s.kind === 'text' && s.strike)
        .map((s) => s.kind === 'text' && s.text),
    ).toEqual(['open']);
    // XLIFF names no strikethrough: formatting with HTML's <s> as its native data.
    expect(renderXliff(text, codes, '1.2')).toBe(
      'The bridge is <bpt id="1" ctype="x-fmt">&lt;s&gt;</bpt>open<ept id="1">&lt;/s&gt;</ept> closed.',
    );
    expect(renderXliff(text, codes, '2.0')).toBe(
      'The bridge is <pc id="1" type="fmt" dataRefStart="d1" dataRefEnd="d1e">open</pc> closed.',
    );
  });
});
