/** Whether the real Apertium eng-spa pair is here; in CI its absence is an error, never a silent skip. */
import { execFileSync } from 'node:child_process';

export function apertiumEngSpaInstalled(what: string): boolean {
  let ok: boolean;
  try {
    ok = execFileSync('apertium', ['-l'], { encoding: 'utf8' })
      .split('\n')
      .some((l) => l.trim() === 'eng-spa');
  } catch {
    ok = false;
  }
  if (!ok && process.env.CI) {
    throw new Error(`Apertium with the eng-spa pair is missing; CI must install it (.ci/run installs apertium-eng-spa).`);
  }
  if (!ok) console.warn(`Apertium with eng-spa is not installed: ${what} are skipped.`);
  return ok;
}
