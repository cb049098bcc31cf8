// NICE CXone simulator (node:http): access-key tokens, completed contacts with updatedSince/top/skip and
// HAL _links.next, contact details, media-playback (fileToPlayUrl that expires) and bearer-protected MP3 media.
import { randomBytes } from 'node:crypto';
import { assembleSimulator } from '../core/assemble-simulator';
import { mediaStream } from '../core/build-recording';
import type { SimCore } from '../core/sim-core';
import { readJson, sendJson, type TRoute, type TRouteContext } from '../core/sim-http';
import type { TOutgoingEvent } from '../core/webhook-emitter';
import type { TSimAccount, TSimRecording, TSimRecordingSpec, TSimulator, TSimulatorOptions } from '../types';
import { completedContact, playback, recordingReadyEvent } from './payloads';

const API = '/incontactapi/services/v27.0';

export function defaultCxoneAccounts(): TSimAccount[] {
  const secret = () => randomBytes(18).toString('base64url');
  return [
    {
      id: 'cxone-na1',
      name: 'CXone NA1 (sim)',
      instance: 'na1',
      clientId: `SIMKEY${secret()}`,
      clientSecret: secret(),
      webhookBearerToken: secret(),
      webhookHmacSecret: null,
    },
    {
      id: 'cxone-eu1',
      name: 'CXone EU1 (sim)',
      instance: 'eu1',
      clientId: `SIMKEY${secret()}`,
      clientSecret: secret(),
      webhookBearerToken: secret(),
      webhookHmacSecret: secret(),
    },
  ];
}

function mediaPath(rec: TSimRecording): string {
  // 'mediaFormat' missing: a URL without a file extension (the format cannot be told from the metadata).
  return `/media/cxone/${encodeURIComponent(rec.id)}${rec.missing.includes('mediaFormat') ? '' : '.mp3'}`;
}

function completedContacts(core: SimCore, baseUrl: () => string) {
  return (ctx: TRouteContext, account: TSimAccount) => {
    const since = Date.parse(ctx.url.searchParams.get('updatedSince') ?? '');
    if (Number.isNaN(since)) return sendJson(ctx.res, 400, { error: 'updatedSince is required' });
    const top = Math.min(Number(ctx.url.searchParams.get('top') ?? 100) || 100, core.faults.maxPageSize);
    const skip = Number(ctx.url.searchParams.get('skip') ?? 0) || 0;
    const all = [...core.recordings.values()]
      .filter((r) => r.account.id === account.id && r.updatedAt.getTime() > since)
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id));
    const page = all.slice(skip, skip + top);
    if (page.length === 0 && skip === 0) return sendJson(ctx.res, 204, undefined);
    const link = (s: number) => {
      const u = new URL(`${API}/contacts/completed`, baseUrl());
      u.search = new URLSearchParams({
        updatedSince: ctx.url.searchParams.get('updatedSince') ?? '',
        top: String(top),
        skip: String(s),
      }).toString();
      return u.toString();
    };
    const next = skip + top < all.length ? link(skip + top) : null;
    sendJson(ctx.res, 200, { totalRecords: all.length, completedContacts: page.map(completedContact), _links: { self: link(skip), next } });
  };
}

function routes(core: SimCore, baseUrl: () => string): TRoute[] {
  const api = (pattern: RegExp, handle: (ctx: TRouteContext, account: TSimAccount) => void): TRoute => ({
    method: 'GET',
    pattern,
    kind: 'api',
    handle: (ctx) => {
      const account = core.authorize(ctx);
      if (account) handle(ctx, account);
    },
  });
  return [
    {
      method: 'POST',
      pattern: /^\/authentication\/v1\/token\/access-key$/,
      kind: 'token',
      handle: async (ctx) => {
        const body = await readJson(ctx.req);
        const account = core.accounts.find((a) => a.clientId === body.accessKeyId && a.clientSecret === body.accessKeySecret);
        if (!account) return sendJson(ctx.res, 401, { error: 'invalid_client', error_description: 'Invalid access key' });
        ctx.log.accountId = account.id;
        const issued = core.issueToken(account);
        sendJson(ctx.res, 200, {
          ...issued,
          token_type: 'Bearer',
          refresh_token: randomBytes(16).toString('hex'),
          issued_token_type: 'access_token',
        });
      },
    },
    api(new RegExp(`^${API}/contacts/completed$`), completedContacts(core, baseUrl)),
    api(new RegExp(`^${API}/contacts/(\\d+)$`), (ctx, account) => {
      const rec = core.owned(ctx, account, ctx.params[0] as string);
      if (rec) sendJson(ctx.res, 200, completedContact(rec));
    }),
    // acd-call-id is the MASTER contact id: the answer covers the whole call, whichever contact leg asked.
    api(/^\/media-playback\/v1\/contacts$/, (ctx, account) => {
      const master = ctx.url.searchParams.get('acd-call-id') ?? '';
      const rec = [...core.recordings.values()].find((r) => r.account.id === account.id && r.interactionId === master);
      if (!rec) return sendJson(ctx.res, 404, { internalCode: 'InteractionNotFound', message: `Interaction not found: ${master}` });
      sendJson(ctx.res, 200, playback(rec, core.mediaUrl(baseUrl(), rec, mediaPath(rec))));
    }),
    {
      method: 'GET',
      pattern: /^\/media\/cxone\/(\d+)(?:\.mp3)?$/,
      kind: 'media',
      handle: (ctx) => {
        const rec = core.recordings.get(ctx.params[0] as string);
        if (!rec) return sendJson(ctx.res, 404, { message: 'no such file' });
        // CXone media needs the API token as well as a current link.
        const account = core.authorize(ctx, false);
        if (!account) return;
        if (account.id !== rec.account.id) return sendJson(ctx.res, 404, { message: 'no such file' });
        if (core.mediaUrlValid(ctx, rec.id)) core.serveMedia(ctx.res, rec, mediaStream(rec));
      },
    },
  ];
}

function events(recs: TSimRecording[]): TOutgoingEvent[] {
  return recs.map((r) => {
    const body = recordingReadyEvent(r);
    return {
      eventId: body.eventId,
      account: r.account,
      path: '/api/webhooks/cxone',
      body,
      vendorRecordingId: r.id,
      interactionId: r.interactionId,
    };
  });
}

function checkSpec(spec: TSimRecordingSpec): void {
  for (const id of [spec.id, spec.interactionId])
    if (id !== undefined && !/^\d+$/.test(id)) throw new Error('CXone contact ids are numeric');
}

export function startCxoneSimulator(opts: TSimulatorOptions = {}): Promise<TSimulator> {
  return assembleSimulator(
    {
      vendor: 'cxone',
      defaultAccounts: defaultCxoneAccounts,
      routes,
      vendorSource: 'NICE_CXONE',
      authPath: '/authentication/v1/token/access-key',
      events,
      checkSpec,
    },
    opts,
  );
}
