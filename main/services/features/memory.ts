/** Services of `MemoryApi` (translation memory and glossary (issue: Translation memory and glossary)). */
import type { MemoryApi } from '../../../shared/features/memoryApi.js';
import type { ServiceDeps } from '../context.js';

export function createMemoryService(deps: ServiceDeps): MemoryApi {
  void deps;
  return {};
}
