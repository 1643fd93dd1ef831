/** Signed sign-offs and the audit chain (issue 12): error codes (the library check's method joins here). */
export const SIGNATURES_ERROR_CODES = ['EXPORT_SIGNATURE_BROKEN'] as const satisfies readonly string[];

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
