/**
 * Services of `MemoryApi`: the translation memory. Units come from sign-offs (kept in step by the
 * triggers of migration 0070) and TMX files; lookups, concordance and the index live in
 * main/memory/tmStore.ts. Inserting a match writes a revision with origin `tm` and its provenance.
 */
import type { MemorySettings, TmProvenance, TmUnit } from '../../../shared/features/memoryApi.js';
import type { MemoryApi } from '../../../shared/features/memoryContract.js';
import { matchScore } from '../../../shared/memory/matchScore.js';
import { pairKey, servesDirection, withVariantPenalty } from '../../../shared/memory/pair.js';
import { tmPair } from './tmPair.js';
import { mapUnitTokens, withFormatPenalty } from '../../../shared/memory/formatting.js';
import { statusAfterEdit } from '../../../shared/status.js';
import type { MtRecord, Paragraph, Profile } from '../../../shared/types.js';
import { createProvenanceRepo } from '../../db/repositories/provenance/provenanceRepo.js';
import { withAuditHeadKept } from '../../db/repositories/audit/auditRepo.js';
import { withRevisionLinksGathered } from '../../db/audit/revisionLinks.js';
import { captureActive, withCaptureStateKept } from '../../team/local/captureSwitch.js';
import type { DocumentRecord } from '../../db/repositories/index.js';
import { createTmStore, type TmStore } from '../../memory/tmStore.js';
import { bundledWorkerFile } from '../../import/importWorkers.js';
import { IMPORT_LIMITS } from '../../import/limits.js';
import { createTmxStaging } from '../../memory/tmxStaging.js';
import { TMX_MAX_BYTES } from '../../../shared/memory/limits.js';
import { createTmxImports } from './tmxImport.js';
import { writeTmx } from '../../memory/tmx.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { ServiceError } from '../../core/serviceError.js';
import { createSentenceMatches, type PlacedMatch } from './memorySentences.js';
import { createTmxPrefill } from './memoryTmxPrefill.js';
import { tmxReadingsFor, type PreparedTmxIndexes } from './tmxPrefillPrepared.js';

export const PREFILL_SETTING_KEY = 'memory.prefillExact';
/** Paragraphs looked up between two turns of the event loop when prefilling. */
const PREFILL_CHUNK = 50;

/** New, empty and not excluded from translation: what prefill may fill. */
/** Not translated, edited or excluded by anyone: what a pre-fill may fill (a whole paragraph, or its texts: ParagraphTexts). */
const isUntouched = (p: Pick<Paragraph, 'status' | 'target'> & { excluded?: unknown }): boolean =>
  p.status === 'new' && p.target.trim() === '' && !p.excluded;

export interface MemoryServiceOptions {
  store?: TmStore;
  /** The import worker's bundle that reads TMX files; null reads them in process (unit tests run the sources). */
  tmxWorkerFile?: string | null;
  /** TMX files read ahead for pre-filling, shared with the document import that offers them its paragraphs (createApi.ts). */
  tmxReadings?: PreparedTmxIndexes;
}

