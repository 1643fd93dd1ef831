/** Services of `ExportingApi` (export formats, footer templates, attestation (issue: Export and disclosure)). */
import type { ExportingApi } from '../../../shared/features/exportingApi.js';
import type { ServiceDeps } from '../context.js';

export function createExportingService(deps: ServiceDeps): ExportingApi {
  void deps;
  return {};
}
