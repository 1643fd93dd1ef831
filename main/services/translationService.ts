/**
 * Machine translation: which engines can do a pair, and background MT jobs over a document.
 * Every result goes through the MT cache (engine, version/model, pair, source hash): an unchanged
 * paragraph is not sent to an engine again unless it is retranslated. Results are written in
 * batches (mtResultWriter.ts: one transaction per batch, each paragraph its own savepoint with its
 * revision and provenance), so a failure or cancel midway keeps all that was done and never
 * leaves a half-written paragraph; a cancel stops the engine at once and writes what had arrived.
 */
import { stripTokens } from '../../shared/inline/inlineCodes.js';
import type { VersoApi } from '../../shared/api.js';
import type { TranslateScope } from '../../shared/features/enginesApi.js';
import { canonicalLanguageTag } from '../../shared/languages.js';
import { isUntouchedByHumans } from '../../shared/status.js';
import type { EngineInfo, LanguagePair, Paragraph } from '../../shared/types.js';
import { capabilitiesOf } from '../engines/capabilities.js';
import { readEngineDefaults } from '../engines/engineConfig.js';
import { matchPair, type MtEngine, type ParagraphContext } from '../engines/mtEngine.js';
import { createMtStore, mtSourceHash, type CacheKey } from '../engines/mtStore.js';
import { requireProfile, type ServiceDeps } from './context.js';
import { runMtJob } from './mtJob.js';
import { createMtBatchWriter } from './mtResultWriter.js';
import { glossaryFingerprint, glossaryTermsOf } from '../glossary/mtGlossary.js';
import { ServiceError } from '../core/serviceError.js';
import { appLog, logFailure } from '../core/log/logger.js';

export interface ChosenEngine {
  engine: MtEngine;
  /** The engine's own pair serving the document's pair. */
  enginePair: LanguagePair;
  version: string;
}

/** Reasons an engine may be out of reach for a while (its cached MT stays usable). */
const OFFLINE_REASONS: ReadonlySet<string> = new Set(['ENGINE_NETWORK', 'ENGINE_TIMEOUT', 'ENGINE_SERVER_ERROR', 'ENGINE_RATE_LIMITED']);

function pairOf(sourceLang: string, targetLang: string): LanguagePair {
  return { source: canonicalLanguageTag(sourceLang) ?? sourceLang, target: canonicalLanguageTag(targetLang) ?? targetLang };
}

async function usable(engine: MtEngine, pair: LanguagePair): Promise<ChosenEngine | null> {
  try {
    const d = await engine.describe(pair);
    const enginePair = d.available ? matchPair(d.pairs, pair) : null;
    if (!enginePair) return null;
    const version =
      enginePair.source === pair.source && enginePair.target === pair.target ? d.version : (await engine.describe(enginePair)).version;
    return { engine, enginePair, version };
  } catch {
    return null;
  }
}

/** The engine to use: the one asked for, else the pair's default from the settings, else the first that can. */
export async function chooseEngine(deps: ServiceDeps, pair: LanguagePair, engineId: string | undefined): Promise<ChosenEngine> {
  if (engineId !== undefined) {
    const engine = deps.engines.get(engineId);
    if (!engine) throw new ServiceError('ENGINE_NOT_FOUND', `There is no MT engine "${engineId}".`, { engineId });
    const d = await engine.describe(pair);
    if (!d.available) {
      // Out of reach for now, but its version is known: cached MT can still be used (offline).
      if (d.unavailableReason !== null && OFFLINE_REASONS.has(d.unavailableReason) && d.version !== '') {
        return { engine, enginePair: pair, version: d.version };
      }
      throw ServiceError.withDetails(d.unavailableReason ?? 'ENGINE_UNAVAILABLE', `${engine.name} is not available.`, {
        engineId,
        engine: engine.name,
      });
    }
    const chosen = await usable(engine, pair);
    if (!chosen) {
      throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `${engine.name} cannot translate ${pair.source} → ${pair.target}.`, {
        engineId,
        source: pair.source,
        target: pair.target,
      });
    }
    return chosen;
  }
  const preferred = readEngineDefaults(deps.repos.settings).find((d) => d.sourceLang === pair.source && d.targetLang === pair.target);
  const preferredEngine = preferred ? deps.engines.get(preferred.engineId) : null;
  if (preferredEngine) {
    const chosen = await usable(preferredEngine, pair);
    if (chosen) return chosen;
  }
  for (const engine of deps.engines.list()) {
    const chosen = await usable(engine, pair);
    if (chosen) return chosen;
  }
  const anyAvailable = (
    await Promise.all(
      deps.engines.list().map((e) =>
        e.describe().then(
          (d) => d.available,
          () => false,
        ),
      ),
    )
  ).some(Boolean);
  if (!anyAvailable) throw new ServiceError('ENGINE_UNAVAILABLE', 'No machine translation engine is available on this computer.');
  throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `No installed engine translates ${pair.source} → ${pair.target}.`, {
    source: pair.source,
    target: pair.target,
  });
}

/** One engine as the renderer sees it for a pair (why it cannot serve it, if it cannot). */
export async function engineInfo(engine: MtEngine, pair: LanguagePair): Promise<EngineInfo & { version: string }> {
  try {
    const d = await engine.describe(pair);
    const reason = !d.available
      ? (d.unavailableReason ?? 'ENGINE_UNAVAILABLE')
      : matchPair(d.pairs, pair)
        ? null
        : 'ENGINE_PAIR_UNSUPPORTED';
    return {
      id: engine.id,
      name: engine.name,
      available: d.available,
      unavailableReason: reason,
      pairs: d.pairs,
      version: d.available ? d.version : '',
    };
  } catch (err) {
    logFailure(appLog(), `engine ${engine.id} could not describe itself`, err, { engine: engine.id });
    return { id: engine.id, name: engine.name, available: false, unavailableReason: 'ENGINE_FAILED', pairs: [], version: '' };
  }
}