export function createMemoryService(deps: ServiceDeps, options: MemoryServiceOptions = {}): MemoryApi {
  const { repos } = deps;
  const store = options.store ?? createTmStore(deps.db);
  const workerFile = options.tmxWorkerFile === undefined ? bundledWorkerFile() : options.tmxWorkerFile;
  // Changes a closed Verso (or a CLI import) left unindexed, or a bulk build it left half-way, go on in the background.
  if (store.pending() > 0 || store.building()) void store.drainIndex();
  const tmxImports = createTmxImports(deps, store, createTmxStaging(deps.db), { workerFile, heapMb: IMPORT_LIMITS.tmxWorkerHeapMb });
  const origins = createProvenanceRepo(deps.db);
  const provenanceStmt = deps.db.prepare(
    `INSERT INTO tm_provenance (revision_id, paragraph_id, unit_id, score, unit_source, unit_origin, unit_by, unit_at)
     VALUES (@revisionId, @paragraphId, @unitId, @score, @unitSource, @unitOrigin, @unitBy, @unitAt)`,
  );

  const provenanceOfStmt = deps.db.prepare<[string], TmProvenance>(
    `SELECT revision_id AS revisionId, unit_id AS unitId, score, unit_source AS unitSource, unit_origin AS unitOrigin,
            unit_by AS unitBy, unit_at AS unitAt
     FROM tm_provenance WHERE paragraph_id = ? ORDER BY revision_id`,
  );

  function settings(): MemorySettings {
    return { prefillExact: repos.settings.get(PREFILL_SETTING_KEY) === true };
  }

  function requireParagraph(paragraphId: string): { p: Paragraph; doc: DocumentRecord } {
    const p = repos.paragraphs.get(paragraphId);
    const doc = p ? repos.documents.get(p.documentId) : null;
    if (!p || !doc) throw new ServiceError('PARAGRAPH_NOT_FOUND', 'This paragraph does not exist.', { paragraphIds: [paragraphId] });
    return { p, doc };
  }

  /** A unit's translation as it goes into this paragraph: its tokens mapped onto the paragraph's own codes. */
  const targetFor = (p: Paragraph, unit: TmUnit): string => mapUnitTokens(unit.target, unit.codes ?? [], p.codes ?? []);

  /**
   * Writes a unit's translation into a paragraph (or, `placed`, a text built from it: a sentence match): a revision with
   * origin `tm` and its provenance. Inside a transaction rolled back whole on error; the caller touches the document.
   */
  function writeMatchIn(p: Paragraph, doc: DocumentRecord, unit: TmUnit, author: Profile, at: string, placed?: PlacedMatch) {
    const target = placed?.target ?? targetFor(p, unit);
    const { status, withdrawsSignOff } = statusAfterEdit(p.status, p.target, target, p.mt?.text);
    // Issue 12: a unit whose translation started as MT brings its MT origin along (the footer and attestation name the engine).
    const mtOrigin = unit.mtOrigin ?? null;
    const mt: MtRecord | null =
      mtOrigin?.kind === 'mt'
        ? {
            text: target,
            engineId: mtOrigin.engineId,
            engineVersion: mtOrigin.engineVersion ?? 'via translation memory',
            sourceLang: doc.sourceLang,
            targetLang: doc.targetLang,
            createdAt: mtOrigin.createdAt ?? unit.createdAt,
            unknownWords: [],
          }
        : p.mt;
    const updated: Paragraph = { ...p, target, status, mt, signOff: withdrawsSignOff ? null : p.signOff, updatedAt: at };
    repos.paragraphs.update(updated);
    if (mtOrigin?.kind === 'unknown' && !p.mt) origins.record(p.id, 'unknown', 'translation memory', at);
    const revision = {
      paragraphId: p.id,
      documentId: p.documentId,
      profileId: author.id,
      authorName: author.name,
      role: author.role,
      mtEngine: null,
      beforeText: p.target,
      afterText: target,
      statusBefore: p.status,
      statusAfter: status,
      createdAt: at,
    };
    const revisionId = repos.revisions.insertInTransaction({ origin: 'tm', action: 'edit', ...revision });
    provenanceStmt.run({
      revisionId,
      paragraphId: p.id,
      unitId: unit.unitId,
      score:
        placed?.score ??
        withVariantPenalty(
          // The same text scores 100 (segmenting 10,000 pre-filled paragraphs again costs seconds).
          withFormatPenalty(unit.source === p.source ? 100 : matchScore(unit.source, p.source, doc.sourceLang), unit, p),
          unit.targetLang,
          doc.targetLang,
        ),
      unitSource: unit.source,
      unitOrigin: unit.origin,
      unitBy: unit.createdBy,
      unitAt: unit.createdAt,
    });
    if (withdrawsSignOff) repos.revisions.insertInTransaction({ origin: 'human', action: 'sign-off-withdrawn', ...revision });
    return { paragraph: updated, signOffWithdrawn: withdrawsSignOff };
  }

  const writeMatch = deps.db.transaction((p: Paragraph, doc: DocumentRecord, unit: TmUnit, author: Profile, placed?: PlacedMatch) => {
    const at = deps.now().toISOString();
    const { paragraph, signOffWithdrawn } = writeMatchIn(p, doc, unit, author, at, placed);
    repos.documents.touch(p.documentId, at);
    return { paragraph, signOffWithdrawn };
  });

  /**
   * Prefill's matches, each to its paragraph if nobody has touched it meanwhile, all at one time (the document touched then);
   * their revisions share one audit link (revisionLinks.ts).
   */
  const writeFound = deps.db.transaction((found: readonly [string, TmUnit][], doc: DocumentRecord, author: Profile): Paragraph[] =>
    // It catches nothing: the audit chain's head and team membership are read once (auditRepo.ts, captureSwitch.ts).
    withAuditHeadKept(deps.db, () =>
      withRevisionLinksGathered(deps.db, () =>
        withCaptureStateKept(deps.db, () => {
          // One read of them all; a paragraph written here is read back as written (a match found twice for one paragraph).
          const current = repos.paragraphs.getMany(found.map(([paragraphId]) => paragraphId));
          const written: Paragraph[] = [];
          const at = deps.now().toISOString();
          for (const [paragraphId, unit] of found) {
            const p = current.get(paragraphId);
            if (!p || !isUntouched(p)) continue;
            const { paragraph } = writeMatchIn(p, doc, unit, author, at);
            current.set(paragraphId, paragraph);
            written.push(paragraph);
          }
          if (written.length > 0) repos.documents.touch(doc.id, at);
          return written;
        }),
      ),
    ),
  );

  /** A unit that still exists and serves the document's pair and direction. */
  function requireUnit(unitId: number, doc: DocumentRecord): TmUnit {
    const unit = store.unit(unitId);
    if (
      !unit ||
      pairKey(unit.sourceLang, unit.targetLang) !== pairKey(doc.sourceLang, doc.targetLang) ||
      !servesDirection(unit, doc.sourceLang, doc.targetLang)
    ) {
      throw new ServiceError(
        'TM_UNIT_NOT_FOUND',
        'This translation memory entry no longer exists (its sign-off may have been withdrawn).',
        { unitId },
      );
    }
    return unit;
  }

  const sentences = createSentenceMatches({
    store,
    requireParagraph,
    requireUnit,
    author: () => requireProfile(deps),
    write: (p, doc, unit, author, placed) => writeMatch(p, doc, unit, author, placed),
  });

  // TMX files read ahead for pre-filling, in the import worker (`prepareTmxPrefill`).
  const prepared = options.tmxReadings ?? tmxReadingsFor(workerFile);
  const tmxPrefill = createTmxPrefill(deps, isUntouched, (found, doc, author) => writeFound(found, doc, author), prepared);

  return {
    ...sentences,
    ...tmxPrefill,
    async lookupTm({ paragraphId }) {
      const { p, doc } = requireParagraph(paragraphId);
      return store.lookup(doc.sourceLang, doc.targetLang, p.source, { excludeParagraphId: p.id, codes: p.codes ?? [] });
    },

    async applyTmMatch({ paragraphId, unitId }) {
      const author = requireProfile(deps);
      const { p, doc } = requireParagraph(paragraphId);
      const unit = requireUnit(unitId, doc);
      if (targetFor(p, unit) === p.target) return { paragraph: p, signOffWithdrawn: false };
      return writeMatch(p, doc, unit, author);
    },

    async listTmProvenance({ paragraphId }) {
      requireParagraph(paragraphId);
      return provenanceOfStmt.all(paragraphId);
    },

    async prefillTmMatches({ documentId, requested }) {
      const doc = repos.documents.get(documentId);
      if (!doc) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      if (!requested && !settings().prefillExact) return { paragraphs: [] };
      const author = requireProfile(deps);
      // By the exact key (main/memory/exactMatch.ts): a TMX imported just before is searched whole, its fuzzy index built or not.
      // Without the background indexing between its chunks (a big import's index build may be under way).
      return store.holdingIndex(async () => {
        const filled: Paragraph[] = [];
        const untouched = repos.paragraphs.listTexts(documentId).filter(isUntouched);
        // In chunks, other requests going on between them (a document may have 20,000 paragraphs);
        // each chunk's matches are written in one transaction, to paragraphs still untouched then.
        for (let start = 0; start < untouched.length; start += PREFILL_CHUNK) {
          if (start > 0) await new Promise((r) => setImmediate(r));
          const found: [string, TmUnit][] = [];
          for (const p of untouched.slice(start, start + PREFILL_CHUNK)) {
            const best = store.exactMatch(doc.sourceLang, doc.targetLang, p.source, { excludeParagraphId: p.id, codes: p.codes ?? [] });
            if (best) found.push([p.id, best]);
          }
          filled.push(...writeFound(found, doc, author));
        }
        return { paragraphs: filled };
      });
    },

    async searchTmConcordance(input) {
      const { sourceLang, targetLang } = tmPair(input);
      const query = input.query;
      if (query.trim() === '') throw new ServiceError('TM_QUERY_EMPTY', 'Type a word or phrase to search the translation memory for.');
      return store.concordance(sourceLang, targetLang, query);
    },

    async importTmx(input) {
      const { fileName, dataBase64, mode } = input;
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.byteLength > TMX_MAX_BYTES) {
        throw new ServiceError('TMX_TOO_LARGE', `The TMX file is larger than ${TMX_MAX_BYTES / 1048576} MB.`, {
          limitMb: TMX_MAX_BYTES / 1048576,
        });
      }
      // The same streamed import as startTmxImport (read in the import worker), run to its end.
      return tmxImports.complete({ ...input, source: { kind: 'bytes', bytes, fileName }, mode });
    },

    async startTmxImport(input) {
      return tmxImports.start(input);
    },

    async getTmxImport({ jobId }) {
      const { state, error, tmxImport } = tmxImports.progressOf(jobId);
      return { jobId, state, error, status: tmxImport };
    },

    async exportTmx(input) {
      const { sourceLang, targetLang } = tmPair(input);
      const units = store.list(sourceLang, targetLang);
      return {
        fileName: `verso-tm-${sourceLang}-${targetLang}.tmx`,
        content: writeTmx(units, { sourceLang, targetLang }, deps.appInfo.version),
        units: units.length,
      };
    },

    async getTmStats(input) {
      const { sourceLang, targetLang } = tmPair(input);
      return { units: store.count(sourceLang, targetLang), indexing: store.pending() };
    },

    async checkTmxReplace(input) {
      const { sourceLang, targetLang } = tmPair(input);
      return { tmxUnits: store.countTmx(sourceLang, targetLang), team: captureActive(deps.db) };
    },

    async getMemorySettings() {
      return settings();
    },

    async updateMemorySettings(input) {
      if (input.prefillExact !== undefined) repos.settings.set(PREFILL_SETTING_KEY, input.prefillExact);
      return settings();
    },
  };
}
