/** Services of `EnginesApi`: engine choice per pair, engine settings and keys, MT jobs, provenance. */
import type { EngineChoice, EngineSettings, HttpEngineId } from '../../../shared/features/enginesApi.js';
import type { EnginesApi } from '../../../shared/features/enginesContract.js';
import { isUntouchedByHumans } from '../../../shared/status.js';
import {
  buildHttpEngines,
  checkTransport,
  keyServer,
  normalizeBaseUrl,
  readEngineConfig,
  readEngineDefaults,
  writeEngineConfig,
  writeEngineDefaults,
  type StoredEngineConfig,
} from '../../engines/engineConfig.js';
import { SECRET_ENV_VARS } from '../../engines/secretStore.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { ServiceError } from '../../core/serviceError.js';
import { chooseEngine, createMtJobs, engineInfo, pairOf } from '../translationService.js';

export function createEnginesService(deps: ServiceDeps): EnginesApi {
  const { repos, engines } = deps;
  const jobs = createMtJobs(deps);

  const apply = (config: StoredEngineConfig): void => engines.setConfigured(buildHttpEngines(config, engines.secrets, engines.http));
  apply(readEngineConfig(repos.settings));

  async function keyView(id: HttpEngineId) {
    const source = await engines.secrets.source(id);
    return { keySet: source !== null, keySource: source, keyEnvVar: SECRET_ENV_VARS[id] };
  }

  async function view(): Promise<EngineSettings> {
    const config = readEngineConfig(repos.settings);
    const [deepl, libretranslate, openai] = await Promise.all([keyView('deepl'), keyView('libretranslate'), keyView('openai')]);
    return {
      deepl: { ...config.deepl, ...deepl },
      libretranslate: { ...config.libretranslate, ...libretranslate },
      openai: { ...config.openai, ...openai },
      apertiumApy: { ...config.apertiumApy },
      defaults: readEngineDefaults(repos.settings),
    };
  }

  return {
    async getEngineChoices({ sourceLang, targetLang }) {
      const pair = pairOf(sourceLang, targetLang);
      const list = await Promise.all(
        engines.list().map(async (engine): Promise<EngineChoice> => ({
          ...(await engineInfo(engine, pair)),
          kind: engine.kind ?? 'apertium',
          local: engine.local ?? false,
        })),
      );
      let defaultEngineId: string | null;
      try {
        defaultEngineId = (await chooseEngine(deps, pair, undefined)).engine.id;
      } catch {
        defaultEngineId = null;
      }
      return { engines: list, defaultEngineId };
    },

    async getEngineSettings() {
      return view();
    },

    async saveEngineSettings(input) {
      requireProfile(deps);
      const config = readEngineConfig(repos.settings);
      const baseUrl = normalizeBaseUrl(input.baseUrl);
      if (input.enabled && baseUrl === '' && input.engine !== 'deepl') {
        throw new ServiceError('ENGINE_URL_INVALID', 'This engine needs the address of its server.', { url: '' });
      }
      const allowUnencrypted = input.allowUnencrypted ?? false;
      checkTransport(baseUrl, allowUnencrypted);
      if (input.engine === 'apertium-apy') {
        config.apertiumApy = { enabled: input.enabled, baseUrl, allowUnencrypted };
        writeEngineConfig(repos.settings, config);
        apply(config);
        return view();
      }
      // Another server (origin) never inherits the stored key: without a new key it is dropped.
      const serverChanged = keyServer(input.engine, config[input.engine].baseUrl) !== keyServer(input.engine, baseUrl);
      if (input.engine === 'deepl') {
        config.deepl = {
          enabled: input.enabled,
          baseUrl,
          formality: input.formality,
          glossaryId: input.glossaryId.trim(),
          allowUnencrypted,
        };
      } else if (input.engine === 'libretranslate') {
        config.libretranslate = { enabled: input.enabled, baseUrl, allowUnencrypted };
      } else {
        const model = input.model.trim();
        if (input.enabled && model === '')
          throw new ServiceError('ENGINE_MODEL_MISSING', 'Name the model this server should use.', { field: 'model' });
        config.openai = { enabled: input.enabled, baseUrl, model, allowUnencrypted };
      }
      // The key first: when storing it fails, the settings stay as they were.
      if (input.apiKey !== undefined) await engines.secrets.set(input.engine, input.apiKey.trim());
      else if (input.clearKey || serverChanged) await engines.secrets.delete(input.engine);
      writeEngineConfig(repos.settings, config);
      apply(config);
      return view();
    },

    async setDefaultEngine({ sourceLang, targetLang, engineId }) {
      requireProfile(deps);
      const pair = pairOf(sourceLang, targetLang);
      if (engineId !== null && !engines.get(engineId)) {
        throw new ServiceError('ENGINE_NOT_FOUND', `There is no MT engine "${engineId}".`, { engineId });
      }
      const rest = readEngineDefaults(repos.settings).filter((d) => !(d.sourceLang === pair.source && d.targetLang === pair.target));
      writeEngineDefaults(
        repos.settings,
        engineId === null ? rest : [...rest, { sourceLang: pair.source, targetLang: pair.target, engineId }],
      );
      return view();
    },

    async translateDocument({ documentId, scope, paragraphIds, engineId }) {
      if (scope === 'selection' && paragraphIds === undefined) {
        throw new ServiceError('BAD_REQUEST', 'Name the paragraphs to translate.', { field: 'paragraphIds' });
      }
      return jobs.start({
        documentId,
        scope,
        ...(scope === 'selection' && paragraphIds !== undefined ? { paragraphIds } : {}),
        ...(engineId !== undefined ? { engineId } : {}),
      });
    },

    async retranslateParagraph({ paragraphId, engineId }) {
      const paragraph = repos.paragraphs.get(paragraphId);
      if (!paragraph)
        throw new ServiceError('PARAGRAPH_NOT_FOUND', 'This paragraph does not exist (it may have been deleted).', { paragraphId });
      if (!isUntouchedByHumans(paragraph.status)) {
        throw new ServiceError(
          'PARAGRAPH_HAS_HUMAN_WORK',
          'This paragraph has been edited by a person; machine translation would overwrite that work.',
          {
            number: paragraph.index + 1,
          },
        );
      }
      return jobs.start({
        documentId: paragraph.documentId,
        scope: 'selection',
        paragraphIds: [paragraphId],
        bypassCache: true,
        ...(engineId !== undefined ? { engineId } : {}),
      });
    },
  };
}
