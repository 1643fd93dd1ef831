/**
 * Canonical encodings for signatures and the audit chain (issue 12). Deterministic by construction:
 * JSON with object keys sorted by UTF-16 code units, no white space, only strings, integers,
 * booleans, null, arrays and plain objects (anything else is refused, so a value cannot encode
 * two ways). Texts are never encoded themselves, only their SHA-256 (hex, lower case).
 */

export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

export function canonicalJson(value: CanonicalValue): string {
  // One native JSON.stringify over a key-sorted copy (every audit link encodes two values: an import
  // of 10,000 paragraphs, 26,000). A copy's property order is its insertion order unless a key is
  // array-index-like or `__proto__`: such a value is encoded key by key instead.
  const copy = sortedCopy(value);
  return copy === UNSORTABLE ? encodeByKeys(value) : JSON.stringify(copy);
}

const UNSORTABLE = Symbol('unsortable');

function safeInteger(value: number): number {
  if (!Number.isSafeInteger(value)) throw new Error(`canonicalJson: only safe integers are encoded, not ${value}`);
  return value;
}

function sortedCopy(value: CanonicalValue): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return safeInteger(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value as readonly CanonicalValue[]) {
      // An array element JSON.stringify would write as null (undefined) is encoded key by key, as before.
      const c = v === undefined ? UNSORTABLE : sortedCopy(v);
      if (c === UNSORTABLE) return UNSORTABLE;
      out.push(c);
    }
    return out;
  }
  const record = value as Record<string, CanonicalValue | undefined>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record).sort()) {
    const first = k.charCodeAt(0);
    if ((first >= 48 && first <= 57) || k === '__proto__') return UNSORTABLE;
    const v = record[k];
    if (v === undefined) continue;
    const c = sortedCopy(v);
    if (c === UNSORTABLE) return UNSORTABLE;
    out[k] = c;
  }
  return out;
}

function encodeByKeys(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(safeInteger(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + encodeByKeys(value[i] as CanonicalValue);
    return out + ']';
  }
  const record = value as Record<string, CanonicalValue | undefined>;
  let out = '{';
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v === undefined) continue;
    out += (out.length === 1 ? '' : ',') + JSON.stringify(k) + ':' + encodeByKeys(v);
  }
  return out + '}';
}

/** What an editor's signature covers: one paragraph's texts (by hash) at one moment, bound to the chain. */
export interface SignOffClaim {
  documentId: string;
  paragraphId: string;
  /** SHA-256 (hex) of the paragraph's source text. */
  sourceSha256: string;
  /** SHA-256 (hex) of the exact target text signed off. */
  targetSha256: string;
  role: 'translator' | 'editor';
  /** ISO 8601 time of the sign-off. */
  at: string;
  /** Id of the signer's Ed25519 key (`keyIdOf`). */
  keyId: string;
  /** Hash of the audit entry before this sign-off's own entry. */
  prevAuditHash: string;
}

export const SIGN_OFF_TYPE = 'verso.sign-off.v1';

/** The exact bytes (as a string, UTF-8 when signed) an Ed25519 sign-off signature is over. */
export function encodeSignOff(claim: SignOffClaim): string {
  return canonicalJson({
    type: SIGN_OFF_TYPE,
    documentId: claim.documentId,
    paragraphId: claim.paragraphId,
    sourceSha256: claim.sourceSha256,
    targetSha256: claim.targetSha256,
    role: claim.role,
    at: claim.at,
    keyId: claim.keyId,
    prevAuditHash: claim.prevAuditHash,
  });
}

/** Hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** One link of the audit chain as stored: `payload` is canonical JSON; `hash` covers seq, prev, payload and signature. */
export interface AuditLink {
  seq: number;
  prevHash: string;
  payload: string;
  signature: string | null;
  hash: string;
}

/** The string whose SHA-256 is a link's hash. */
export function encodeAuditLink(link: Omit<AuditLink, 'hash'>): string {
  return canonicalJson({ seq: link.seq, prev: link.prevHash, payload: link.payload, signature: link.signature });
}

export type ChainProblem =
  { kind: 'tampered'; seq: number } | { kind: 'broken-link'; seq: number } | { kind: 'gap'; seq: number; expected: number };

/**
 * Checks a chain given in stored order: each link's hash is recomputed (a changed row is
 * `tampered`), each link must point at the one before (`broken-link`: a reordered or deleted row),
 * and `seq` must count up by one (`gap`: a deleted row). `sha256Hex` is injected (no crypto here).
 */
export function verifyChain(links: Iterable<AuditLink>, sha256Hex: (text: string) => string): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev: AuditLink | null = null;
  for (const link of links) {
    if (sha256Hex(encodeAuditLink(link)) !== link.hash) problems.push({ kind: 'tampered', seq: link.seq });
    const expectedPrev = prev ? prev.hash : GENESIS_HASH;
    if (link.prevHash !== expectedPrev) problems.push({ kind: 'broken-link', seq: link.seq });
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (link.seq !== expectedSeq) problems.push({ kind: 'gap', seq: link.seq, expected: expectedSeq });
    prev = link;
  }
  return problems;
}
