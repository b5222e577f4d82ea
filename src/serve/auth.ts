/**
 * Bearer-token check in constant time: both sides are hashed to SHA-256 first, so the comparison
 * takes the same time whatever the length or content of the token sent (RFC 6750 for the header).
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Result of checking an Authorization header. */
export type TokenCheck = 'ok' | 'missing' | 'wrong';

/** Returns a checker of `Authorization` header values against `token`. */
export function bearerTokenChecker(token: string): (header: string | undefined) => TokenCheck {
  const expected = sha256(token);
  return (header) => {
    if (header === undefined || !/^Bearer\s+/i.test(header)) return 'missing';
    const sent = header.replace(/^Bearer\s+/i, '').trim();
    return timingSafeEqual(sha256(sent), expected) ? 'ok' : 'wrong';
  };
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
