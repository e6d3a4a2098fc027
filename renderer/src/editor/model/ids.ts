/**
 * Stable box ids: random, short, and safe in every export format. crypto.getRandomValues is
 * available in every renderer context (randomUUID needs a secure context, which a
 * custom protocol may not be).
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newBoxId(): string {
  const bytes = new Uint8Array(14);
  crypto.getRandomValues(bytes);
  let s = 'b';
  for (const b of bytes) s += ALPHABET[b % 36];
  return s;
}
