/**
 * `npm run bench:tm -- --vs-omegat` at a tiny size (50 paragraphs, 500 units, 2 rounds): the generator, the
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
  it('Verso and OmegaT fill the same exact matches, the ones the generated data has, in every round', { timeout: 240_000 }, () => {
    const r = spawnSync(
      process.execPath,
      ['scripts/benchTm.mjs', '--vs-omegat', '--rounds', '2', '--settle', '1', '--paragraphs', '50', '--units', '500', '--json'],
      { cwd: root, encoding: 'utf8', timeout: 230_000 },
    );
    expect(r.status, r.stderr + r.stdout).toBe(0);
    type Figures = { filled: number; wallS: number; peakMb: number };
    type Ratios = { wall: number; cpu: number; memory: number };
    const result = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      expected: number;
      rounds: { verso: Figures; omegat: Figures; ratios: Ratios }[];
      medians: Ratios;
      versoStoring: Figures;
      problems: string[];
    };
    expect(result.problems).toEqual([]);
    // 30 % of 50 paragraphs.
    expect(result.expected).toBe(15);
    expect(result.rounds).toHaveLength(2);
    for (const { verso, omegat, ratios } of result.rounds) {
      expect(verso.filled).toBe(15);
      expect(omegat.filled).toBe(15);
      for (const side of [verso, omegat]) expect(side.peakMb).toBeGreaterThan(0);
      expect(ratios.wall).toBeCloseTo(omegat.wallS / verso.wallS, 6);
    }
    // The median of two rounds is their mean.
    const walls = result.rounds.map((x) => x.ratios.wall);
    expect(result.medians.wall).toBeCloseTo((walls[0]! + walls[1]!) / 2, 6);
    expect(result.versoStoring.filled).toBe(15);
    expect(result.versoStoring.peakMb).toBeGreaterThan(0);
    expect(r.stdout).toContain('Verso (round 1): verso import article.txt --source en --target es --prefill-from memory.tmx');
    expect(r.stdout).toContain('OmegaT 3.6 (round 2): omegat <project> --mode=console-translate');
    expect(r.stdout).toContain('medians of 2 rounds');
    expect(r.stdout).toContain('Verso, storing the TMX, whole run');
  });
});
