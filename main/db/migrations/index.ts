/** Every migration, in order. Add new ones with a higher number than any landed one (a DB already at a version skips lower ones), with a test that migrates a DB holding data. */
import { migration0010Initial } from './0010-initial.js';
import { migration0060MtCache } from './0060-mt-cache.js';
import { migration0030Workflow } from './0030-workflow.js';
import { migration0050Importing } from './0050-importing.js';
import { migration0070TranslationMemory } from './0070-translation-memory.js';
import { migration0080Glossary } from './0080-glossary.js';
import { migration0090InlineCodes } from './0090-inline-codes.js';
import { migration0100HtmlExtract } from './0100-html-extract.js';
import { migration0110ExclusionReplace } from './0110-exclusion-replace.js';
import { migration0120Library } from './0120-library.js';
import { migration0150TmUnitCodes } from './0150-tm-unit-codes.js';
import { migration0170SettingsChanges } from './0170-settings-changes.js';
import { migration0200DeletionHashes } from './0200-deletion-hashes.js';
import { migration0160ProvenanceOrigins } from './0160-provenance-origins.js';
import { migration0180Signatures } from './0180-signatures.js';
import { migration0210AuditRecords } from './0210-audit-records.js';
import { migration0250GlossaryDefinitions } from './0250-glossary-definitions.js';
import { migration0220DocxStructure } from './0220-docx-structure.js';
import { migration0260DocumentSourceFormats } from './0260-document-source-formats.js';
import { migration0270TmxImportStaging } from './0270-tmx-import-staging.js';
import { migration0280TmSentenceUnits } from './0280-tm-sentence-units.js';
import { migration0290TmSourceKeys } from './0290-tm-source-keys.js';
import { migration0300TeamSync } from './0300-team-sync.js';
import { migration0310TeamOutboxSent } from './0310-team-outbox-sent.js';
import { migration0320TeamParagraphHeads } from './0320-team-paragraph-heads.js';
import { migration0340ReviewPackages } from './0340-review-packages.js';
import { migration0370TeamAssignmentAudit } from './0370-team-assignment-audit.js';
import { migration0380TeamTmInbox } from './0380-team-tm-inbox.js';
import { migration0381ReviewPackageExchanges } from './0381-review-package-exchanges.js';
import { migration0390AuditRevisionBatches } from './0390-audit-revision-batches.js';
import { migration0400TeamTmCaptures } from './0400-team-tm-captures.js';
import type { Migration } from './types.js';

export type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [
  migration0010Initial,
  migration0060MtCache,
  migration0030Workflow,
  migration0050Importing,
  migration0070TranslationMemory,
  migration0080Glossary,
  migration0090InlineCodes,
  migration0100HtmlExtract,
  migration0110ExclusionReplace,
  migration0120Library,
  migration0150TmUnitCodes,
  migration0170SettingsChanges,
  migration0200DeletionHashes,
  migration0160ProvenanceOrigins,
  migration0180Signatures,
  migration0210AuditRecords,
  migration0250GlossaryDefinitions,
  migration0220DocxStructure,
  migration0260DocumentSourceFormats,
  migration0270TmxImportStaging,
  migration0280TmSentenceUnits,
  migration0290TmSourceKeys,
  migration0300TeamSync,
  migration0310TeamOutboxSent,
  migration0320TeamParagraphHeads,
  migration0340ReviewPackages,
  migration0370TeamAssignmentAudit,
  migration0380TeamTmInbox,
  migration0381ReviewPackageExchanges,
  migration0390AuditRevisionBatches,
  migration0400TeamTmCaptures,
].sort((a, b) => a.version - b.version);
