// TLS policy of vendor clients against a local HTTPS server with a self-signed certificate made at test time:
// TLS >= 1.2 always, SPKI pinning when the account has pins.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenesysClient } from '@/lib/vendors/genesys/client';
import { spkiPin } from '@/lib/vendors/http/tls-pinning';
import type { TVendorAccount } from '@/lib/vendors/types';

let dir: string;
let certPem: string;
let keyPem: string;
let opensslPin: string;
const servers: https.Server[] = [];
let handshakeErrors = 0;

function run(cmd: string, args: string[], input?: Buffer): Buffer {
  return execFileSync(cmd, args, { input, stdio: ['pipe', 'pipe', 'ignore'] });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cv-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ]);
  certPem = readFileSync(cert, 'utf8');
  keyPem = readFileSync(key, 'utf8');
  // The pin exactly as an operator computes it with openssl.
  const spki = run('openssl', ['pkey', '-pubin', '-outform', 'der'], run('openssl', ['x509', '-in', cert, '-pubkey', '-noout']));
  opensslPin = run('openssl', ['dgst', '-sha256', '-binary'], spki).toString('base64');
});

afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
});

/** A minimal Genesys: token endpoint and one conversation with no recordings. */
async function startServer(tls: https.ServerOptions = {}): Promise<string> {
  const server = https.createServer({ key: keyPem, cert: certPem, ...tls }, (req, res) => {
    const body = req.url === '/oauth/token' ? { access_token: 'tok', expires_in: 3600 } : [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  server.on('tlsClientError', () => handshakeErrors++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function account(url: string, tlsPins: string[]): TVendorAccount {
  return {
    id: 'tls-test',
    vendorSource: 'GENESYS_CLOUD',
    name: 'TLS test',
    instance: 'mypurecloud.com',
    residencyRegion: 'us',
    apiBaseUrl: url,
    authUrl: `${url}/oauth/token`,
    clientId: 'id',
    clientSecret: 'secret',
    tlsPins,
    tlsCaPem: certPem,
    requestsPerMinute: 600,
    webhookBearerToken: null,
    webhookHmacSecret: null,
  };
}

const NO_RETRY = { policy: { serverRetries: 0 } };

describe('vendor TLS', () => {
  it('computes the same SPKI pin as openssl', () => {
    const der = Buffer.from(certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(spkiPin(der)).toBe(opensslPin);
  });

  it('accepts a server whose key matches a pin', async () => {
    const url = await startServer();
    const client = createGenesysClient(account(url, ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', opensslPin]), NO_RETRY);
    await expect(client.listInteractionRecordings('c1')).resolves.toEqual({ recordings: [], skipped: [] });
  });

  it('refuses a server whose key matches no pin, even though its certificate is trusted', async () => {
    const url = await startServer();
    const client = createGenesysClient(account(url, ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']), NO_RETRY);
    await expect(client.listInteractionRecordings('c1')).rejects.toMatchObject({
      code: 'tls_pin_mismatch',
      message: expect.stringMatching(/matches none of the configured pins/),
    });
  });

  it('refuses a server that offers at most TLS 1.1', async () => {
    const url = await startServer({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    const before = handshakeErrors;
    const client = createGenesysClient(account(url, [opensslPin]), NO_RETRY);
    await expect(client.listInteractionRecordings('c1')).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/PROTOCOL|VERSION/i),
    });
    expect(handshakeErrors).toBeGreaterThan(before);
  });
});
