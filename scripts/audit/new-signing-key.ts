// Prints a new audit signing key as one AUDIT_SIGNING_KEYS entry (JSON), for first set-up and rotation:
//   node --import tsx scripts/audit/new-signing-key.ts --id prod-2027 [--algorithm Ed25519|ECDSA-P256-SHA256]
//        [--valid-from ISO] [--seed-hex 64-hex]
// Rotation: set validUntil on the current key, append this one, keep both listed (old signatures keep
// verifying); once a key is retired, its privateKey may be replaced by its publicKey.
// --seed-hex derives an Ed25519 key deterministically (test configurations only).
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { id: { type: 'string' }, algorithm: { type: 'string' }, 'valid-from': { type: 'string' }, 'seed-hex': { type: 'string' } },
});
if (!values.id) {
  console.error('usage: new-signing-key.ts --id KEY_ID [--algorithm Ed25519|ECDSA-P256-SHA256] [--valid-from ISO] [--seed-hex HEX]');
  process.exit(2);
}
const algorithm = values.algorithm ?? 'Ed25519';
// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed 16-byte prefix, then the 32 seed bytes.
const ED25519_PKCS8_PREFIX = '302e020100300506032b657004220420';
let privateKey: Buffer;
if (values['seed-hex']) {
  if (algorithm !== 'Ed25519' || !/^[0-9a-f]{64}$/.test(values['seed-hex'])) throw new Error('--seed-hex: 64 hex digits, Ed25519 only');
  privateKey = createPrivateKey({
    key: Buffer.from(ED25519_PKCS8_PREFIX + values['seed-hex'], 'hex'),
    format: 'der',
    type: 'pkcs8',
  }).export({ format: 'der', type: 'pkcs8' });
} else if (algorithm === 'Ed25519') {
  privateKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
} else if (algorithm === 'ECDSA-P256-SHA256') {
  privateKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'der', type: 'pkcs8' });
} else throw new Error(`unknown algorithm ${algorithm}`);
const validFrom = new Date(values['valid-from'] ?? Date.now()).toISOString();
console.log(JSON.stringify({ id: values.id, algorithm, privateKey: privateKey.toString('base64'), validFrom }));
