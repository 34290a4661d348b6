import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

// next-auth v4 (jwt/index.js) derives the A256GCM key with HKDF on every encode and decode, i.e. on every
// request that reads the session. The key depends only on (secret, salt), so derive it once per pair.
// Same derivation, header, claims and clock tolerance as next-auth's own encode/decode: tokens stay
// interchangeable both ways (jwt.test.ts checks it against next-auth's functions).
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const keys = new Map<string, Uint8Array>();

function derivedKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${typeof secret === 'string' ? secret : secret.toString('hex')}\0${salt}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
    key = new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
    if (keys.size >= 16) keys.clear(); // a process sees one or two secrets; bound it anyway
    keys.set(id, key);
  }
  return key;
}

/** next-auth's JWT encode (encrypted JWE, `dir` + A256GCM) with the derived key cached per secret and salt. */
export async function encodeSessionJwt({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = '' }: JWTEncodeParams): Promise<string> {
  const now = (Date.now() / 1000) | 0;
  return new EncryptJWT(token).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setIssuedAt().setExpirationTime(now + maxAge).setJti(randomUUID()).encrypt(derivedKey(secret, salt));
}

/** next-auth's JWT decode with the derived key cached per secret and salt. */
export async function decodeSessionJwt({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
