// Webhook input handling that needs no services: body size limit, event-type allowlist, final-failure rule.
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/app-error';
import { assertAllowedEventType } from '@/lib/ingest/allowed-event-type';
import { readWebhookBody } from '@/lib/ingest/read-webhook-body';
import { isFinalFailure } from '@/lib/dead-letters/record-dead-letter';

async function status(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as AppError).status;
  }
}

function chunked(chunks: number[]): Request {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(0x61));
      controller.close();
    },
  });
  return new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
}

describe('readWebhookBody', () => {
  it('returns the exact bytes under the limit', async () => {
    const body = await readWebhookBody(new Request('http://x/', { method: 'POST', body: 'héllo' }), 1024);
    expect(body.equals(Buffer.from('héllo'))).toBe(true);
  });

  it('refuses on the declared Content-Length before reading', async () => {
    const request = new Request('http://x/', { method: 'POST', body: 'small', headers: { 'content-length': '5000' } });
    expect(await status(readWebhookBody(request, 1024))).toBe(413);
  });

  it('refuses while reading when no length is declared (chunked)', async () => {
    expect(await status(readWebhookBody(chunked([512, 512]), 1024))).toBe('ok');
    expect(await status(readWebhookBody(chunked([512, 512, 1]), 1024))).toBe(413);
  });
});

describe('assertAllowedEventType', () => {
  it('accepts the integrator events and Genesys conversation-end topics', () => {
    expect(assertAllowedEventType('GENESYS_CLOUD', { type: 'recording.completed' })).toBe('recording.completed');
    expect(assertAllowedEventType('GENESYS_CLOUD', { 'detail-type': 'v2.detail.events.conversation.{id}.customer.end' })).toContain(
      'customer.end',
    );
    expect(assertAllowedEventType('NICE_CXONE', { eventType: 'recordingReady' })).toBe('recordingReady');
  });

  it('refuses unknown, missing and cross-vendor types with 422', () => {
    const cases: [Parameters<typeof assertAllowedEventType>[0], unknown][] = [
      ['GENESYS_CLOUD', { type: 'recording.deleted' }],
      ['GENESYS_CLOUD', { 'detail-type': 'v2.detail.events.conversation.{id}.customer.start' }],
      ['GENESYS_CLOUD', { eventType: 'recordingReady' }],
      ['NICE_CXONE', { type: 'recording.completed' }],
      ['NICE_CXONE', []],
      ['NICE_CXONE', 'recordingReady'],
    ];
    for (const [vendor, body] of cases) {
      expect(() => assertAllowedEventType(vendor, body), JSON.stringify(body)).toThrow(AppError);
      try {
        assertAllowedEventType(vendor, body);
      } catch (error) {
        expect((error as AppError).status).toBe(422);
      }
    }
  });
});

describe('isFinalFailure', () => {
  const job = (attemptsMade: number, attempts = 3) => ({ attemptsMade, opts: { attempts } }) as unknown as Job;
  it('is final only on the last attempt or an unrecoverable error', () => {
    expect(isFinalFailure(job(1), new Error('x'))).toBe(false);
    expect(isFinalFailure(job(2), new Error('x'))).toBe(false);
    expect(isFinalFailure(job(3), new Error('x'))).toBe(true);
    const unrecoverable = Object.assign(new Error('gone'), { name: 'UnrecoverableError' });
    expect(isFinalFailure(job(1), unrecoverable)).toBe(true);
  });
});
