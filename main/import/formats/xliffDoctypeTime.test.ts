/** The XLIFF 1.x DOCTYPE skip over comments before it: a backtracking pattern would hang on this input (it did, before the comment body excluded "-->"). */
import { expect, it } from 'vitest';
import { withoutXliffDoctype } from './xliff.js';

it('many comments and no DOCTYPE: the text comes back as it was, without catastrophic backtracking', () => {
  const comments = '<!-- a --> '.repeat(5000);
  const text = `<?xml version="1.0"?>${comments}<xliff version="1.1"/>`;
  expect(withoutXliffDoctype(text)).toBe(text);
  const withDoctype = `<?xml version="1.0"?><!-- c --><!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "xliff.dtd"><xliff/>`;
  expect(withoutXliffDoctype(withDoctype)).toMatch(/^<\?xml version="1.0"\?><!-- c --> +<xliff\/>$/);
});
