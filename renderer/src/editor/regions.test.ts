import { describe, expect, it } from 'vitest';
import { cycleRegions, nextRegion, regionOf } from './regions.js';

describe('F6 regions', () => {
  it('cycles toolbar → paragraphs → panels → TM matches and back, skipping absent regions', () => {
    const all = ['toolbar', 'paragraphs', 'panels', 'tm'] as const;
    expect(nextRegion(all, 'toolbar', 1)).toBe('paragraphs');
    expect(nextRegion(all, 'paragraphs', 1)).toBe('panels');
    expect(nextRegion(all, 'panels', 1)).toBe('tm');
    expect(nextRegion(all, 'tm', 1)).toBe('toolbar');
    expect(nextRegion(all, 'toolbar', -1)).toBe('tm');
    expect(nextRegion(['toolbar', 'paragraphs', 'panels'], 'panels', 1)).toBe('toolbar');
    // From outside every region: the first (F6) or the last (Shift+F6).
    expect(nextRegion(all, null, 1)).toBe('toolbar');
    expect(nextRegion(all, null, -1)).toBe('tm');
    expect(nextRegion([], null, 1)).toBeNull();
  });

  it('moves focus into the next region present in the page', () => {
    document.body.innerHTML = `
      <div data-f6-region="toolbar"><button disabled>Off</button><button id="first">Translate all</button></div>
      <section data-f6-region="paragraphs"><div data-paragraph-id="p1"><textarea id="box"></textarea>
        <section data-f6-region="tm" aria-label="Translation memory matches"><p>None.</p></section></div></section>
      <aside data-f6-region="panels"><details><summary id="qa">QA issues</summary><button id="hidden">x</button></details></aside>`;
    let listFocused = 0;
    const focusList = () => {
      listFocused++;
      document.getElementById('box')!.focus();
      return true;
    };
    document.getElementById('first')!.focus();
    expect(regionOf(document.activeElement)).toBe('toolbar');
    cycleRegions(document, 1, focusList);
    expect(document.activeElement!.id).toBe('box');
    expect(listFocused).toBe(1);
    cycleRegions(document, 1, focusList);
    // The first control that can take focus (not one inside a closed <details>).
    expect(document.activeElement!.id).toBe('qa');
    cycleRegions(document, 1, focusList);
    // A region without controls takes focus itself.
    expect(regionOf(document.activeElement)).toBe('tm');
    expect(document.activeElement!.getAttribute('aria-label')).toBe('Translation memory matches');
    cycleRegions(document, 1, focusList);
    expect(document.activeElement!.id).toBe('first');
    cycleRegions(document, -1, focusList);
    expect(regionOf(document.activeElement)).toBe('tm');
    document.body.innerHTML = '';
  });
});
