/**
 * A title or name shown on its own: isolated from the text around it (`<bdi>`, so right-to-left
 * or hostile text cannot reorder a label next to it) and with any control or bidi character shown
 * as "[U+202E]" (shared/textHygiene.ts), so "report\u202Etxt.exe" never reads "reportexe.txt".
 * Inside a translated sentence, pass `showControlsVisibly(text)` as the value instead.
 */
import { showControlsVisibly } from '../../../shared/textHygiene.js';

export function SafeText({ text }: { text: string }) {
  return <bdi>{showControlsVisibly(text)}</bdi>;
}
