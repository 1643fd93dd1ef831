/**
 * `npm test` names what failed just before its summary (scripts/testFailures.mjs): CI keeps only the
 * end of its log, and a run that said "1 failed" without naming it could not be followed up.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Reports {
  vitestFailures: (report: unknown, root: string) => string[];
  playwrightFailures: (suites: unknown[]) => string[];
}

const root = path.resolve(__dirname, '..');
const load = async () => (await import(pathToFileURL(path.join(root, 'scripts/testFailures.mjs')).href)) as Reports;

describe('the failures named before the summary', () => {
  it('Vitest: each failed test with its file and first message line; a file that did not load; passes are not named', async () => {
    const { vitestFailures } = await load();
    const report = {
      testResults: [
        {
          name: path.join(root, 'main/a.test.ts'),
          status: 'failed',
          assertionResults: [
            {
              fullName: 'a > keeps it',
              status: 'failed',
              failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at a.test.ts:3'],
            },
            { fullName: 'a > passes', status: 'passed', failureMessages: [] },
          ],
        },
        { name: path.join(root, 'main/b.test.ts'), status: 'failed', message: '\nError: Cannot find module x', assertionResults: [] },
        { name: path.join(root, 'main/c.test.ts'), status: 'passed', assertionResults: [{ fullName: 'c', status: 'passed' }] },
      ],
    };
    expect(vitestFailures(report, root)).toEqual([
      'main/a.test.ts > a > keeps it: AssertionError: expected 1 to be 2',
      'main/b.test.ts: Error: Cannot find module x',
    ]);
  });

  it('Playwright: each spec that did not end as expected, from nested suites, with its first error line', async () => {
    const { playwrightFailures } = await load();
    const suites = [
      {
        specs: [{ ok: true, title: 'fine', file: 'e2e/a.spec.ts', line: 3, tests: [] }],
        suites: [
          {
            specs: [
              {
                ok: false,
                title: 'the editor sees it',
                file: 'e2e/b.spec.ts',
                line: 12,
                tests: [{ results: [{}, { error: { message: 'Error: Timed out 20000ms\nCall log:' } }] }],
              },
            ],
          },
        ],
      },
    ];
    expect(playwrightFailures(suites)).toEqual(['e2e/b.spec.ts:12 › the editor sees it: Error: Timed out 20000ms']);
  });
});
