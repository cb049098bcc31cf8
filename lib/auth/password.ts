// Password hashing for local (credentials) sign-in: scrypt from node:crypto (memory-hard, no length
// limit — bcrypt silently ignores everything after 72 bytes). Hashes made by bcrypt before still verify,
// and authorizeCredentials replaces them with scrypt hashes at the next successful sign-in.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import bcrypt from 'bcryptjs';

// N = 2^15, r = 8, p = 1: ~32 MiB and a few tens of ms per hash (OWASP's scrypt minimum is 2^17 with
// r = 8 for p = 1 at the same memory as 2^15 with r = 32; we keep the cost tunable in the hash itself).
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const PREFIX = 'scrypt';

function scrypt(plain: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(plain.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 256 * options.N! * options.r! }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** "scrypt$N$r$p$<salt b64>$<key b64>" */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(plain, salt, KEY_LENGTH, PARAMS);
  return [PREFIX, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

async function verifyScrypt(plain: string, hash: string): Promise<boolean> {
  const [, n, r, p, salt, key] = hash.split('$');
  if (!n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(plain, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (hash.startsWith(`${PREFIX}$`)) return verifyScrypt(plain, hash);
  if (/^\$2[aby]\$/.test(hash)) return bcrypt.compare(plain, hash);
  return Promise.resolve(false);
}

/** A stored hash that should be replaced once the plain password is known (old algorithm or weaker cost). */
export function needsRehash(hash: string): boolean {
  if (!hash.startsWith(`${PREFIX}$`)) return true;
  const [, n, r, p] = hash.split('$');
  return Number(n) < PARAMS.N || Number(r) < PARAMS.r || Number(p) < PARAMS.p;
}
