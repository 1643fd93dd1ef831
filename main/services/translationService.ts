/** Machine translation: which engines can do a pair, and background MT jobs over a document. */
import type { VersoApi } from '../../shared/api.js';
import { normalizeLanguageTag } from '../../shared/languages.js';
import { isUntouchedByHumans, statusAfterMt } from '../../shared/status.js';
import type { EngineInfo, LanguagePair, Paragraph, Profile } from '../../shared/types.js';
import { hasPair, type MtEngine, type MtOutput } from '../engines/mtEngine.js';
import { requireProfile, type ServiceDeps } from './context.js';
import { ServiceError, isServiceError } from './serviceError.js';

async function chooseEngine(deps: ServiceDeps, pair: LanguagePair, engineId: string | undefined): Promise<MtEngine> {
  if (engineId !== undefined) {
    const engine = deps.engines.get(engineId);
    if (!engine) throw new ServiceError('ENGINE_NOT_FOUND', `There is no MT engine "${engineId}".`, { engineId });
    const d = await engine.describe(pair);
    if (!d.available) {
      throw new ServiceError('ENGINE_UNAVAILABLE', `${engine.name} is not available on this computer.`, { engineId });
    }
    if (!hasPair(d.pairs, pair)) {
      throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `${engine.name} cannot translate ${pair.source} → ${pair.target}.`, {
        engineId,
        source: pair.source,
        target: pair.target,
      });
    }
    return engine;
  }
  const engine = await deps.engines.forPair(pair);
  if (engine) return engine;
  const anyAvailable = (
    await Promise.all(deps.engines.list().map((e) => e.describe().then((d) => d.available, () => false)))
  ).some(Boolean);
  if (!anyAvailable) throw new ServiceError('ENGINE_UNAVAILABLE', 'No machine translation engine is available on this computer.');
  throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `No installed engine translates ${pair.source} → ${pair.target}.`, {
    source: pair.source,
    target: pair.target,
  });
}

export function createTranslationService(
  deps: ServiceDeps,
): Pick<VersoApi, 'listEngines' | 'translateParagraphs' | 'cancelJob'> {
  const { repos } = deps;

  /** Writes one MT result in its own transaction; false when skipped (human work meanwhile, or gone). */
  const writeMt = deps.db.transaction(
    (paragraphId: string, output: MtOutput, engine: MtEngine, version: string, pair: LanguagePair, author: Profile): boolean => {
      const current = repos.paragraphs.get(paragraphId);
      if (!current || output.text.trim() === '') return false;
      const status = statusAfterMt(current.status);
      if (status === null) return false;
      const at = deps.now().toISOString();
      const updated: Paragraph = {
        ...current,
        target: output.text,
        status,
        mt: {
          text: output.text,
          engineId: engine.id,
          engineVersion: version,
          sourceLang: pair.source,
          targetLang: pair.target,
          createdAt: at,
          unknownWords: output.unknownWords,
        },
        updatedAt: at,
      };
      repos.paragraphs.update(updated);
      repos.revisions.insert({
        paragraphId,
        documentId: current.documentId,
        profileId: author.id,
        authorName: author.name,
        role: author.role,
        origin: 'mt',
        action: 'mt',
        mtEngine: engine.id,
        beforeText: current.target,
        afterText: output.text,
        statusBefore: current.status,
        statusAfter: status,
        createdAt: at,
      });
      repos.documents.touch(current.documentId, at);
      return true;
    },
  );

  return {
    async listEngines({ sourceLang, targetLang }) {
      const pair = { source: normalizeLanguageTag(sourceLang) ?? sourceLang, target: normalizeLanguageTag(targetLang) ?? targetLang };
      return Promise.all(
        deps.engines.list().map(async (engine): Promise<EngineInfo> => {
          try {
            const d = await engine.describe(pair);
            const reason = !d.available
              ? (d.unavailableReason ?? 'ENGINE_UNAVAILABLE')
              : hasPair(d.pairs, pair)
                ? null
                : 'ENGINE_PAIR_UNSUPPORTED';
            return { id: engine.id, name: engine.name, available: d.available, unavailableReason: reason, pairs: d.pairs };
          } catch (err) {
            console.error(`Verso: engine ${engine.id} could not describe itself:`, err);
            return { id: engine.id, name: engine.name, available: false, unavailableReason: 'ENGINE_FAILED', pairs: [] };
          }
        }),
      );
    },

    async translateParagraphs({ documentId, paragraphIds, engineId }) {
      const profile = requireProfile(deps);
      const doc = repos.documents.get(documentId);
      if (!doc) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      const running = deps.jobs.runningFor(documentId);
      if (running) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is already running for this document.', { jobId: running });
      }
      const all = repos.paragraphs.listByDocument(documentId);
      let chosen = all;
      if (paragraphIds !== undefined) {
        const wanted = new Set(paragraphIds);
        const missing = [...wanted].filter((id) => !all.some((p) => p.id === id));
        if (missing.length > 0) {
          throw new ServiceError('PARAGRAPH_NOT_FOUND', `${missing.length} of the paragraphs are not in this document.`, {
            paragraphIds: missing.slice(0, 100),
          });
        }
        chosen = all.filter((p) => wanted.has(p.id));
      }
      // MT never overwrites human work: paragraphs already edited, confirmed or signed off are left out.
      const todo = chosen.filter((p) => isUntouchedByHumans(p.status));

      const pair = { source: doc.sourceLang, target: doc.targetLang };
      const engine = await chooseEngine(deps, pair, engineId);
      const { version } = await engine.describe(pair);

      const jobId = deps.jobs.start({
        documentId,
        total: todo.length,
        async run({ signal, progress }) {
          if (todo.length === 0) return;
          let done = 0;
          let writeError: unknown = null;
          try {
            await engine.translateBatch(
              todo.map((p) => p.source),
              pair,
              {
                signal,
                onResult(index, output) {
                  const paragraph = todo[index];
                  if (signal.aborted || !paragraph) return;
                  try {
                    writeMt(paragraph.id, output, engine, version, pair, profile);
                  } catch (err) {
                    writeError = err; // the engine stops and rejects with it
                    throw err;
                  }
                  progress(++done);
                },
              },
            );
          } catch (err) {
            if (signal.aborted || isServiceError(err) || err === writeError) throw err;
            throw new ServiceError('ENGINE_FAILED', `${engine.name} failed: ${err instanceof Error ? err.message : String(err)}`, {
              engineId: engine.id,
            });
          }
        },
      });
      return { jobId, total: todo.length };
    },

    async cancelJob({ jobId }) {
      return { cancelled: deps.jobs.cancel(jobId) };
    },
  };
}
