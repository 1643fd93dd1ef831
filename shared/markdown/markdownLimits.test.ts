import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMITS, markdownExcess } from './markdownLimits.js';

const ARTICLE = [
  '# Flood waters rise',
  '',
  'Heavy rain caused the river to **burst its banks**, see [the *report*](https://news.example/flood?id=1).',
  '',
  '- More buses',
  '  1. Fewer cars',
  '',
  '> > "We did it," she said.',
].join('\n');

describe('markdownExcess', () => {
  it('lets a real article through', () => {
    expect(markdownExcess(ARTICLE)).toBeNull();
    expect(markdownExcess(`${ARTICLE}\n\n`.repeat(500))).toBeNull();
  });

  it('counts per block of lines: the same markup split by blank lines is fine', () => {
    const unit = '[b](c) ';
    const perBlock = Math.floor(MARKDOWN_LIMITS.brackets / 2);
    expect(markdownExcess(`${unit.repeat(perBlock)}\n\n`.repeat(4))).toBeNull();
    expect(markdownExcess(`${unit.repeat(perBlock)}\n`.repeat(20))).toMatchObject({
      what: 'brackets',
      limit: MARKDOWN_LIMITS.brackets,
      line: 1,
    });
  });

  it('names each limit, and the line where the block starts', () => {
    expect(markdownExcess('['.repeat(200_000))).toMatchObject({ what: 'blockChars', found: 200_001, line: 1 });
    expect(markdownExcess('ok\n\n' + '*a'.repeat(MARKDOWN_LIMITS.emphasisRuns + 1))).toMatchObject({
      what: 'emphasisRuns',
      found: MARKDOWN_LIMITS.emphasisRuns + 1,
      line: 3,
    });
    expect(markdownExcess('_a '.repeat(MARKDOWN_LIMITS.emphasisRuns))).toBeNull();
    expect(markdownExcess('ok\n' + '['.repeat(MARKDOWN_LIMITS.brackets + 1))).toMatchObject({ what: 'brackets', line: 1 });
    expect(markdownExcess('x\n\n\n' + '> '.repeat(MARKDOWN_LIMITS.containerDepth + 1) + 'deep')).toMatchObject({
      what: 'containerDepth',
      line: 4,
    });
    expect(markdownExcess('- 1. '.repeat(MARKDOWN_LIMITS.containerDepth / 2) + 'deep')).toBeNull();
    expect(markdownExcess('>'.repeat(200_000))).toMatchObject({ what: 'containerDepth', found: MARKDOWN_LIMITS.containerDepth + 1 });
  });

  it('bounds the whole article too, naming the line where the limit is crossed', () => {
    const links = '[b](c) '.repeat(500) + '\n\n';
    const blocks = MARKDOWN_LIMITS.documentBrackets / 500;
    expect(markdownExcess(links.repeat(blocks))).toBeNull();
    expect(markdownExcess(links.repeat(blocks) + '[x](y)')).toMatchObject({
      what: 'documentBrackets',
      found: MARKDOWN_LIMITS.documentBrackets + 1,
      line: 2 * blocks + 1,
    });
    const emphasis = '*a* '.repeat(500) + '\n\n';
    const runs = MARKDOWN_LIMITS.documentEmphasisRuns / 1000;
    expect(markdownExcess(emphasis.repeat(runs))).toBeNull();
    expect(markdownExcess(emphasis.repeat(runs) + '_b_')).toMatchObject({
      what: 'documentEmphasisRuns',
      found: MARKDOWN_LIMITS.documentEmphasisRuns + 2,
    });
    const code = '`a` \\. \\, '.repeat(100) + '\n\n';
    const codeBlocks = MARKDOWN_LIMITS.documentCodeMarks / 400;
    expect(markdownExcess(code.repeat(codeBlocks))).toBeNull();
    expect(markdownExcess(code.repeat(codeBlocks) + '\\')).toMatchObject({
      what: 'documentCodeMarks',
      found: MARKDOWN_LIMITS.documentCodeMarks + 1,
    });
  });

  it('reads any line ending, and only spaces and tabs make a blank line', () => {
    const block = '[a] '.repeat(MARKDOWN_LIMITS.brackets / 4);
    expect(markdownExcess(`${block}\r\r${block}\r\n\r\n${block}\n \t\n${block}`)).toBeNull();
    expect(markdownExcess(Array(5).fill(block).join('\n\u00a0\n'))).toMatchObject({ what: 'brackets' });
  });

  it('does not take hyphens, numbers or stars inside text for container markers', () => {
    expect(markdownExcess('-5 degrees, 1.5 million, *stars* and a > b '.repeat(10))).toBeNull();
  });
});
