// The commitment an audit entry keeps beside a masked free-text field: hex SHA-256 of the 32-byte random
// salt followed by the UTF-8 bytes of the original. Without the salt, the masked text's few hidden digits
// cannot be guessed against it; with the salt and the original (the opening, kept outside the trail)
// anyone recomputes it: `{ printf '%b' "$(printf '%s' "$SALT_HEX" | sed 's/../\\x&/g')"; printf '%s' "$ORIGINAL"; } | sha256sum`.
import { createHash, randomBytes } from 'node:crypto';

export const FREE_TEXT_SALT_BYTES = 32;

export function newFreeTextSalt(): Buffer {
  return randomBytes(FREE_TEXT_SALT_BYTES);
}

export function commitFreeText(salt: Buffer, original: string): string {
  return createHash('sha256').update(salt).update(original, 'utf8').digest('hex');
}
