// Genesys Cloud CX simulator (node:http): client-credentials OAuth, analytics conversation details query,
// recordingmetadata, conversation recordings with 202-while-transcoding, presigned WAV media URLs that expire.
import { randomBytes } from 'node:crypto';
import { assembleSimulator } from '../core/assemble-simulator';
import { mediaStream } from '../core/build-recording';
import type { SimCore } from '../core/sim-core';
import { readRequestBody, sendJson, type TRoute, type TRouteContext } from '../core/sim-http';
import type { TOutgoingEvent } from '../core/webhook-emitter';
import type { TEmitOptions, TSimAccount, TSimRecording, TSimulator, TSimulatorOptions } from '../types';
import { conversationDetails, conversationEndEvent, recording, recordingMetadata, recordingTopicEvent, seedEvent } from './payloads';

export function defaultGenesysAccounts(): TSimAccount[] {
  const secret = () => randomBytes(18).toString('base64url');
  return [
    {
      id: 'genesys-us',
      name: 'Genesys US (sim)',
      instance: 'mypurecloud.com',
      clientId: `sim-${secret()}`,
      clientSecret: secret(),
      webhookBearerToken: secret(),
      webhookHmacSecret: secret(),
    },
    {
      id: 'genesys-eu',
      name: 'Genesys EU (sim)',
      instance: 'mypurecloud.ie',
      clientId: `sim-${secret()}`,
      clientSecret: secret(),
      webhookBearerToken: null,
      webhookHmacSecret: secret(),
    },
  ];
}

