// What failed in a test run, one line each, read from Vitest's and Playwright's JSON reports:
// scripts/test.mjs names them again just before its summary, since CI keeps only a log's end.
import path from 'node:path';

/** The first line of a failure message, without colours, short enough for a summary. */
function firstLine(message = '') {
  const line =
    String(message)
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, 300);
}
/** Vitest's JSON report: each failed test, and each file that failed without a failed test (it did not load). */
export function vitestFailures(report, root) {
  const out = [];
  for (const file of report.testResults ?? []) {
    const name = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) out.push(`${name} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === 'failed') out.push(`${name}: ${firstLine(file.message)}`);
  }
  return out;
}
/** Playwright's JSON report: each spec that did not end as expected. */
export function playwrightFailures(suites) {
  const out = [];
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const error = spec.tests?.flatMap((t) => t.results ?? []).find((r) => r.error)?.error?.message;
      out.push(`${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
    }
    out.push(...playwrightFailures(suite.suites ?? []));
  }
  return out;
}
