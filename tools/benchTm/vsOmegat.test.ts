/**
 * `npm run bench:tm -- --vs-omegat` at a tiny size (50 paragraphs, 500 units): the generator, the
 * Verso pipelines (the bundled CLI: `import --prefill-from` the TMX; TMX import then `import
 * --prefill`; each checked paragraph by paragraph against a draft export) and a real OmegaT 3.6 console run on the same files. No timing is asserted: only that
 * both tools fill exactly the paragraphs the data gives an exact match. OmegaT (Debian package
 * omegat) or GNU time missing makes it fail, never skip.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

describe('bench:tm --vs-omegat', () => {
  it('Verso and OmegaT fill the same exact matches, the ones the generated data has', { timeout: 180_000 }, () => {
    const r = spawnSync(process.execPath, ['scripts/benchTm.mjs', '--vs-omegat', '--paragraphs', '50', '--units', '500', '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const result = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      expected: number;
      verso: { filled: number; wallS: number; peakMb: number };
      versoStoring: { filled: number; wallS: number; peakMb: number };
      omegat: { filled: number; wallS: number; peakMb: number };
      problems: string[];
    };
    expect(result.problems).toEqual([]);
    // 30 % of 50 paragraphs.
    expect(result.expected).toBe(15);
    expect(result.verso.filled).toBe(15);
    expect(result.versoStoring.filled).toBe(15);
    expect(result.omegat.filled).toBe(15);
    for (const side of [result.verso, result.versoStoring, result.omegat]) expect(side.peakMb).toBeGreaterThan(0);
    expect(r.stdout).toContain('Verso: verso import article.txt --source en --target es --prefill-from memory.tmx');
    expect(r.stdout).toContain('Verso, storing the TMX, whole run');
    expect(r.stdout).toContain('OmegaT 3.6: omegat <project> --mode=console-translate');
  });
});
