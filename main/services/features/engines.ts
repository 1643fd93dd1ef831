/** Services of `EnginesApi` (MT engines, cache, provenance, engine settings (issue: Machine translation engines)). */
import type { EnginesApi } from '../../../shared/features/enginesApi.js';
import type { ServiceDeps } from '../context.js';

export function createEnginesService(deps: ServiceDeps): EnginesApi {
  void deps;
  return {};
}
