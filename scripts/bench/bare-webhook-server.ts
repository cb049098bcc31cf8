// Reference for the intake benchmark: a bare Node HTTP server doing the webhook's HMAC check
// (timestamp window + constant-time comparison, as the console does) and answering 202. No queue, no
// database: what this machine can answer at all. Run by scripts/bench/intake.ts.
import { createServer } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { signWebhookBody } from '@/lib/ingest/verify-webhook-auth';

const secret = process.env.BARE_SECRET ?? '';
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const ts = Number(req.headers['x-callvault-timestamp']);
    const given = Buffer.from(String(req.headers['x-callvault-signature'] ?? ''));
    const expected = Buffer.from(signWebhookBody(secret, ts, body));
    const fresh = Math.abs(Date.now() / 1000 - ts) <= 300;
    const ok = fresh && given.length === expected.length && timingSafeEqual(given, expected);
    res.writeHead(ok ? 202 : 401, { 'content-type': 'application/json' }).end(ok ? '{"accepted":true}' : '{"error":"signature"}');
  });
});
server.listen(Number(process.env.BARE_PORT ?? 3990), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
