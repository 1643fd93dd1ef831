/**
 * Types of signed sign-offs and the hash-chained audit log (issue 12); the methods are declared in `signaturesContract.ts`.
 */
/** Why a signed-off paragraph fails verification. */
export const SIGNATURE_PROBLEMS = [
  /** The target or source no longer has the hash the sign-off claims. */
  'text-changed',
  /** Signed off, but no sign-off entry in the audit log. */
  'no-sign-off-record',
  /** The Ed25519 signature does not verify against the key named. */
  'bad-signature',
  /** The key named is not in the library. */
  'unknown-key',
  /** The sign-off entry's own hash or its place in the chain was changed. */
  'chain-broken',
] as const;
export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number];

/** One problem the library check found (the CLI prints `describeProblem`, the renderer its own strings). */
export type LibraryProblem =
  | { kind: 'chain'; seq: number; detail: 'tampered' | 'broken-link' | 'gap' }
  | { kind: 'revision'; revisionId: number; documentId: string }
  | { kind: 'signature'; documentId: string; title: string; paragraph: number; problem: SignatureProblem }
  /** A footer settings change (settings_changes row) differs from its audit entry, or has none. */
  | { kind: 'settings-change'; changeId: string; setting: string; at: string }
  /** The footer policy or a template in force is not the value last recorded by an editor. */
  | { kind: 'footer-setting'; setting: 'footerPolicy' | 'footerTemplate'; lang: string | null }
  /** A declaration that a paragraph's translation is human, not in the audit log (it is ignored). */
  | { kind: 'declaration'; documentId: string; title: string; paragraph: number }
  /** A profile whose name or role differs from the audit log, or that was never recorded. */
  | { kind: 'profile'; profileId: string; name: string };

/** The latest library check (at start-up or from Settings → Verify library). */
export interface LibraryCheck {
  state: 'idle' | 'running' | 'done' | 'failed';
  trigger: 'start-up' | 'manual' | null;
  /** Items checked (audit links, revisions, signed-off paragraphs) of `total`. */
  done: number;
  total: number;
  /** When `done`: the counts checked and what was wrong (at most `LIBRARY_PROBLEMS_SHOWN`, `problemCount` in all). */
  links: number;
  revisions: number;
  signedOff: number;
  problems: LibraryProblem[];
  problemCount: number;
  finishedAt: string | null;
}

export const LIBRARY_PROBLEMS_SHOWN = 200;
/** A signing passphrase: at least this many characters (and at most 1,000). */
export const PASSPHRASE_MIN_CHARS = 8;

/** The current profile's signing key: none sealed with a passphrase yet, locked (this run), or unlocked. */
export interface SigningKeyStatus {
  state: 'none' | 'locked' | 'unlocked';
}

/** The current profile's public key, to give a team admin (`verso team add-user --public-key`). */
export interface SigningPublicKey {
  keyId: string;
  /** SPKI PEM ("-----BEGIN PUBLIC KEY-----"). */
  publicKeyPem: string;
  /** False for a key sealed for this app run only (no passphrase set): it changes at the next start, so a team cannot register it. */
  lasting: boolean;
}
