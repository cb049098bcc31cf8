// A stand-in for our webhook endpoint, for tests of what the vendor simulators send: it records every request
// and answers 202, optionally a little later so that concurrent deliveries overlap (maxInFlight shows they did).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TReceivedRequest = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

export type TWebhookReceiver = { url: string; received: TReceivedRequest[]; maxInFlight: number; stop(): Promise<void> };

export async function startWebhookReceiver(answerAfterMs = 0): Promise<TWebhookReceiver> {
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    receiver.maxInFlight = Math.max(receiver.maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      setTimeout(() => {
        inFlight--;
        res.writeHead(202).end('{}');
      }, answerAfterMs);
    });
  });
  const receiver: TWebhookReceiver = {
    url: '',
    received: [],
    maxInFlight: 0,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
