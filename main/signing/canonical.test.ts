import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  encodeAuditLink,
  encodeSignOff,
  GENESIS_HASH,
  verifyChain,
  type AuditLink,
  type CanonicalValue,
  type SignOffClaim,
} from '../../shared/signing/canonical.js';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

const CLAIM: SignOffClaim = {
  documentId: 'd1',
  paragraphId: 'p1',
  sourceSha256: sha('Storm.'),
  targetSha256: sha('Tormenta.'),
  role: 'editor',
  at: '2026-03-01T10:00:00.000Z',
  keyId: 'k1',
  prevAuditHash: GENESIS_HASH,
};

function chain(payloads: string[]): AuditLink[] {
  const out: AuditLink[] = [];
  let prev = GENESIS_HASH;
  payloads.forEach((payload, i) => {
    const link = { seq: i + 1, prevHash: prev, payload, signature: null };
    const hash = sha(encodeAuditLink(link));
    out.push({ ...link, hash });
    prev = hash;
  });
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no white space, whatever the insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [true, null] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }));
  });
  it('escapes strings as JSON does and refuses numbers that could encode two ways', () => {
    expect(canonicalJson('a"b\n')).toBe('"a\\"b\\n"');
    expect(() => canonicalJson(1.5)).toThrow(/integers/);
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });
  it('encodes exactly as before its loops were rewritten: undefined keys left out, keys by UTF-16 code units, index-like keys as text', () => {
    const value = {
      z: [1, 'two', null, false, { y: undefined, x: [[]] }],
      '10': 'ten',
      '9': 'nine',
      é: { '': 0, 'a"b': -7 },
      skipped: undefined,
      B: true,
      a: {},
    } as unknown as CanonicalValue;
    expect(canonicalJson(value)).toBe('{"10":"ten","9":"nine","B":true,"a":{},"z":[1,"two",null,false,{"x":[[]]}],"é":{"":0,"a\\"b":-7}}');
    expect(canonicalJson([])).toBe('[]');
  });
  it('encodes every value as the plain recursive definition does (index-like and __proto__ keys, nesting, escapes)', () => {
    const reference = (v: CanonicalValue): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v);
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      const r = v as Record<string, CanonicalValue | undefined>;
      const keys = Object.keys(r)
        .sort()
        .filter((k) => r[k] !== undefined);
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(r[k]!)}`).join(',')}}`;
    };
    const values: CanonicalValue[] = [
      JSON.parse('{"__proto__":{"b":1},"a":2}') as CanonicalValue,
      { list: [{ '2': 'x', '1': 'y', b: [0, { '0': null }] }], z: 'é\u2028\ud800"' },
      { type: 'verso.revision.v1', revisionId: 12, documentId: 'd', beforeSha256: null, nested: { z: [], a: {} } },
      ['a', ['b', { c: -0 }]],
      'text',
      0,
      true,
      null,
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(reference(v));
    expect(canonicalJson(JSON.parse('{"__proto__":1}') as CanonicalValue)).toBe('{"__proto__":1}');
    expect(() => canonicalJson({ a: [1, 2.5] })).toThrow(/integers/);
  });
});

describe('encodeSignOff', () => {
  it('is a fixed, documented string of the defined fields', () => {
    expect(encodeSignOff(CLAIM)).toBe(
      `{"at":"2026-03-01T10:00:00.000Z","documentId":"d1","keyId":"k1","paragraphId":"p1","prevAuditHash":"${GENESIS_HASH}",` +
        `"role":"editor","sourceSha256":"${CLAIM.sourceSha256}","targetSha256":"${CLAIM.targetSha256}","type":"verso.sign-off.v1"}`,
    );
  });
  it('changes when any field changes (extra fields are not encoded)', () => {
    const base = encodeSignOff(CLAIM);
    for (const key of Object.keys(CLAIM) as (keyof SignOffClaim)[]) {
      expect(encodeSignOff({ ...CLAIM, [key]: key === 'role' ? 'translator' : 'other' }), key).not.toBe(base);
    }
    expect(encodeSignOff({ ...CLAIM, extra: 'x' } as SignOffClaim)).toBe(base);
  });
});

describe('verifyChain', () => {
  const good = chain(['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}']);
  it('accepts an intact chain', () => {
    expect(verifyChain(good, sha)).toEqual([]);
  });
  it('detects a tampered row', () => {
    const links = good.map((l) => (l.seq === 2 ? { ...l, payload: '{"n":22}' } : l));
    expect(verifyChain(links, sha)).toEqual([{ kind: 'tampered', seq: 2 }]);
  });
  it('detects a reordered row', () => {
    const links = [good[0]!, good[2]!, good[1]!, good[3]!];
    const problems = verifyChain(links, sha);
    expect(problems).toContainEqual({ kind: 'broken-link', seq: 3 });
    expect(problems.some((p) => p.kind === 'gap')).toBe(true);
  });
  it('detects a deleted row', () => {
    const links = good.filter((l) => l.seq !== 3);
    expect(verifyChain(links, sha)).toEqual([
      { kind: 'broken-link', seq: 4 },
      { kind: 'gap', seq: 4, expected: 3 },
    ]);
  });
  it('detects a row rewritten with a recomputed hash (its successor no longer links to it)', () => {
    const forged = { seq: 2, prevHash: good[0]!.hash, payload: '{"n":22}', signature: null };
    const links = [good[0]!, { ...forged, hash: sha(encodeAuditLink(forged)) }, good[2]!, good[3]!];
    expect(verifyChain(links, sha)).toEqual([{ kind: 'broken-link', seq: 3 }]);
  });
});
