import { describe, expect, it } from 'vitest';
import { checkTeamPassword, generateTeamPassword, scramSha256Verifier } from './scramVerifier.js';

describe('team passwords', () => {
  it('takes passwords SASLprep leaves as they are, and refuses the others with a reason', () => {
    expect(checkTeamPassword('Grüße aus Köln, 2026')).toBeNull();
    expect(checkTeamPassword(generateTeamPassword())).toBeNull();
    expect(checkTeamPassword('short')).toMatch(/at least 12/);
    expect(checkTeamPassword('ﬁne ligature pass')).toMatch(/NFKC/); // U+FB01 becomes "fi"
    expect(checkTeamPassword('non\u00a0breaking space')).toMatch(/NFKC/);
    expect(checkTeamPassword('ogham\u1680space mark')).toMatch(/space/);
    expect(checkTeamPassword('soft\u00adhyphen inside')).toMatch(/formatting/);
    expect(checkTeamPassword('tab\there inside')).toMatch(/control/);
  });

  it("writes PostgreSQL's SCRAM-SHA-256 verifier form, salted afresh each time", () => {
    const salt = Buffer.alloc(16, 1);
    const v = scramSha256Verifier('correct horse battery', salt);
    expect(v).toMatch(/^SCRAM-SHA-256\$4096:AQEBAQEBAQEBAQEBAQEBAQ==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/);
    expect(scramSha256Verifier('correct horse battery', salt)).toBe(v);
    expect(scramSha256Verifier('correct horse battery')).not.toBe(scramSha256Verifier('correct horse battery'));
  });
});
