/**
 * The rules of "pre-fill from a TMX file" (issue 17; tmxExactFills.ts): each paragraph gets the
 * unit `verso tm import` + `--prefill` would give it — those of tmStore.ts `exactMatch` on the
 * units `tm import` would store (exactMatch.ts):
 * - same pair, same exact key (`exactText`) and the same match tokens (`matchTokens`, the unit's
 *   tokens in its own source language);
 * - serving the document's direction, and still 100 after the formatting and variant penalties;
 * - the file's repeated units (same pair, variants, texts and codes: tmxStaging.ts) count once, at
 *   their first place, as the import stores only the first;
 * - at equal rank the document's own target variant first, then the last in the file (the newest id).
 * So a paragraph's fill depends on its text and codes and the file only. Used by the real reader's
 * path and by the index's (tmxIndexFills.ts, in the worker).
 */
import type { TmUnit } from '../../shared/features/memoryApi.js';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import { withFormatPenalty } from '../../shared/memory/formatting.js';
import { exactText, matchTokens } from '../../shared/memory/matchScore.js';
import { languageVariant, pairKey, servesDirection, VARIANT_RANK, withVariantPenalty } from '../../shared/memory/pair.js';
import { textHash } from './tmxExactScan.js';
import type { NewTmUnit } from './tmStore.js';

const SEPARATOR = '\u001f';

export interface FillableParagraph {
  id: string;
  source: string;
  codes: readonly InlineCode[];
}

interface Pair {
  sourceLang: string;
  targetLang: string;
}

interface Best {
  unit: NewTmUnit;
  rank: number;
  order: number;
}

/** The best exact unit of each paragraph, offered the file's units in order. */
export class ExactFills {
  private readonly byKey = new Map<string, { p: FillableParagraph; tokens: string | null }[]>();
  private readonly hashes = new Set<number>();
  private readonly best = new Map<string, Best>();
  private readonly seen = new Set<string>();
  private readonly pair: string;
  private order = 0;

  constructor(
    paragraphs: readonly FillableParagraph[],
    private readonly langs: Pair,
  ) {
    this.pair = pairKey(langs.sourceLang, langs.targetLang);
    // A text without tokens has no exact text either (its tokens are segmented when a unit of its text comes).
    for (const p of paragraphs) {
      const key = exactText(p.source);
      if (key === '') continue;
      const list = this.byKey.get(key) ?? [];
      list.push({ p, tokens: null });
      this.byKey.set(key, list);
      this.hashes.add(textHash(key));
    }
  }

  /** Whether a source of this exact text could fill a paragraph. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The `textHash`es of the paragraphs' exact texts. */
  get sourceHashes(): ReadonlySet<number> {
    return this.hashes;
  }

  /** A unit of the file (in file order). */
  offer(u: NewTmUnit): void {
    this.order++;
    const list = this.byKey.get(exactText(u.source));
    if (!list || pairKey(u.sourceLang, u.targetLang) !== this.pair) return;
    const codes = u.codes ?? [];
    // tm import keeps the first of the file's repeated units (tmxStaging.ts `unitKey`).
    const identity = JSON.stringify([
      this.pair,
      u.sourceLang.toLowerCase(),
      u.targetLang.toLowerCase(),
      u.source,
      u.target,
      JSON.stringify(codes),
    ]);
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    const { sourceLang, targetLang } = this.langs;
    if (!servesDirection(u, sourceLang, targetLang)) return;
    let tokens: string | null = null;
    const rank = VARIANT_RANK[languageVariant(u.targetLang, targetLang)];
    for (const entry of list) {
      const { p } = entry;
      // The same text in the same language has the same tokens (some: its exact text is not empty).
      if (!(u.source === p.source && u.sourceLang === sourceLang)) {
        entry.tokens ??= matchTokens(p.source, sourceLang).join(SEPARATOR);
        tokens ??= matchTokens(u.source, u.sourceLang).join(SEPARATOR);
        if (entry.tokens === '' || entry.tokens !== tokens) continue;
      }
      const score = withVariantPenalty(
        withFormatPenalty(100, { source: u.source, codes }, { source: p.source, codes: p.codes }),
        u.targetLang,
        targetLang,
      );
      if (score !== 100) continue;
      const current = this.best.get(p.id);
      if (!current || rank < current.rank || (rank === current.rank && this.order > current.order))
        this.best.set(p.id, { unit: u, rank, order: this.order });
    }
  }

  /** Each paragraph's unit, as the TM would give it (not stored: unit id 0). */
  matches(): Map<string, TmUnit> {
    const out = new Map<string, TmUnit>();
    for (const [id, { unit }] of this.best) {
      out.set(id, {
        ...unit,
        unitId: 0,
        documentId: null,
        documentTitle: null,
        codes: [...(unit.codes ?? [])],
        mtOrigin: unit.mtOrigin ?? null,
      });
    }
    return out;
  }
}

export interface TmxFillsResult {
  matches: Map<string, TmUnit>;
  /** <tu>s in the file. */
  tus: number;
  /** Units the real reader read: the candidates (fast path) or all of them. */
  parsed: number;
  fast: boolean;
}
