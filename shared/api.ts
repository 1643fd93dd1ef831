/**
 * The one API contract between the renderer and the main-side services.
 * Every method takes one object argument and resolves to a value; failures travel as
 * `{ ok: false, error }` envelopes (see `ApiResult`). Transports: Electron IPC, the loopback
 * HTTP bridge (browser mode) and an in-memory one for component tests.
 */
import type {
  ApiError,
  DocumentDetail,
  DocumentSummary,
  EngineInfo,
  ParagraphPage,
  JobProgress,
  Paragraph,
  Profile,
  Role,
  Settings,
} from './types.js';
import type { HtmlExtract, PasteFormat } from './import/importedDocument.js';
import { ENGINES_METHODS, type EnginesApi } from './features/enginesApi.js';
import { WORKFLOW_METHODS, type WorkflowApi } from './features/workflowApi.js';
import { EXPORTING_METHODS, type ExportingApi } from './features/exportingApi.js';
import { IMPORTING_METHODS, type ImportingApi } from './features/importingApi.js';
import { MEMORY_METHODS, type MemoryApi } from './features/memoryApi.js';
import { GLOSSARY_METHODS, type GlossaryApi } from './features/glossaryApi.js';
import { EXCLUSION_METHODS, type ExclusionApi } from './features/exclusionApi.js';
import { REPLACE_METHODS, type ReplaceApi } from './features/replaceApi.js';
import { LIBRARY_METHODS, type LibraryApi } from './features/libraryApi.js';
import { PROVENANCE_METHODS, type ProvenanceApi } from './features/provenanceApi.js';
import { SIGNATURES_METHODS, type SignaturesApi } from './features/signaturesApi.js';
import { PROFILES_METHODS, type ProfilesApi } from './features/profilesApi.js';
import { BACKUPS_METHODS, type BackupsApi } from './features/backupsApi.js';

export type ImportSource =
  | { kind: 'text'; text: string; format: PasteFormat; extract?: HtmlExtract }
  | { kind: 'file'; fileName: string; dataBase64: string; extract?: HtmlExtract };

export interface ImportDocumentInput {
  source: ImportSource;
  sourceLang: string;
  targetLang: string;
  /** Optional title; default: the first heading or first line. */
  title?: string;
}

export interface UpdateParagraphResult {
  paragraph: Paragraph;
  /** True when this edit withdrew an editor's sign-off. */
  signOffWithdrawn: boolean;
}

/** The walking skeleton's methods; features add theirs in shared/features/*Api.ts. */
export interface CoreApi {
  getProfile(input: Record<string, never>): Promise<Profile | null>;
  setProfile(input: { name: string; role: Role }): Promise<Profile>;
  getSettings(input: Record<string, never>): Promise<Settings>;
  /** `reason`: why the footer policy changes (audit record; required for "never"). */
  updateSettings(input: Partial<Settings> & { reason?: string }): Promise<Settings>;
  listEngines(input: { sourceLang: string; targetLang: string }): Promise<EngineInfo[]>;
  importDocument(input: ImportDocumentInput): Promise<DocumentDetail>;
  listDocuments(input: Record<string, never>): Promise<DocumentSummary[]>;
  getDocument(input: { documentId: string }): Promise<DocumentDetail>;
  /** The document's paragraphs from position `from` on, one page (see `ParagraphPage`). */
  getParagraphPage(input: { documentId: string; from: number; limit?: number }): Promise<ParagraphPage>;
  deleteDocument(input: { documentId: string }): Promise<{ deleted: true }>;
  /** Starts a background MT job; progress arrives as `jobProgress` events. */
  translateParagraphs(input: {
    documentId: string;
    /** Omit for every paragraph that has no human work yet (status new or machine). */
    paragraphIds?: string[];
    engineId?: string;
  }): Promise<{ jobId: string; total: number }>;
  cancelJob(input: { jobId: string }): Promise<{ cancelled: boolean }>;
  updateParagraphTarget(input: { paragraphId: string; target: string }): Promise<UpdateParagraphResult>;
  confirmParagraphs(input: { paragraphIds: string[] }): Promise<Paragraph[]>;
  signOffParagraphs(input: { paragraphIds: string[] }): Promise<Paragraph[]>;
}

/** The whole API: the core plus every feature's methods. */
export interface VersoApi extends CoreApi, EnginesApi, WorkflowApi, ExportingApi, ImportingApi, MemoryApi, GlossaryApi, ExclusionApi, ReplaceApi, LibraryApi, ProvenanceApi, SignaturesApi, ProfilesApi, BackupsApi {}

export type MethodName = keyof VersoApi;
export type MethodInput<M extends MethodName> = Parameters<VersoApi[M]>[0];
export type MethodOutput<M extends MethodName> = Awaited<ReturnType<VersoApi[M]>>;

/** Runtime allowlist of methods; the `satisfies` clause keeps it equal to the interface. */
const CORE_METHODS = [
  'getProfile',
  'setProfile',
  'getSettings',
  'updateSettings',
  'listEngines',
  'importDocument',
  'listDocuments',
  'getDocument',
  'getParagraphPage',
  'deleteDocument',
  'translateParagraphs',
  'cancelJob',
  'updateParagraphTarget',
  'confirmParagraphs',
  'signOffParagraphs',
] as const satisfies readonly (keyof CoreApi)[];

export const METHOD_NAMES = [
  ...CORE_METHODS,
  ...ENGINES_METHODS,
  ...WORKFLOW_METHODS,
  ...EXPORTING_METHODS,
  ...IMPORTING_METHODS,
  ...MEMORY_METHODS,
  ...GLOSSARY_METHODS,
  ...EXCLUSION_METHODS,
  ...REPLACE_METHODS,
  ...LIBRARY_METHODS,
  ...PROVENANCE_METHODS,
  ...SIGNATURES_METHODS,
  ...PROFILES_METHODS,
  ...BACKUPS_METHODS,
] as const satisfies readonly MethodName[];

// Compile-time check that no interface method is missing from the allowlist.
type MissingMethods = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const allMethodsListed: MissingMethods extends never ? true : MissingMethods = true;
void allMethodsListed;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

/** Push events from main to renderer. */
export interface VersoEvents {
  jobProgress: JobProgress;
}
export type EventName = keyof VersoEvents;
export const EVENT_NAMES = ['jobProgress'] as const satisfies readonly EventName[];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What every transport provides to the renderer's client. */
export interface ApiTransport {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: VersoEvents[E]) => void): () => void;
}

/** Raised by the renderer's client when a call fails; carries the translated-on-display error. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}
