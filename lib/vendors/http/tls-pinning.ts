// SPKI pinning for vendor TLS hosts: on top of normal CA and hostname validation, the certificate chain must
// contain a public key whose SHA-256 (base64, as in HPKP/`openssl ... | base64`) is one of the account's pins.
import { createHash, X509Certificate } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';

/** base64 SHA-256 of the certificate's SubjectPublicKeyInfo (DER). */
export function spkiPin(certDer: Buffer): string {
  const spki = new X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

function chainOf(leaf: PeerCertificate): PeerCertificate[] {
  const chain: PeerCertificate[] = [];
  let cert: PeerCertificate | undefined = leaf;
  while (cert?.raw && !chain.includes(cert)) {
    chain.push(cert);
    const issuer: PeerCertificate | undefined = (cert as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
    cert = issuer && issuer !== cert ? issuer : undefined;
  }
  return chain;
}

export function pinnedServerIdentity(pins: readonly string[]) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const standard = checkServerIdentity(host, cert);
    if (standard) return standard;
    const seen = chainOf(cert).map((c) => spkiPin(c.raw));
    if (seen.some((pin) => pins.includes(pin))) return undefined;
    const error = new Error(`TLS public key of ${host} matches none of the configured pins`);
    (error as Error & { code: string }).code = 'ERR_TLS_PIN_MISMATCH';
    return error;
  };
}
