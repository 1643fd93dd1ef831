/**
 * The `tm-unit` payload (docs/team.md#tm-units): a batch of translation-memory units one member
 * added (a TMX import), or the removal of a pair's earlier TMX units (an import with "replace").
 * One change per batch, not per unit: a million imported units are ~1,000 server rows. Bounded so
 * that a pulled change can be held in memory and applied in one short transaction.
 */
import { z } from 'zod';
import { inlineCodeSchema } from '../../../shared/contract/models.js';

/** Units per batch at most. */
export const TM_BATCH_MAX_UNITS = 1_000;
/** Characters of text (sources and targets) per batch at most: a pull page of 500 changes stays ~0.5 GB at worst, ~50 MB usually. */
export const TM_BATCH_MAX_CHARS = 1_048_576;
/** One text at most (a unit longer than this is not shared). */
export const TM_UNIT_MAX_CHARS = 500_000;

const lang = z.string().min(2).max(35);
const text = z.string().max(TM_UNIT_MAX_CHARS);

const mtOriginSchema = z.union([
  z.object({ kind: z.literal('unknown') }),
  z.object({
    kind: z.literal('mt'),
    engineId: z.string().max(200),
    engineName: z.string().max(200).nullable(),
    engineVersion: z.string().max(200).nullable(),
    createdAt: z.string().max(64).nullable(),
  }),
]);

export const tmBatchUnitSchema = z.object({
  source: text.min(1),
  target: text.min(1),
  /** The unit's own languages, when they are a variant of the batch's (fr-CA in an en→fr import). */
  sourceLang: lang.optional(),
  targetLang: lang.optional(),
  codes: z.array(inlineCodeSchema).max(1_000).optional(),
  createdBy: z.string().max(200),
  createdAt: z.string().max(64),
  mtOrigin: mtOriginSchema.nullable().optional(),
});
export type TmBatchUnit = z.infer<typeof tmBatchUnitSchema>;

const unitsBatch = z
  .object({ sourceLang: lang, targetLang: lang, units: z.array(tmBatchUnitSchema).min(1).max(TM_BATCH_MAX_UNITS) })
  .strict()
  .refine((b) => b.units.reduce((n, u) => n + u.source.length + u.target.length, 0) <= TM_BATCH_MAX_CHARS, {
    message: `a TM batch holds at most ${TM_BATCH_MAX_CHARS} characters of text`,
  });

/** "Replace": the pair's TMX units as they were before this change are removed (the batches after it bring the new ones). */
const replaceTmx = z.object({ sourceLang: lang, targetLang: lang, replaceTmx: z.literal(true) }).strict();

export const tmUnitPayloadSchema = z.union([unitsBatch, replaceTmx]);
export type TmUnitPayload = z.infer<typeof tmUnitPayloadSchema>;

/** The `documentId` of a pair's TM changes (the TM is the library's, not a document's). */
export function tmDocumentId(sourceLang: string, targetLang: string): string {
  return `tm:${sourceLang}:${targetLang}`;
}