export interface MtJobRequest {
  documentId: string;
  scope: TranslateScope;
  paragraphIds?: string[];
  engineId?: string;
  /** Retranslate: skip the cache (the new MT replaces the cached one). */
  bypassCache?: boolean;
}

export interface MtJobs {
  start(request: MtJobRequest): Promise<{ jobId: string; total: number }>;
}

export interface MtJobsOptions {
  /** Results written per transaction, and the longest a result waits for its batch (ms). */
  writeBatch?: { maxItems: number; maxDelayMs: number };
}

/** About ten commits a second from a fast engine, and a slow engine's results still seen soon. */
export const MT_WRITE_BATCH = { maxItems: 200, maxDelayMs: 100 } as const;

function contextOf(all: readonly Paragraph[], p: Paragraph): ParagraphContext {
  const plain = (q: Paragraph | undefined): string | null => (q ? stripTokens(q.source) : null);
  return { previous: plain(all[p.index - 1]), next: plain(all[p.index + 1]) };
}

export function createMtJobs(deps: ServiceDeps, options: MtJobsOptions = {}): MtJobs {
  const { repos } = deps;
  const store = createMtStore(deps.db);
  const batching = options.writeBatch ?? MT_WRITE_BATCH;

  function select(all: Paragraph[], scope: TranslateScope, paragraphIds: string[] | undefined): Paragraph[] {
    if (scope === 'selection' || paragraphIds !== undefined) {
      const wanted = new Set(paragraphIds ?? []);
      const present = new Set(all.map((p) => p.id));
      const missing = [...wanted].filter((id) => !present.has(id));
      if (missing.length > 0) {
        throw new ServiceError('PARAGRAPH_NOT_FOUND', `${missing.length} of the paragraphs are not in this document.`, {
          paragraphIds: missing.slice(0, 100),
        });
      }
      all = all.filter((p) => wanted.has(p.id));
    }
    // MT never overwrites human work: paragraphs already edited, confirmed or signed off are left out;
    // so are paragraphs excluded from translation.
    return all.filter((p) => !p.excluded && (scope === 'empty' ? p.status === 'new' : isUntouchedByHumans(p.status)));
  }

  return {
    async start({ documentId, scope, paragraphIds, engineId, bypassCache = false }) {
      const profile = requireProfile(deps);
      const doc = repos.documents.get(documentId);
      if (!doc) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      const running = deps.jobs.runningFor(documentId);
      if (running) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is already running for this document.', { jobId: running });
      }
      const all = repos.paragraphs.listByDocument(documentId);
      const todo = select(all, scope, paragraphIds);
      const pair = { source: doc.sourceLang, target: doc.targetLang };
      const chosen = await chooseEngine(deps, pair, engineId);
      const { engine, enginePair, version } = chosen;
      // The glossary goes to engines that take terms (in a prompt or as their own glossary); a
      // paragraph's matching terms are part of its cache key there, so a changed glossary is not
      // served stale MT.
      const can = capabilitiesOf(engine);
      const glossary = can.glossary !== 'none' ? glossaryTermsOf(deps, pair) : [];
      const glossarySalt = (source: string): string => glossaryFingerprint(source, glossary, pair.source);
      const keyOf = (p: Paragraph): CacheKey => ({
        engineId: engine.id,
        engineVersion: version,
        sourceLang: pair.source,
        targetLang: pair.target,
        sourceHash: mtSourceHash(p.source + glossarySalt(p.source), can.context ? contextOf(all, p) : null),
      });
      const writeBatch = createMtBatchWriter(deps, store, {
        engineId: engine.id,
        engineVersion: version,
        pair,
        retranslated: bypassCache,
        author: profile,
      });

      const jobId = deps.jobs.start({
        name: 'mt',
        documentId,
        total: todo.length,
        run: (job) =>
          runMtJob(
            {
              todo,
              engine,
              enginePair,
              glossary,
              bypassCache,
              keyOf,
              contextOf: (p) => contextOf(all, p),
              store,
              writeBatch,
              batching,
              now: deps.now,
            },
            job,
          ),
      });
      return { jobId, total: todo.length };
    },
  };
}

export function createTranslationService(deps: ServiceDeps): Pick<VersoApi, 'listEngines' | 'translateParagraphs' | 'cancelJob'> {
  const jobs = createMtJobs(deps);
  return {
    async listEngines({ sourceLang, targetLang }) {
      const pair = pairOf(sourceLang, targetLang);
      const infos = await Promise.all(deps.engines.list().map((engine) => engineInfo(engine, pair)));
      // Online engines nobody set up are left out here (getEngineChoices lists them with the reason);
      // the pair's default engine comes first, so a client that takes the first usable one takes it.
      const preferred = readEngineDefaults(deps.repos.settings).find((d) => d.sourceLang === pair.source && d.targetLang === pair.target);
      return infos
        .filter((info) => info.unavailableReason !== 'ENGINE_NOT_CONFIGURED')
        .sort((a, b) => Number(b.id === preferred?.engineId) - Number(a.id === preferred?.engineId))
        .map(({ version: _version, ...info }) => info);
    },

    async translateParagraphs({ documentId, paragraphIds, engineId }) {
      return jobs.start({
        documentId,
        scope: paragraphIds !== undefined ? 'selection' : 'all',
        ...(paragraphIds !== undefined ? { paragraphIds } : {}),
        ...(engineId !== undefined ? { engineId } : {}),
      });
    },

    async cancelJob({ jobId }) {
      return { cancelled: deps.jobs.cancel(jobId) };
    },
  };
}

export { pairOf };
