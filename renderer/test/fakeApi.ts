/**
 * A small in-memory VersoApi for component tests: real status rules from shared/status.ts, errors
 * thrown with codes (as main's services do), every call recorded, and hooks to make a call fail.
 */
import { keyServer } from '../../shared/features/engineUrls.js';
import { mapUnitTokens } from '../../shared/memory/formatting.js';
import type { ImportDocumentInput, ImportSource, MethodName, UpdateParagraphResult, VersoApi } from '../../shared/api.js';
import { canConfirm, canSignOff, statusAfterEdit } from '../../shared/status.js';
import { canonicalLanguageTag } from '../../shared/languages.js';
import type {
  ApiError,
  DocumentDetail,
  DocumentSummary,
  EngineInfo,
  ErrorCode,
  Paragraph,
  ParagraphPage,
  ParagraphStatus,
  Profile,
  Settings,
} from '../../shared/types.js';
import { createEventHub, type EventHub } from '../src/api/memoryTransport.js';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import type { Comment, EditEffort, EditorOfParagraphs, ParagraphChange, ParagraphHistory, SignOffSummary } from '../../shared/features/workflowApi.js';
import type { SignOffOverride } from '../../shared/features/workflowContract.js';
import { qaErrors, runQa } from '../../shared/qa/runQa.js';
import type { BilingualAlignment, ReimportResult, ReimportSummary, ReopenedParagraph } from '../../shared/features/importingApi.js';
import type { ExportFileFormat, ExportFileResult, FooterTemplateEntry, SettingsChange } from '../../shared/features/exportingApi.js';
import { FOOTER_TEMPLATES } from '../../shared/footer.js';
import type { MemorySettings, TmMatch, TmProvenance, TmUnit, TmxImportResult } from '../../shared/features/memoryApi.js';
import type { EngineChoice, EngineChoices, EngineSettings, TranslateScope } from '../../shared/features/enginesApi.js';
import type { SaveEngineSettingsInput } from '../../shared/features/enginesContract.js';
import type { GlossaryExportResult, GlossaryImportResult, GlossaryPairSummary, GlossaryTerm, GlossaryTermInput } from '../../shared/features/glossaryApi.js';
import { cleanTerm } from '../../shared/glossary/normalize.js';
import type { ExcludedExport, ExclusionChange, ExclusionSettings } from '../../shared/features/exclusionApi.js';
import type { DocumentOrigins } from '../../shared/features/provenanceApi.js';
import type { LibraryCheck, SigningKeyStatus } from '../../shared/features/signaturesApi.js';
import { profileNameKey, type ProfileEntry } from '../../shared/features/profilesApi.js';
import type { ReplaceAllResult, UndoReplaceAllResult } from '../../shared/features/replaceApi.js';
import type { TargetReplacement } from '../../shared/features/replaceContract.js';
import { LIBRARY_COUNT_KEYS, type DeletionCheck, type DeletionRecord, type LibraryItem } from '../../shared/features/libraryApi.js';
import type { ListLibraryInput } from '../../shared/features/libraryContract.js';
import { checkTitle, foldForSearch } from '../../shared/features/libraryTitle.js';
import { LIMITS } from '../../shared/limits.js';
import { languageInfo } from '../../shared/languages.js';
import type { BackupInfo, BackupList } from '../../shared/features/backupsApi.js';

export class FakeApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
  }
}

export interface FakeParagraphSeed {
  source: string;
  target?: string;
  status?: ParagraphStatus;
  engineId?: string;
  codes?: InlineCode[];
}

let clock = 0;
function now(): string {
  clock += 1;
  return new Date(Date.UTC(2025, 0, 1, 0, 0, 0, clock)).toISOString();
}

export class FakeVersoApi implements VersoApi {
  profile: Profile | null = null;
  settings: Settings = { publisher: '', contactEmail: '', footerPolicy: 'always' };
  engines: EngineInfo[] = [
    {
      id: 'apertium',
      name: 'Apertium',
      available: true,
      unavailableReason: null,
      pairs: [{ source: 'en', target: 'es' }],
    },
  ];
  readonly docs = new Map<string, DocumentDetail>();
  readonly calls: { method: MethodName; input: unknown }[] = [];
  readonly events: EventHub = createEventHub();
  /** When set, a `getParagraphPage` reply holds at most this many paragraphs (as the service's text budget would cut it). */
  paragraphPageSize: number | null = null;
  /** The job the last translateParagraphs call started. */
  lastJob: { jobId: string; total: number } | null = null;
  private failures = new Map<MethodName, ApiError[]>();
  private nextId = 1;

