/** Standard base64 (RFC 4648, with padding) of raw bytes, without relying on `btoa`. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out.push(ALPHABET[(n >> 18) & 63]!, ALPHABET[(n >> 12) & 63]!, ALPHABET[(n >> 6) & 63]!, ALPHABET[n & 63]!);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out.push(ALPHABET[(n >> 18) & 63]!, ALPHABET[(n >> 12) & 63]!, '==');
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out.push(ALPHABET[(n >> 18) & 63]!, ALPHABET[(n >> 12) & 63]!, ALPHABET[(n >> 6) & 63]!, '=');
  }
  return out.join('');
}
