/** Services of `ImportingApi` (import formats, bilingual alignment, living stories (issue: Import everything)). */
import type { ImportingApi } from '../../../shared/features/importingApi.js';
import type { ServiceDeps } from '../context.js';

export function createImportingService(deps: ServiceDeps): ImportingApi {
  void deps;
  return {};
}
