/**
 * Sentence-level matches (issue 17 item 3): a paragraph of two sentences or more is looked up
 * sentence by sentence (shared/text/sentences.ts) besides as a whole, so sentence-segmented TMX
 * units match; a sentence's match is inserted in its place, or all of them assembled
 * (shared/memory/sentenceInsert.ts), as one revision with origin `tm` and its provenance.
 */
import type { TmUnit } from '../../../shared/features/memoryApi.js';
import type { MemoryApi } from '../../../shared/features/memoryContract.js';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { TM_SENTENCE_MATCHES } from '../../../shared/memory/limits.js';
import { matchScore } from '../../../shared/memory/matchScore.js';
import { withFormatPenalty } from '../../../shared/memory/formatting.js';
import { withVariantPenalty } from '../../../shared/memory/pair.js';
import { mapOntoSentence } from '../../../shared/memory/sentenceCodes.js';
import { assembleSentences, placeSentence } from '../../../shared/memory/sentenceInsert.js';
import { splitSentences, type Sentence } from '../../../shared/text/sentences.js';
import type { Paragraph, Profile } from '../../../shared/types.js';
import type { DocumentRecord } from '../../db/repositories/index.js';
import type { TmStore } from '../../memory/tmStore.js';
import { ServiceError } from '../../core/serviceError.js';

type Applied = Awaited<ReturnType<MemoryApi['applyTmMatch']>>;

/** What a sentence match writes: the new target and the score kept in its provenance. */
export interface PlacedMatch {
  target: string;
  score: number;
}

export interface SentenceMatchDeps {
  store: TmStore;
  requireParagraph(paragraphId: string): { p: Paragraph; doc: DocumentRecord };
  /** The unit, if it still exists and serves the document's pair and direction. */
  requireUnit(unitId: number, doc: DocumentRecord): TmUnit;
  author(): Profile;
  write(p: Paragraph, doc: DocumentRecord, unit: TmUnit, author: Profile, placed: PlacedMatch): Applied;
}

type SentenceApi = Pick<MemoryApi, 'lookupTmSentences' | 'applyTmSentence' | 'applyTmAssembled'>;

function sentencesChanged(count: number): ServiceError<'TM_SENTENCES_CHANGED'> {
  return new ServiceError(
    'TM_SENTENCES_CHANGED',
    `This paragraph now has ${count} sentences; its sentence matches were looked up for another text. Look them up again.`,
    { sentences: count },
  );
}

export function createSentenceMatches(deps: SentenceMatchDeps): SentenceApi {
  const { store } = deps;

  /** A unit's target for a sentence of the paragraph, and its score there (formatting and variant penalties as for a paragraph). */
  function placed(unit: TmUnit, s: Sentence, p: Paragraph, doc: DocumentRecord): PlacedMatch {
    const codes: readonly InlineCode[] = p.codes ?? [];
    const score = withVariantPenalty(
      withFormatPenalty(matchScore(unit.source, s.text, doc.sourceLang), unit, { source: s.text, codes }),
      unit.targetLang,
      doc.targetLang,
    );
    return { target: mapOntoSentence(unit.target, unit.codes ?? [], s.text, codes), score };
  }

  return {
    async lookupTmSentences({ paragraphId }) {
      const { p, doc } = deps.requireParagraph(paragraphId);
      const options = { excludeParagraphId: p.id, codes: p.codes ?? [] };
      const matches = store.lookup(doc.sourceLang, doc.targetLang, p.source, options);
      const sentences = splitSentences(p.source, doc.sourceLang);
      // One sentence: the paragraph's matches are its matches (no second lookup).
      if (sentences.length < 2) return { matches, sentences: [] };
      return {
        matches,
        sentences: sentences.map((s, index) => ({
          index,
          start: s.start,
          end: s.end,
          text: s.text,
          matches: store.lookup(doc.sourceLang, doc.targetLang, s.text, { ...options, limit: TM_SENTENCE_MATCHES }),
        })),
      };
    },

    async applyTmSentence({ paragraphId, sentenceIndex, unitId }) {
      const author = deps.author();
      const { p, doc } = deps.requireParagraph(paragraphId);
      const sentences = splitSentences(p.source, doc.sourceLang);
      const s = sentences[sentenceIndex];
      if (!s || sentences.length < 2) throw sentencesChanged(sentences.length);
      const unit = deps.requireUnit(unitId, doc);
      const match = placed(unit, s, p, doc);
      const target = placeSentence(p.target, match.target, sentenceIndex, sentences.length, doc.targetLang);
      if (target === p.target) return { paragraph: p, signOffWithdrawn: false };
      return deps.write(p, doc, unit, author, { target, score: match.score });
    },

    async applyTmAssembled({ paragraphId, unitIds }) {
      const author = deps.author();
      const { p, doc } = deps.requireParagraph(paragraphId);
      const sentences = splitSentences(p.source, doc.sourceLang);
      if (sentences.length !== unitIds.length) throw sentencesChanged(sentences.length);
      const pieces = sentences.map((s, i) => {
        const id = unitIds[i];
        if (id === null || id === undefined) return null;
        const unit = deps.requireUnit(id, doc);
        return { unit, ...placed(unit, s, p, doc) };
      });
      // The provenance names the weakest sentence match (one provenance per revision).
      const weakest = pieces.reduce<(typeof pieces)[number]>((a, b) => (b !== null && (a === null || b.score < a.score) ? b : a), null);
      if (weakest === null) return { paragraph: p, signOffWithdrawn: false };
      const target = assembleSentences(
        p.source,
        sentences,
        pieces.map((x) => x?.target ?? null),
      );
      if (target === p.target) return { paragraph: p, signOffWithdrawn: false };
      return deps.write(p, doc, weakest.unit, author, { target, score: weakest.score });
    },
  };
}
