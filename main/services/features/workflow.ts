/** Services of `WorkflowApi` (history, undo, diffs, metrics, QA, comments, find (issue: Editorial workflow)). */
import type { WorkflowApi } from '../../../shared/features/workflowApi.js';
import type { ServiceDeps } from '../context.js';

export function createWorkflowService(deps: ServiceDeps): WorkflowApi {
  void deps;
  return {};
}