function tokenRoute(core: SimCore): TRoute {
  return {
    method: 'POST',
    pattern: /^\/oauth\/token$/,
    kind: 'token',
    handle: async (ctx) => {
      const [id, secret] = Buffer.from((ctx.req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':');
      const body = new URLSearchParams(await readRequestBody(ctx.req));
      const account = core.accounts.find((a) => a.clientId === id && a.clientSecret === secret);
      if (!account || body.get('grant_type') !== 'client_credentials') return sendJson(ctx.res, 401, { error: 'invalid_client' });
      ctx.log.accountId = account.id;
      sendJson(ctx.res, 200, { ...core.issueToken(account), token_type: 'bearer' });
    },
  };
}

function conversationRecs(core: SimCore, account: TSimAccount, conversationId: string): TSimRecording[] {
  return [...core.recordings.values()].filter((r) => r.account.id === account.id && r.interactionId === conversationId);
}

function detailsQuery(core: SimCore): TRoute['handle'] {
  return async (ctx) => {
    const account = core.authorize(ctx);
    if (!account) return;
    const q = JSON.parse((await readRequestBody(ctx.req)) || '{}') as {
      interval?: string;
      paging?: { pageSize?: number; pageNumber?: number };
    };
    const [from, to] = (q.interval ?? '').split('/').map((t) => Date.parse(t));
    if (!from || !to) return sendJson(ctx.res, 400, { message: 'interval is required' });
    const size = Math.min(q.paging?.pageSize ?? 25, core.faults.maxPageSize, 100);
    const page = q.paging?.pageNumber ?? 1;
    const byConversation = new Map<string, TSimRecording[]>();
    for (const r of [...core.recordings.values()].filter((r) => r.account.id === account.id)) {
      byConversation.set(r.interactionId, [...(byConversation.get(r.interactionId) ?? []), r]);
    }
    const all = [...byConversation.values()]
      .map(conversationDetails)
      .filter((c) => Date.parse(c.conversationStart) >= from && Date.parse(c.conversationStart) < to)
      .sort((a, b) => a.conversationStart.localeCompare(b.conversationStart));
    const conversations = all.slice((page - 1) * size, page * size);
    sendJson(ctx.res, 200, { ...(conversations.length ? { conversations } : {}), totalHits: all.length });
  };
}

function routes(core: SimCore, baseUrl: () => string): TRoute[] {
  const api = (pattern: RegExp, method: string, handle: (ctx: TRouteContext, account: TSimAccount) => void): TRoute => ({
    method,
    pattern,
    kind: 'api',
    handle: (ctx) => {
      const account = core.authorize(ctx);
      if (account) handle(ctx, account);
    },
  });
  return [
    tokenRoute(core),
    { method: 'POST', pattern: /^\/api\/v2\/analytics\/conversations\/details\/query$/, kind: 'api', handle: detailsQuery(core) },
    api(/^\/api\/v2\/analytics\/conversations\/([^/]+)\/details$/, 'GET', (ctx, account) => {
      const recs = conversationRecs(core, account, ctx.params[0] as string);
      if (recs.length === 0) return sendJson(ctx.res, 404, { message: 'conversation not found' });
      sendJson(ctx.res, 200, conversationDetails(recs));
    }),
    api(/^\/api\/v2\/conversations\/([^/]+)\/recordingmetadata$/, 'GET', (ctx, account) => {
      sendJson(ctx.res, 200, conversationRecs(core, account, ctx.params[0] as string).map(recordingMetadata));
    }),
    api(/^\/api\/v2\/conversations\/([^/]+)\/recordings$/, 'GET', (ctx, account) => {
      const recs = conversationRecs(core, account, ctx.params[0] as string);
      if (recs.length === 0) return sendJson(ctx.res, 404, { message: 'conversation not found' });
      const pending = recs.filter((r) => r.pendingPolls > 0);
      pending.forEach((r) => r.pendingPolls--);
      if (pending.length > 0) return sendJson(ctx.res, 202, undefined);
      sendJson(
        ctx.res,
        200,
        recs.map((r) => recording(r, core.mediaUrl(baseUrl(), r, `/media/genesys/${encodeURIComponent(r.id)}.wav`))),
      );
      // A restore completes after it has been seen in progress once.
      recs.filter((r) => r.fileState === 'RESTORING').forEach((r) => (r.fileState = 'RESTORED'));
    }),
    // Moving the archive date of an ARCHIVED recording restores it (RecordingApi put_conversation_recording).
    api(/^\/api\/v2\/conversations\/([^/]+)\/recordings\/([^/]+)$/, 'PUT', (ctx, account) => {
      const rec = conversationRecs(core, account, ctx.params[0] as string).find((r) => r.id === ctx.params[1]);
      if (!rec) return sendJson(ctx.res, 404, { message: 'recording not found' });
      if (rec.fileState === 'ARCHIVED') rec.fileState = 'RESTORING';
      sendJson(ctx.res, 200, recording(rec, ''));
    }),
    {
      method: 'GET',
      pattern: /^\/media\/genesys\/([^/]+)\.wav$/,
      kind: 'media',
      handle: (ctx) => {
        const rec = core.recordings.get(ctx.params[0] as string);
        if (!rec) return sendJson(ctx.res, 404, { message: 'no such object' });
        ctx.log.accountId = rec.account.id;
        if (core.mediaUrlValid(ctx, rec.id)) core.serveMedia(ctx.res, rec, mediaStream(rec));
      },
    },
  ];
}

function events(recs: TSimRecording[], opts: TEmitOptions): TOutgoingEvent[] {
  const real = opts.style === 'real';
  const seen = new Set<string>();
  return recs
    .filter((r) => !real || (!seen.has(r.interactionId) && seen.add(r.interactionId)))
    .map((r) => {
      const body = real ? conversationEndEvent(r) : opts.style === 'recording-topic' ? recordingTopicEvent(r) : seedEvent(r);
      return {
        eventId: body.id,
        account: r.account,
        path: '/api/webhooks/genesys',
        body,
        vendorRecordingId: r.id,
        interactionId: r.interactionId,
      };
    });
}

export function startGenesysSimulator(opts: TSimulatorOptions = {}): Promise<TSimulator> {
  return assembleSimulator(
    {
      vendor: 'genesys',
      defaultAccounts: defaultGenesysAccounts,
      routes,
      vendorSource: 'GENESYS_CLOUD',
      authPath: '/oauth/token',
      events: events,
    },
    opts,
  );
}