  /** The next call of `method` fails with this error. */
  failNext(method: MethodName, error: ApiError): void {
    const list = this.failures.get(method) ?? [];
    list.push(error);
    this.failures.set(method, list);
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  private record(method: MethodName, input: unknown): void {
    this.calls.push({ method, input });
    const failure = this.failures.get(method)?.shift();
    if (failure) throw new FakeApiError(failure.code, failure.message, failure.details);
  }

  private id(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  /** Adds a document directly (test set-up). */
  seedDocument(paragraphs: FakeParagraphSeed[], options: { title?: string; sourceLang?: string; targetLang?: string } = {}): DocumentDetail {
    const id = this.id('doc');
    const at = now();
    const doc: DocumentDetail = {
      id,
      title: options.title ?? paragraphs[0]?.source ?? 'Untitled',
      sourceLang: options.sourceLang ?? 'en',
      targetLang: options.targetLang ?? 'es',
      createdAt: at,
      updatedAt: at,
      paragraphCount: paragraphs.length,
      signedOffCount: 0,
      paragraphs: paragraphs.map((seed, index): Paragraph => {
        const target = seed.target ?? '';
        const status = seed.status ?? (target ? 'machine' : 'new');
        return {
          id: this.id('p'),
          documentId: id,
          index,
          kind: 'paragraph',
          marker: null,
          source: seed.source,
          target,
          ...(seed.codes ? { codes: seed.codes } : {}),
          status,
          mt: seed.engineId
            ? {
                text: target,
                engineId: seed.engineId,
                engineVersion: '1',
                sourceLang: options.sourceLang ?? 'en',
                targetLang: options.targetLang ?? 'es',
                createdAt: at,
                unknownWords: [],
              }
            : null,
          signOff:
            status === 'signed-off'
              ? { profileId: 'seed', name: 'Seed Editor', role: 'editor', at, textHash: 'x' }
              : null,
          updatedAt: at,
        };
      }),
    };
    this.docs.set(id, doc);
    return this.summarise(doc);
  }

  private summarise(doc: DocumentDetail): DocumentDetail {
    doc.paragraphCount = doc.paragraphs.length;
    doc.signedOffCount = doc.paragraphs.filter((p) => p.status === 'signed-off').length;
    return doc;
  }

  private findParagraph(paragraphId: string): { doc: DocumentDetail; paragraph: Paragraph } {
    for (const doc of this.docs.values()) {
      const paragraph = doc.paragraphs.find((p) => p.id === paragraphId);
      if (paragraph) return { doc, paragraph };
    }
    throw new FakeApiError('PARAGRAPH_NOT_FOUND', `No paragraph ${paragraphId}`);
  }

  private requireProfile(): Profile {
    if (!this.profile) throw new FakeApiError('NO_PROFILE', 'No profile');
    return this.profile;
  }

  async getProfile(input: Record<string, never>): Promise<Profile | null> {
    this.record('getProfile', input);
    return this.profile;
  }

  async setProfile(input: { name: string; role: Profile['role'] }): Promise<Profile> {
    this.record('setProfile', input);
    const taken = this.allProfiles().find((p) => profileNameKey(p.name) === profileNameKey(input.name));
    if (taken) {
      const passphraseProtected = this.profilePassphrases.has(taken.id);
      throw new FakeApiError('PROFILE_NAME_TAKEN', 'Name taken', { name: taken.name, passphraseProtected });
    }
    this.profile = { id: this.id('profile'), name: input.name, role: input.role, createdAt: now() };
    this.profiles.push(this.profile);
    return this.profile;
  }

  /** Profiles made by `setProfile` or `seedProfile` (a `profile` assigned directly is one too). */
  readonly profiles: Profile[] = [];
  /** Profile id → the passphrase its signing key is sealed with. */
  readonly profilePassphrases = new Map<string, string>();

  /** Adds a profile that is not current (test set-up); with a passphrase, its key is sealed with it. */
  seedProfile(name: string, role: Profile['role'], passphrase?: string): Profile {
    const profile: Profile = { id: this.id('profile'), name, role, createdAt: now() };
    this.profiles.push(profile);
    if (passphrase !== undefined) this.profilePassphrases.set(profile.id, passphrase);
    return profile;
  }

  private allProfiles(): Profile[] {
    const current = this.profile;
    return current && !this.profiles.some((p) => p.id === current.id) ? [...this.profiles, current] : this.profiles;
  }

  async listProfiles(input: Record<string, never>): Promise<ProfileEntry[]> {
    this.record('listProfiles', input);
    return this.allProfiles().map((p) => ({ ...p, passphraseProtected: this.profilePassphrases.has(p.id) }));
  }

  async switchProfile(input: { profileId: string; passphrase?: string }): Promise<Profile> {
    this.record('switchProfile', input);
    const target = this.allProfiles().find((p) => p.id === input.profileId);
    if (!target) throw new FakeApiError('PROFILE_NOT_FOUND', 'No such profile');
    if (target.id === this.profile?.id) return target;
    const sealed = this.profilePassphrases.get(target.id);
    if (sealed !== undefined && !input.passphrase) throw new FakeApiError('PROFILE_PASSPHRASE_REQUIRED', 'Passphrase required', { name: target.name });
    if (sealed !== undefined && input.passphrase !== sealed) throw new FakeApiError('SIGNING_PASSPHRASE_WRONG', 'Wrong passphrase');
    this.profile = target;
    return target;
  }

  async getSettings(input: Record<string, never>): Promise<Settings> {
    this.record('getSettings', input);
    return { ...this.settings };
  }

  async updateSettings(input: Partial<Settings> & { reason?: string }): Promise<Settings> {
    this.record('updateSettings', input);
    const { reason: _reason, ...changes } = input;
    this.settings = { ...this.settings, ...changes };
    return { ...this.settings };
  }

  async listEngines(input: { sourceLang: string; targetLang: string }): Promise<EngineInfo[]> {
    this.record('listEngines', input);
    return this.engines;
  }

  // --- engines (settings kept in memory; jobs as translateParagraphs) ---
  engineSettings: EngineSettings = {
    deepl: { enabled: false, baseUrl: '', formality: 'default', glossaryId: '', keySet: false, keySource: null, keyEnvVar: 'VERSO_DEEPL_KEY', allowUnencrypted: false },
    libretranslate: { enabled: false, baseUrl: '', keySet: false, keySource: null, keyEnvVar: 'VERSO_LIBRETRANSLATE_KEY', allowUnencrypted: false },
    openai: { enabled: false, baseUrl: '', model: '', keySet: false, keySource: null, keyEnvVar: 'VERSO_OPENAI_KEY', allowUnencrypted: false },
    apertiumApy: { enabled: false, baseUrl: '', allowUnencrypted: false },
    defaults: [],
  };

  async getEngineChoices(input: { sourceLang: string; targetLang: string }): Promise<EngineChoices> {
    this.record('getEngineChoices', input);
    const engines = this.engines.map((e) => ({ ...e, kind: (e.id === 'apertium' ? 'apertium' : 'libretranslate') as EngineChoice['kind'], local: e.id === 'apertium', version: '1' }));
    return { engines, defaultEngineId: engines.find((e) => e.available && e.unavailableReason === null)?.id ?? null };
  }

  async getEngineSettings(input: Record<string, never>): Promise<EngineSettings> {
    this.record('getEngineSettings', input);
    return structuredClone(this.engineSettings);
  }

  async saveEngineSettings(input: SaveEngineSettingsInput): Promise<EngineSettings> {
    this.record('saveEngineSettings', input);
    if (input.engine === 'apertium-apy') {
      this.engineSettings.apertiumApy = { enabled: input.enabled, baseUrl: input.baseUrl, allowUnencrypted: input.allowUnencrypted ?? false };
      return structuredClone(this.engineSettings);
    }
    const { engine, apiKey, clearKey, ...rest } = input;
    // As main: another server never inherits the stored key.
    const moved = keyServer(engine, this.engineSettings[engine].baseUrl) !== keyServer(engine, input.baseUrl);
    const keySet = apiKey !== undefined ? true : clearKey || moved ? false : this.engineSettings[engine].keySet;
    Object.assign(this.engineSettings[engine], rest, { keySet, keySource: keySet ? 'stored' : null, allowUnencrypted: rest.allowUnencrypted ?? false });
    return structuredClone(this.engineSettings);
  }

  async setDefaultEngine(input: { sourceLang: string; targetLang: string; engineId: string | null }): Promise<EngineSettings> {
    this.record('setDefaultEngine', input);
    const rest = this.engineSettings.defaults.filter((d) => d.sourceLang !== input.sourceLang || d.targetLang !== input.targetLang);
    this.engineSettings.defaults = input.engineId === null ? rest : [...rest, { sourceLang: input.sourceLang, targetLang: input.targetLang, engineId: input.engineId }];
    return structuredClone(this.engineSettings);
  }

  async translateDocument(input: { documentId: string; scope: TranslateScope; paragraphIds?: string[]; engineId?: string }) {
    this.record('translateDocument', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    const wanted = input.paragraphIds ? new Set(input.paragraphIds) : null;
    const total = doc.paragraphs.filter((p) => (input.scope === 'empty' ? p.status === 'new' : p.status === 'new' || p.status === 'machine') && (!wanted || wanted.has(p.id))).length;
    this.lastJob = { jobId: this.id('job'), total };
    return { ...this.lastJob };
  }

  async retranslateParagraph(input: { paragraphId: string; engineId?: string }) {
    this.record('retranslateParagraph', input);
    const { paragraph } = this.findParagraph(input.paragraphId);
    if (paragraph.status !== 'new' && paragraph.status !== 'machine') throw new FakeApiError('PARAGRAPH_HAS_HUMAN_WORK', 'Human work');
    this.lastJob = { jobId: this.id('job'), total: 1 };
    return { ...this.lastJob };
  }

  async importDocument(input: ImportDocumentInput): Promise<DocumentDetail> {
    this.record('importDocument', input);
    if (canonicalLanguageTag(input.sourceLang) === null || canonicalLanguageTag(input.targetLang) === null) {
      throw new FakeApiError('LANGUAGE_UNKNOWN', 'Unknown language');
    }
    if (input.source.kind !== 'text') throw new FakeApiError('IMPORT_UNSUPPORTED_FORMAT', 'Files are not faked');
    const blocks = input.source.text
      .split(/\n\s*\n/)
      .map((b) => b.trim())
      .filter((b) => b !== '');
    if (blocks.length === 0) throw new FakeApiError('IMPORT_EMPTY', 'Empty');
    const doc = this.seedDocument(
      blocks.map((source) => ({ source })),
      { sourceLang: input.sourceLang, targetLang: input.targetLang, ...(input.title ? { title: input.title } : {}) },
    );
    return doc;
  }

  async listDocuments(input: Record<string, never>): Promise<DocumentSummary[]> {
    this.record('listDocuments', input);
    return [...this.docs.values()].map((d) => {
      const { paragraphs: _paragraphs, ...summary } = this.summarise(d);
      return summary;
    });
  }

  async getDocument(input: { documentId: string }): Promise<DocumentDetail> {
    this.record('getDocument', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    return this.summarise(doc);
  }

  async getParagraphPage(input: { documentId: string; from: number; limit?: number }): Promise<ParagraphPage> {
    this.record('getParagraphPage', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    const size = Math.min(input.limit ?? LIMITS.paragraphPageDefault, this.paragraphPageSize ?? Infinity);
    const rest = doc.paragraphs.filter((p) => p.index >= input.from);
    const paragraphs = rest.slice(0, size);
    return { paragraphs, next: rest[size]?.index ?? null, total: doc.paragraphs.length };
  }

  async deleteDocument(input: { documentId: string }): Promise<{ deleted: true }> {
    this.record('deleteDocument', input);
    const check = this.deletionCheck(input.documentId);
    if (!check.allowed) throw new FakeApiError('LIBRARY_DELETE_NEEDS_EDITOR', 'Only an editor', { title: check.title, signOffs: check.signOffCount });
    const doc = this.docs.get(input.documentId)!;
    this.deletions.unshift({
      id: this.deletions.length + 1,
      documentId: doc.id,
      title: doc.title,
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
      importedAt: doc.createdAt,
      paragraphCount: check.paragraphCount,
      signedOffCount: check.signedOffCount,
      signOffCount: check.signOffCount,
      deletedBy: this.profile!.name,
      role: this.profile!.role,
      deletedAt: now(),
      contentSha256: `fake-sha256-of-${doc.id}`,
    });
    this.docs.delete(input.documentId);
    return { deleted: true };
  }

  async translateParagraphs(input: { documentId: string; paragraphIds?: string[]; engineId?: string }) {
    this.record('translateParagraphs', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    const total = doc.paragraphs.filter((p) => p.status === 'new' || p.status === 'machine').length;
    this.lastJob = { jobId: this.id('job'), total };
    return { ...this.lastJob };
  }

  /** Fills every untouched paragraph of the document as the MT job would ("[es] source"). */
  applyMachineTranslation(documentId: string, engineId = 'apertium'): void {
    const doc = this.docs.get(documentId)!;
    for (const p of doc.paragraphs) {
      if (p.status !== 'new' && p.status !== 'machine') continue;
      const at = now();
      p.target = `[${doc.targetLang}] ${p.source}`;
      p.status = 'machine';
      p.mt = {
        text: p.target,
        engineId,
        engineVersion: '1',
        sourceLang: doc.sourceLang,
        targetLang: doc.targetLang,
        createdAt: at,
        unknownWords: [],
      };
      p.updatedAt = at;
    }
  }

  async cancelJob(input: { jobId: string }): Promise<{ cancelled: boolean }> {
    this.record('cancelJob', input);
    return { cancelled: true };
  }

  async updateParagraphTarget(input: { paragraphId: string; target: string }): Promise<UpdateParagraphResult> {
    this.record('updateParagraphTarget', input);
    this.requireProfile();
    const { paragraph } = this.findParagraph(input.paragraphId);
    const next = statusAfterEdit(paragraph.status, paragraph.target, input.target, paragraph.mt?.text);
    paragraph.target = input.target;
    paragraph.status = next.status;
    if (next.withdrawsSignOff) paragraph.signOff = null;
    paragraph.updatedAt = now();
    return { paragraph: { ...paragraph }, signOffWithdrawn: next.withdrawsSignOff };
  }

  async confirmParagraphs(input: { paragraphIds: string[] }): Promise<Paragraph[]> {
    this.record('confirmParagraphs', input);
    this.requireProfile();
    const found = input.paragraphIds.map((id) => this.findParagraph(id).paragraph);
    for (const p of found) {
      const check = canConfirm(p.status, p.target);
      if (!check.ok) throw new FakeApiError(check.code, check.code);
    }
    for (const p of found) {
      p.status = 'translated';
      p.updatedAt = now();
    }
    return found.map((p) => ({ ...p }));
  }

  async signOffParagraphs(input: { paragraphIds: string[] }): Promise<Paragraph[]> {
    this.record('signOffParagraphs', input);
    const profile = this.requireProfile();
    const found = input.paragraphIds.map((id) => this.findParagraph(id).paragraph);
    for (const p of found) {
      const check = canSignOff(p.status, p.target, profile.role);
      if (!check.ok) throw new FakeApiError(check.code, check.code);
    }
    for (const p of found) {
      p.status = 'signed-off';
      p.updatedAt = now();
      p.signOff = { profileId: profile.id, name: profile.name, role: profile.role, at: p.updatedAt, textHash: 'hash' };
    }
    return found.map((p) => ({ ...p }));
  }

  // --- workflow (the QA gate is the real one from shared/qa; history is not simulated) ---
  async signOffReviewed(input: { paragraphIds: string[]; overrides?: SignOffOverride[]; review?: unknown[] }): Promise<SignOffSummary> {
    this.record('signOffReviewed', input);
    const profile = this.requireProfile();
    if (profile.role !== 'editor') throw new FakeApiError('ROLE_FORBIDDEN', 'Only editors sign off');
    const reasons = new Set((input.overrides ?? []).map((o) => o.paragraphId));
    const summary: SignOffSummary = { signedOff: [], skipped: [], fast: [] };
    for (const id of input.paragraphIds) {
      const { doc, paragraph: p } = this.findParagraph(id);
      if (p.excluded) {
        summary.skipped.push({ paragraphId: id, number: p.index + 1, reason: 'excluded', issues: [] });
        continue;
      }
      const check = canSignOff(p.status, p.target, profile.role);
      if (!check.ok) {
        summary.skipped.push({ paragraphId: id, number: p.index + 1, reason: check.code === 'PARAGRAPH_EMPTY' ? 'empty' : 'status', issues: [] });
        continue;
      }
      const errors = qaErrors(runQa({ source: p.source, target: p.target, sourceLang: doc.sourceLang, targetLang: doc.targetLang, mt: p.mt }));
      if (errors.length > 0 && !reasons.has(id)) {
        summary.skipped.push({ paragraphId: id, number: p.index + 1, reason: 'qa', issues: errors });
        continue;
      }
      p.status = 'signed-off';
      p.updatedAt = now();
      p.signOff = { profileId: profile.id, name: profile.name, role: profile.role, at: p.updatedAt, textHash: 'hash' };
      summary.signedOff.push({ ...p });
    }
    return summary;
  }

  async getParagraphHistory(input: { paragraphId: string }): Promise<ParagraphHistory> {
    this.record('getParagraphHistory', input);
    this.findParagraph(input.paragraphId);
    return { paragraphId: input.paragraphId, entries: [], canUndo: false, canRedo: false };
  }

  async undoParagraph(input: { paragraphId: string }): Promise<ParagraphChange> {
    this.record('undoParagraph', input);
    throw new FakeApiError('NOTHING_TO_UNDO', 'Nothing to undo', { number: this.findParagraph(input.paragraphId).paragraph.index + 1 });
  }

  async redoParagraph(input: { paragraphId: string }): Promise<ParagraphChange> {
    this.record('redoParagraph', input);
    throw new FakeApiError('NOTHING_TO_REDO', 'Nothing to redo', { number: this.findParagraph(input.paragraphId).paragraph.index + 1 });
  }

  readonly effort = new Map<string, { activeMs: number; keystrokes: number }>();

  async reportReviewFocus(input: { paragraphId: string | null }): Promise<{ recorded: true }> {
    this.record('reportReviewFocus', input);
    return { recorded: true };
  }

  async reportDiffViewed(input: { paragraphId: string }): Promise<{ recorded: true }> {
    this.record('reportDiffViewed', input);
    return { recorded: true };
  }

  async recordEditEffort(input: { paragraphId: string; activeMs: number; keystrokes: number }): Promise<{ recorded: true }> {
    this.record('recordEditEffort', input);
    this.requireProfile();
    this.findParagraph(input.paragraphId);
    const e = this.effort.get(input.paragraphId) ?? { activeMs: 0, keystrokes: 0 };
    this.effort.set(input.paragraphId, { activeMs: e.activeMs + input.activeMs, keystrokes: e.keystrokes + input.keystrokes });
    return { recorded: true };
  }

  async getDocumentEffort(input: { documentId: string }): Promise<EditEffort[]> {
    this.record('getDocumentEffort', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    return doc.paragraphs.flatMap((p) => {
      const e = this.effort.get(p.id);
      return e ? [{ paragraphId: p.id, ...e }] : [];
    });
  }

  readonly comments: Comment[] = [];

  async listComments(input: { documentId: string }): Promise<Comment[]> {
    this.record('listComments', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    const ids = new Set(doc.paragraphs.map((p) => p.id));
    return this.comments.filter((c) => ids.has(c.paragraphId)).map((c) => ({ ...c }));
  }

  async addComment(input: { paragraphId: string; body: string }): Promise<Comment> {
    this.record('addComment', input);
    const profile = this.requireProfile();
    this.findParagraph(input.paragraphId);
    const comment: Comment = {
      id: this.id('c'),
      paragraphId: input.paragraphId,
      authorName: profile.name,
      role: profile.role,
      body: input.body.trim(),
      createdAt: now(),
      resolved: null,
    };
    this.comments.push(comment);
    return { ...comment };
  }

  async setCommentResolved(input: { commentId: string; resolved: boolean }): Promise<Comment> {
    this.record('setCommentResolved', input);
    const profile = this.requireProfile();
    const comment = this.comments.find((c) => c.id === input.commentId);
    if (!comment) throw new FakeApiError('COMMENT_NOT_FOUND', 'No such comment');
    comment.resolved = input.resolved ? { at: now(), byName: profile.name } : null;
    return { ...comment };
  }

  async listEditors(input: { documentId: string }): Promise<EditorOfParagraphs[]> {
    this.record('listEditors', input);
    if (!this.docs.has(input.documentId)) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    return [];
  }

  async restoreRevision(input: { paragraphId: string; revisionId: number }): Promise<ParagraphChange> {
    this.record('restoreRevision', input);
    this.findParagraph(input.paragraphId);
    throw new FakeApiError('REVISION_NOT_FOUND', 'No such revision', { revisionId: input.revisionId });
  }

  // Importing (living stories): tests set what a re-import returns and which paragraphs are reopened.
  reimportSummary: ReimportSummary | null = null;
  readonly reopened = new Map<string, ReopenedParagraph[]>();

  async reimportDocument(input: { documentId: string; source: ImportSource }): Promise<ReimportResult> {
    this.record('reimportDocument', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    const summary = this.reimportSummary ?? { reimportId: 1, unchanged: doc.paragraphs.length, moved: [], changed: [], added: [], removed: [], signOffsWithdrawn: 0 };
    return { document: this.summarise(doc), summary };
  }

  /** What alignBilingual returns (tests set it); importBilingual builds the document from its sources. */
  alignment: BilingualAlignment | null = null;

  async alignBilingual(input: { source: ImportSource; translation: ImportSource }): Promise<BilingualAlignment> {
    this.record('alignBilingual', input);
    if (!this.alignment) throw new FakeApiError('IMPORT_EMPTY', 'No alignment set');
    return this.alignment;
  }

  async importBilingual(input: { source: ImportSource; targets: string[]; sourceLang: string; targetLang: string; title?: string }): Promise<DocumentDetail> {
    this.record('importBilingual', input);
    const sources = this.alignment?.sources ?? [];
    if (input.targets.length !== sources.length) {
      throw new FakeApiError('ALIGNMENT_COUNT_MISMATCH', 'Counts differ', { sources: sources.length, targets: input.targets.length });
    }
    const seeded = this.seedDocument(
      sources.map((src, i) => ({ source: src.text, target: input.targets[i] ?? '', status: input.targets[i] ? 'edited' : 'new' })),
      { title: input.title ?? sources[0]?.text ?? 'Untitled', sourceLang: input.sourceLang, targetLang: input.targetLang },
    );
    return seeded;
  }

  async listReopenedParagraphs(input: { documentId: string }): Promise<ReopenedParagraph[]> {
    this.record('listReopenedParagraphs', input);
    return this.reopened.get(input.documentId) ?? [];
  }

  /** The text of an export (txt or md), as `exportFile` gives it. */
  private textExport(input: { documentId: string; format: 'txt' | 'md'; mode: 'publish' | 'draft' }): { fileName: string; mimeType: string; content: string; draft: boolean } {
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    if (input.mode === 'publish') {
      const missing = doc.paragraphs.filter((p) => p.status !== 'signed-off').map((p) => p.index + 1);
      if (missing.length > 0) {
        throw new FakeApiError('EXPORT_NOT_SIGNED_OFF', `${missing.length} paragraphs are not signed off`, {
          count: missing.length,
          paragraphs: missing,
        });
      }
    }
    const body = doc.paragraphs.map((p) => p.target).join('\n\n');
    return {
      fileName: `article.${doc.targetLang}.${input.format}`,
      mimeType: input.format === 'md' ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8',
      content: input.mode === 'draft' ? `DRAFT\n\n${body}\n` : `${body}\n`,
      draft: input.mode === 'draft',
    };
  }

  // --- exporting (text formats delegate to the core fake; DOCX is a fixed byte string) ---
  footerOverrides: Record<string, string[]> = {};

  async exportFile(input: { documentId: string; format: ExportFileFormat; mode: 'publish' | 'draft' }): Promise<ExportFileResult> {
    this.record('exportFile', input);
    const base = this.textExport({ documentId: input.documentId, format: input.format === 'md' ? 'md' : 'txt', mode: input.mode });
    const binary = input.format === 'docx';
    return {
      fileName: base.fileName.replace(/\.(txt|md)$/, `.${input.format}`),
      mimeType: input.format === 'txt' || input.format === 'md' ? base.mimeType : `application/x-fake-${input.format}`,
      encoding: binary ? 'base64' : 'utf8',
      content: binary ? 'UEsDBA==' : base.content,
      draft: base.draft,
      footer: !base.draft,
      warnings: [],
    };
  }

  private footerEntry(lang: string): FooterTemplateEntry {
    const vetted = FOOTER_TEMPLATES[lang];
    return { lang, vetted: vetted ? [...vetted.lines] : null, override: this.footerOverrides[lang] ?? null };
  }

  async listFooterTemplates(input: Record<string, never>): Promise<FooterTemplateEntry[]> {
    this.record('listFooterTemplates', input);
    return [...new Set([...Object.keys(FOOTER_TEMPLATES), ...Object.keys(this.footerOverrides)])].sort().map((l) => this.footerEntry(l));
  }

  /** What listSettingsChanges returns (tests set it). */
  settingsChanges: SettingsChange[] = [];

  async listSettingsChanges(input: { limit?: number }): Promise<SettingsChange[]> {
    this.record('listSettingsChanges', input);
    return [...this.settingsChanges];
  }

  async saveFooterTemplate(input: { lang: string; lines: string[]; reason?: string }): Promise<FooterTemplateEntry> {
    this.record('saveFooterTemplate', input);
    this.footerOverrides[input.lang] = input.lines;
    return this.footerEntry(input.lang);
  }

  async resetFooterTemplate(input: { lang: string; reason?: string }): Promise<FooterTemplateEntry> {
    this.record('resetFooterTemplate', input);
    delete this.footerOverrides[input.lang];
    return this.footerEntry(input.lang);
  }

  // --- glossary (terms kept in memory; validation is the shared one; files are not parsed) ---
  readonly glossary: GlossaryTerm[] = [];
  /** What importGlossary returns (tests set it). */
  glossaryImportResult: GlossaryImportResult = { added: 0, updated: 0, unchanged: 0, removed: 0, total: 0 };

  /** Adds a term directly (test set-up). */
  seedGlossaryTerm(input: GlossaryTermInput, pair: { sourceLang: string; targetLang: string } = { sourceLang: 'en', targetLang: 'es' }): GlossaryTerm {
    const at = now();
    const term: GlossaryTerm = { id: this.id('term'), ...pair, source: input.source, target: input.target, note: input.note ?? '', definition: input.definition ?? '', forbidden: input.forbidden ?? [], caseSensitive: input.caseSensitive ?? false, createdAt: at, updatedAt: at };
    this.glossary.push(term);
    return term;
  }

  private cleanGlossaryTerm(input: GlossaryTermInput) {
    const result = cleanTerm(input);
    if (!result.ok) {
      const p = result.problem;
      if (p.kind === 'empty') throw new FakeApiError('GLOSSARY_TERM_EMPTY', 'Empty', { field: p.field });
      if (p.kind === 'forbiddenIsTarget') throw new FakeApiError('GLOSSARY_FORBIDDEN_IS_TARGET', 'Both', { variant: p.variant });
      throw new FakeApiError('GLOSSARY_TERM_TOO_LONG', 'Too long', { limit: 'limit' in p ? p.limit : 0 });
    }
    return result.term;
  }

  async listGlossaryPairs(input: Record<string, never>): Promise<GlossaryPairSummary[]> {
    this.record('listGlossaryPairs', input);
    const counts = new Map<string, GlossaryPairSummary>();
    for (const t of this.glossary) {
      const key = `${t.sourceLang}|${t.targetLang}`;
      const entry = counts.get(key) ?? { sourceLang: t.sourceLang, targetLang: t.targetLang, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    return [...counts.values()];
  }

  async listGlossaryTerms(input: { sourceLang: string; targetLang: string }): Promise<GlossaryTerm[]> {
    this.record('listGlossaryTerms', input);
    return this.glossary.filter((t) => t.sourceLang === input.sourceLang && t.targetLang === input.targetLang).map((t) => ({ ...t }));
  }

  async listDocumentGlossary(input: { documentId: string }): Promise<GlossaryTerm[]> {
    this.record('listDocumentGlossary', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    return this.glossary.filter((t) => t.sourceLang === doc.sourceLang && t.targetLang === doc.targetLang).map((t) => ({ ...t }));
  }

  async addGlossaryTerm(input: { sourceLang: string; targetLang: string; term: GlossaryTermInput }): Promise<GlossaryTerm> {
    this.record('addGlossaryTerm', input);
    const term = this.cleanGlossaryTerm(input.term);
    if (this.glossary.some((t) => t.sourceLang === input.sourceLang && t.targetLang === input.targetLang && t.source === term.source)) {
      throw new FakeApiError('GLOSSARY_TERM_DUPLICATE', 'Duplicate', { source: term.source });
    }
    return { ...this.seedGlossaryTerm(term, { sourceLang: input.sourceLang, targetLang: input.targetLang }) };
  }

  async updateGlossaryTerm(input: { termId: string; term: GlossaryTermInput }): Promise<GlossaryTerm> {
    this.record('updateGlossaryTerm', input);
    const existing = this.glossary.find((t) => t.id === input.termId);
    if (!existing) throw new FakeApiError('GLOSSARY_TERM_NOT_FOUND', 'No such term', { termId: input.termId });
    Object.assign(existing, this.cleanGlossaryTerm(input.term), { updatedAt: now() });
    return { ...existing };
  }

  async deleteGlossaryTerm(input: { termId: string }): Promise<{ deleted: true }> {
    this.record('deleteGlossaryTerm', input);
    const index = this.glossary.findIndex((t) => t.id === input.termId);
    if (index < 0) throw new FakeApiError('GLOSSARY_TERM_NOT_FOUND', 'No such term', { termId: input.termId });
    this.glossary.splice(index, 1);
    return { deleted: true };
  }

  async importGlossary(input: { sourceLang: string; targetLang: string; fileName: string; dataBase64: string; format?: 'csv' | 'tbx'; mode: 'merge' | 'replace' }): Promise<GlossaryImportResult> {
    this.record('importGlossary', input);
    return { ...this.glossaryImportResult };
  }

  async exportGlossary(input: { sourceLang: string; targetLang: string; format: 'csv' | 'tbx'; tbxVersion?: 'v2' | 'v3' }): Promise<GlossaryExportResult> {
    this.record('exportGlossary', input);
    const terms = this.glossary.filter((t) => t.sourceLang === input.sourceLang && t.targetLang === input.targetLang);
    return { fileName: `glossary.${input.sourceLang}-${input.targetLang}.${input.format}`, mimeType: 'text/plain', content: terms.map((t) => `${t.source} => ${t.target}`).join('\n') };
  }

  // Translation memory: tests set the matches per paragraph and the concordance hits.
  readonly tmMatches = new Map<string, TmMatch[]>();
  tmConcordance: TmUnit[] = [];
  memorySettings: MemorySettings = { prefillExact: false };
  /** When set, TM lookups answer only after this promise settles (a slow lookup). */
  tmLookupDelay: Promise<void> | null = null;

  async lookupTm(input: { paragraphId: string }): Promise<TmMatch[]> {
    this.record('lookupTm', input);
    this.findParagraph(input.paragraphId);
    if (this.tmLookupDelay) await this.tmLookupDelay;
    return this.tmMatches.get(input.paragraphId) ?? [];
  }

  async applyTmMatch(input: { paragraphId: string; unitId: number }): Promise<UpdateParagraphResult> {
    this.record('applyTmMatch', input);
    this.requireProfile();
    const match = (this.tmMatches.get(input.paragraphId) ?? []).find((m) => m.unitId === input.unitId);
    if (!match) throw new FakeApiError('TM_UNIT_NOT_FOUND', 'No such TM unit', { unitId: input.unitId });
    const { paragraph } = this.findParagraph(input.paragraphId);
    const target = mapUnitTokens(match.target, match.codes ?? [], paragraph.codes ?? []);
    const next = statusAfterEdit(paragraph.status, paragraph.target, target, paragraph.mt?.text);
    paragraph.target = target;
    paragraph.status = next.status;
    if (next.withdrawsSignOff) paragraph.signOff = null;
    paragraph.updatedAt = now();
    return { paragraph: { ...paragraph }, signOffWithdrawn: next.withdrawsSignOff };
  }

  async listTmProvenance(input: { paragraphId: string }): Promise<TmProvenance[]> {
    this.record('listTmProvenance', input);
    this.findParagraph(input.paragraphId);
    return [];
  }

  async prefillTmMatches(input: { documentId: string }): Promise<{ paragraphs: Paragraph[] }> {
    this.record('prefillTmMatches', input);
    return { paragraphs: [] };
  }

  async searchTmConcordance(input: { sourceLang: string; targetLang: string; query: string }): Promise<TmUnit[]> {
    this.record('searchTmConcordance', input);
    if (input.query.trim() === '') throw new FakeApiError('TM_QUERY_EMPTY', 'Empty query');
    return this.tmConcordance;
  }

  async importTmx(input: { sourceLang: string; targetLang: string; fileName: string; dataBase64: string; mode: 'merge' | 'replace' }): Promise<TmxImportResult> {
    this.record('importTmx', input);
    return { imported: 1, skipped: 0, removed: 0, notKept: { notes: 0, properties: 0, sourceVariants: 0 } };
  }

  async exportTmx(input: { sourceLang: string; targetLang: string }): Promise<{ fileName: string; content: string; units: number }> {
    this.record('exportTmx', input);
    return { fileName: `verso-tm-${input.sourceLang}-${input.targetLang}.tmx`, content: '<tmx version="1.4"/>', units: 0 };
  }

  async getTmStats(input: { sourceLang: string; targetLang: string }): Promise<{ units: number }> {
    this.record('getTmStats', input);
    return { units: 0 };
  }

  async getMemorySettings(input: Record<string, never>): Promise<MemorySettings> {
    this.record('getMemorySettings', input);
    return { ...this.memorySettings };
  }

  async updateMemorySettings(input: Partial<MemorySettings>): Promise<MemorySettings> {
    this.record('updateMemorySettings', input);
    this.memorySettings = { ...this.memorySettings, ...input };
    return { ...this.memorySettings };
  }

  // --- exclusion (the rules of main/services/features/exclusion.ts, without the history) ---
  readonly excludedExport = new Map<string, ExcludedExport>();

  async setParagraphsExcluded(input: { paragraphIds: string[]; excluded: boolean; withdrawSignOffs?: boolean }): Promise<ExclusionChange> {
    this.record('setParagraphsExcluded', input);
    const profile = this.requireProfile();
    const found = input.paragraphIds.map((id) => this.findParagraph(id).paragraph);
    const signed = input.excluded ? found.filter((p) => p.status === 'signed-off' && !p.excluded).map((p) => p.index + 1) : [];
    if (signed.length > 0 && profile.role !== 'editor') throw new FakeApiError('ROLE_FORBIDDEN', 'Only editors', { count: signed.length, paragraphs: signed });
    if (signed.length > 0 && !input.withdrawSignOffs) throw new FakeApiError('EXCLUDE_WITHDRAWS_SIGN_OFF', 'Confirm', { count: signed.length, paragraphs: signed });
    const change: ExclusionChange = { paragraphs: [], signOffsWithdrawn: [], unchanged: [] };
    for (const p of found) {
      if ((p.excluded !== undefined) === input.excluded) {
        change.unchanged.push(p.index + 1);
        continue;
      }
      p.updatedAt = now();
      if (input.excluded && p.status === 'signed-off') {
        p.status = 'translated';
        p.signOff = null;
        change.signOffsWithdrawn.push(p.index + 1);
      }
      if (input.excluded) p.excluded = { at: p.updatedAt, name: profile.name, role: profile.role, origin: 'human' };
      else delete p.excluded;
      change.paragraphs.push({ ...p });
    }
    return change;
  }

  async getExclusionSettings(input: { documentId: string }): Promise<ExclusionSettings> {
    this.record('getExclusionSettings', input);
    return { excludedExport: this.excludedExport.get(input.documentId) ?? 'omit' };
  }

  async setExclusionSettings(input: { documentId: string } & ExclusionSettings): Promise<ExclusionSettings> {
    this.record('setExclusionSettings', input);
    this.excludedExport.set(input.documentId, input.excludedExport);
    return { excludedExport: input.excludedExport };
  }

  // --- Replace all (one batch per call; undo puts the texts back when nobody changed them since) ---
  private readonly replaceBatches = new Map<string, { paragraphId: string; before: string; after: string }[]>();

  async replaceAllInTargets(input: { documentId: string; changes: TargetReplacement[]; withdrawSignOffs?: boolean }): Promise<ReplaceAllResult> {
    this.record('replaceAllInTargets', input);
    this.requireProfile();
    const found = input.changes.map((c) => ({ c, p: this.findParagraph(c.paragraphId).paragraph }));
    const stale = found.filter(({ c, p }) => p.target !== c.before).map(({ p }) => p.index + 1);
    if (stale.length > 0) throw new FakeApiError('REPLACE_TARGET_CHANGED', 'Changed', { count: stale.length, paragraphs: stale });
    const signed = found.filter(({ p }) => p.status === 'signed-off').map(({ p }) => p.index + 1);
    if (signed.length > 0 && !input.withdrawSignOffs) throw new FakeApiError('REPLACE_WITHDRAWS_SIGN_OFF', 'Confirm', { count: signed.length, paragraphs: signed });
    const batchId = this.id('batch');
    const result: ReplaceAllResult = { batchId, paragraphs: [], occurrences: 0, signOffsWithdrawn: [] };
    const batch: { paragraphId: string; before: string; after: string }[] = [];
    for (const { c, p } of found) {
      const next = statusAfterEdit(p.status, p.target, c.after);
      if (next.withdrawsSignOff) result.signOffsWithdrawn.push(p.index + 1);
      batch.push({ paragraphId: p.id, before: p.target, after: c.after });
      Object.assign(p, { target: c.after, status: next.status, signOff: next.withdrawsSignOff ? null : p.signOff, updatedAt: now() });
      result.paragraphs.push({ ...p });
      result.occurrences += c.occurrences;
    }
    this.replaceBatches.set(batchId, batch);
    return result;
  }

  async undoReplaceAll(input: { batchId: string }): Promise<UndoReplaceAllResult> {
    this.record('undoReplaceAll', input);
    this.requireProfile();
    const batch = this.replaceBatches.get(input.batchId);
    if (!batch) throw new FakeApiError('REPLACE_BATCH_NOT_FOUND', 'Unknown batch');
    this.replaceBatches.delete(input.batchId);
    const result: UndoReplaceAllResult = { paragraphs: [], undone: 0, kept: [] };
    for (const b of batch) {
      const { paragraph: p } = this.findParagraph(b.paragraphId);
      if (p.target !== b.after) {
        result.kept.push(p.index + 1);
        continue;
      }
      Object.assign(p, { target: b.before, status: statusAfterEdit(p.status, p.target, b.before).status, updatedAt: now() });
      result.paragraphs.push({ ...p });
      result.undone += 1;
    }
    return result;
  }

  // Library (shared/features/libraryApi.ts): the same rules as main/services/features/library.ts, in memory.
  readonly deletions: DeletionRecord[] = [];

  libraryItem(doc: DocumentDetail): LibraryItem {
    const changedAt = doc.paragraphs.reduce((max, p) => (p.updatedAt > max ? p.updatedAt : max), doc.updatedAt);
    return {
      id: doc.id,
      title: doc.title,
      sourceLang: doc.sourceLang,
      targetLang: doc.targetLang,
      importedAt: doc.createdAt,
      changedAt,
      fileName: null,
      paragraphCount: doc.paragraphs.length,
      counts: LIBRARY_COUNT_KEYS.map((key) => ({
        key,
        count: doc.paragraphs.filter((p) => (p.excluded ? key === 'excluded' : p.status === key)).length,
      })),
    };
  }

  private deletionCheck(documentId: string): DeletionCheck {
    const doc = this.docs.get(documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    if (!this.profile) throw new FakeApiError('NO_PROFILE', 'No profile');
    const signed = doc.paragraphs.filter((p) => p.status === 'signed-off').length;
    return {
      documentId,
      title: doc.title,
      paragraphCount: doc.paragraphs.length,
      signedOffCount: signed,
      signOffCount: signed,
      allowed: signed === 0 || this.profile.role === 'editor',
    };
  }

  async listLibrary(input: ListLibraryInput): Promise<LibraryItem[]> {
    this.record('listLibrary', input);
    const words = foldForSearch(input.query ?? '').split(' ').filter((w) => w !== '');
    const names = (tag: string) => [tag, languageInfo(tag)?.englishName ?? '', languageInfo(tag)?.nativeName ?? ''].join(' ');
    const items = [...this.docs.values()]
      .map((d) => this.libraryItem(d))
      .filter((i) => words.every((w) => foldForSearch(`${i.title} ${names(i.sourceLang)} ${names(i.targetLang)}`).includes(w)));
    const collator = new Intl.Collator([input.locale ?? 'en'], { sensitivity: 'base' });
    return items.sort((a, b) =>
      input.sort === 'title' ? collator.compare(a.title, b.title) : a.changedAt === b.changedAt ? 0 : a.changedAt > b.changedAt ? -1 : 1,
    );
  }

  async getLibraryItem(input: { documentId: string }): Promise<LibraryItem> {
    this.record('getLibraryItem', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document', { documentId: input.documentId });
    return this.libraryItem(doc);
  }

  async renameDocument(input: { documentId: string; title: string }): Promise<LibraryItem> {
    this.record('renameDocument', input);
    const doc = this.docs.get(input.documentId);
    if (!doc) throw new FakeApiError('DOCUMENT_NOT_FOUND', 'No such document');
    const checked = checkTitle(input.title);
    if (!checked.ok) throw new FakeApiError(checked.code, 'Bad title', checked.limit === undefined ? undefined : { limit: checked.limit });
    if (checked.title !== doc.title) {
      doc.title = checked.title;
      doc.updatedAt = now();
    }
    return this.libraryItem(doc);
  }

  async checkDocumentDeletion(input: { documentId: string }): Promise<DeletionCheck> {
    this.record('checkDocumentDeletion', input);
    return this.deletionCheck(input.documentId);
  }

  async listDocumentDeletions(input: Record<string, never>): Promise<DeletionRecord[]> {
    this.record('listDocumentDeletions', input);
    return [...this.deletions];
  }

  // --- origins (issue 12; the rules of main/services/features/provenance.ts). Tests put unknown origins in `origins`. ---
  readonly origins = new Map<string, DocumentOrigins>();

  async getDocumentOrigins(input: { documentId: string }): Promise<DocumentOrigins> {
    this.record('getDocumentOrigins', input);
    return this.origins.get(input.documentId) ?? { unknown: [] };
  }

  async declareHumanOrigin(input: { documentId: string; reason: string; paragraphIds?: string[] }): Promise<DocumentOrigins> {
    this.record('declareHumanOrigin', input);
    const profile = this.requireProfile();
    if (profile.role !== 'editor') throw new FakeApiError('ORIGIN_DECLARE_NEEDS_EDITOR', 'Only editors');
    if (input.reason.trim() === '') throw new FakeApiError('ORIGIN_REASON_REQUIRED', 'A reason');
    const current = this.origins.get(input.documentId) ?? { unknown: [] };
    const open = current.unknown.filter((o) => o.declaredHuman === null && (!input.paragraphIds || input.paragraphIds.includes(o.paragraphId)));
    if (open.length === 0) throw new FakeApiError('ORIGIN_NOTHING_UNKNOWN', 'Nothing');
    const declaredHuman = { name: profile.name, role: profile.role, at: now(), reason: input.reason.trim() };
    const next = { unknown: current.unknown.map((o) => (open.includes(o) ? { ...o, declaredHuman } : o)) };
    this.origins.set(input.documentId, next);
    return next;
  }

  // --- signatures (issue 12): the fake library always checks clean unless a test sets `libraryCheck` ---
  libraryCheck: LibraryCheck = {
    state: 'idle', trigger: null, done: 0, total: 0, links: 0, revisions: 0, signedOff: 0, problems: [], problemCount: 0, finishedAt: null,
  };

  async verifyLibrary(input: Record<string, never>): Promise<LibraryCheck> {
    this.record('verifyLibrary', input);
    if (this.libraryCheck.state !== 'done') this.libraryCheck = { ...this.libraryCheck, state: 'done', trigger: 'manual', finishedAt: now() };
    return this.libraryCheck;
  }

  async getLibraryCheck(input: Record<string, never>): Promise<LibraryCheck> {
    this.record('getLibraryCheck', input);
    return this.libraryCheck;
  }

  signingPassphrase: string | null = null;
  signingUnlocked = false;

  async getSigningKey(input: Record<string, never>): Promise<SigningKeyStatus> {
    this.record('getSigningKey', input);
    return { state: this.signingUnlocked ? 'unlocked' : this.signingPassphrase === null ? 'none' : 'locked' };
  }

  async unlockSigningKey(input: { passphrase: string }): Promise<SigningKeyStatus & { created: boolean }> {
    this.record('unlockSigningKey', input);
    const created = this.signingPassphrase === null;
    if (!created && input.passphrase !== this.signingPassphrase) throw new FakeApiError('SIGNING_PASSPHRASE_WRONG', 'Wrong passphrase');
    this.signingPassphrase = input.passphrase;
    this.signingUnlocked = true;
    return { state: 'unlocked', created };
  }
  // Backups (issue 13): a list in memory; restore records the call and takes a "pre-restore" backup.
  backups: BackupInfo[] = [];
  backupKeep = 10;
  backupProblem: BackupList['lastProblem'] = null;

  private backupList(): BackupList {
    return { backups: [...this.backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), keep: this.backupKeep, folder: '/data/backups', lastProblem: this.backupProblem };
  }

  private addBackup(reason: BackupInfo['reason']): BackupInfo {
    const createdAt = now();
    const backup: BackupInfo = { fileName: `verso-${createdAt.replace(/[-:.]/g, '')}-${reason}.sqlite`, createdAt, reason, sizeBytes: 4096 };
    this.backups.push(backup);
    this.backups = this.backupList().backups.slice(0, this.backupKeep);
    return backup;
  }

  async listBackups(input: Record<string, never>): Promise<BackupList> {
    this.record('listBackups', input);
    return this.backupList();
  }

  async createBackup(input: Record<string, never>): Promise<BackupInfo> {
    this.record('createBackup', input);
    return this.addBackup('manual');
  }

  async setBackupKeep(input: { keep: number }): Promise<BackupList> {
    this.record('setBackupKeep', input);
    this.backupKeep = input.keep;
    this.backups = this.backupList().backups.slice(0, input.keep);
    return this.backupList();
  }

  async restoreBackup(input: { fileName: string }): Promise<{ restored: BackupInfo; safetyBackup: BackupInfo | null }> {
    this.record('restoreBackup', input);
    const restored = this.backups.find((b) => b.fileName === input.fileName);
    if (!restored) throw new FakeApiError('BACKUP_NOT_FOUND', 'No such backup');
    return { restored, safetyBackup: this.addBackup('pre-restore') };
  }
}
