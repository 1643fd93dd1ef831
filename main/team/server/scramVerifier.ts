/**
 * A PostgreSQL SCRAM-SHA-256 password verifier computed here (as psql's \password does), so the
 * password itself never reaches the server, its logs or pg_stat_activity.
 * Format (RFC 5802/7677, PostgreSQL's): SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, randomInt } from 'node:crypto';

const ITERATIONS = 4096;

/**
 * PostgreSQL SASLpreps the password; for the passwords accepted here (printable, NFKC-stable, no
 * characters SASLprep maps or removes) that is the identity, so the verifier matches what the
 * server and node-postgres compute at login.
 */
export function checkTeamPassword(password: string): string | null {
  if (password.length < 12) return 'A team password has at least 12 characters.';
  if (password.length > 200) return 'A team password has at most 200 characters.';
  if (password !== password.normalize('NFKC')) return 'The password is not in Unicode normal form (NFKC): type it again or choose another.';
  // Controls, formatting characters (soft hyphen, zero-width), combining marks (variation selectors) and non-ASCII spaces:
  // what SASLprep maps, drops or refuses.
  if (/[\p{Cc}\p{Cf}\p{M}]/u.test(password) || /(?! )\p{Zs}/u.test(password)) {
    return 'The password holds control, formatting, combining or special space characters: choose another.';
  }
  return null;
}

export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** 24 random characters from an unambiguous alphabet (~140 bits). */
export function generateTeamPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length: 24 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
