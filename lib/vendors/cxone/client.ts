// NICE CXone client: access-key token, completed contacts (updatedSince/top/skip, HAL _links.next) for polling,
// and the media-playback API, asked again before every download for a fresh fileToPlayUrl.
// One voice recording per ACD contact: vendorRecordingId is the contact id, so webhook events, the poller
// and re-fetches all dedupe on the same key.
import { partitionDate } from '@/lib/vendors/partition-date';
import { createVendorApi, type TClientOptions } from '@/lib/vendors/http/create-vendor-api';
import { decodeCursor, encodeCursor } from '@/lib/vendors/http/cursor';
import { openMediaStream } from '@/lib/vendors/http/open-media-stream';
import { parseWire } from '@/lib/vendors/http/parse-wire';
import type { TCall, TJsonResponse, VendorApi } from '@/lib/vendors/http/vendor-api';
import { formatFromUrl } from './format-from-url';
import { VendorError } from '@/lib/vendors/http/vendor-error';
import type {
  TInteractionRecordings,
  TListedRecording,
  TListPage,
  TMediaDownload,
  TRawMetadata,
  TRecordingRef,
  TVendorAccount,
  TVendorClient,
} from '@/lib/vendors/types';
import {
  CXONE_API_PATH,
  CXONE_SCHEMA_VERSION,
  voiceInteractions,
  ZCompletedContactsPage,
  ZContact,
  ZListCursor,
  ZPlayback,
  type TListCursor,
} from './wire';

const PAGE_SIZE = 100;
const FIRST_POLL_WINDOW_MS = 24 * 3600_000;

function tokenCall(account: TVendorAccount): TCall {
  return {
    method: 'POST',
    url: new URL(account.authUrl),
    auth: false,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessKeyId: account.clientId, accessKeySecret: account.clientSecret }),
  };
}

function skipOf(next: string): number | null {
  const skip = new URL(next, 'http://x').searchParams.get('skip');
  return skip && /^\d+$/.test(skip) ? Number(skip) : null;
}

export class CxoneClient implements TVendorClient {
  private readonly api: VendorApi;
  private readonly pageSize: number;

  constructor(
    readonly account: TVendorAccount,
    opts: TClientOptions = {},
  ) {
    this.api = createVendorApi(account, tokenCall, opts);
    this.pageSize = opts.pageSize ?? PAGE_SIZE;
  }

  private url(base: string, path: string, query: Record<string, string> = {}): URL {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url;
  }

  async listRecordings(position: { cursor: string | null; updatedSince: Date | null }): Promise<TListPage> {
    const pos: TListCursor = position.cursor
      ? decodeCursor(position.cursor, ZListCursor)
      : { v: 1, updatedSince: (position.updatedSince ?? new Date(Date.now() - FIRST_POLL_WINDOW_MS)).toISOString(), skip: 0 };
    const query = { updatedSince: pos.updatedSince, top: String(this.pageSize), skip: String(pos.skip) };
    const url = this.url(this.account.apiBaseUrl, `${CXONE_API_PATH}/contacts/completed`, query);
    // 204 = nothing completed since updatedSince.
    const { status, body } = await this.api.json<unknown>({ method: 'GET', url, auth: true }, [200, 204]);
    const page = status === 204 ? {} : parseWire(ZCompletedContactsPage, body, 'completed contacts', this.account.id);
    const contacts = (page.completedContacts ?? []).filter((c) => !c.mediaTypeName || c.mediaTypeName.toLowerCase() === 'call');
    const recordings: TListedRecording[] = contacts.map((c) => ({
      vendorRecordingId: c.contactId,
      interactionId: c.masterContactId ?? c.contactId,
      interactionDate: partitionDate(c.contactStart),
    }));
    const next = page._links?.next;
    const nextSkip = next ? (skipOf(next) ?? pos.skip + (page.completedContacts?.length ?? 0)) : null;
    return { recordings, nextCursor: nextSkip !== null && nextSkip > pos.skip ? encodeCursor({ ...pos, skip: nextSkip }) : null };
  }

  async listInteractionRecordings(masterContactId: string): Promise<TInteractionRecordings> {
    const { body } = await this.playback(masterContactId);
    const voice = voiceInteractions(parseWire(ZPlayback, body, 'media playback', this.account.id));
    if (voice.length === 0) return { recordings: [], skipped: [] };
    const recording = {
      vendorRecordingId: masterContactId,
      interactionId: masterContactId,
      interactionDate: partitionDate(voice[0]?.startTime),
    };
    return { recordings: [recording], skipped: [] };
  }

  async fetchMetadata(ref: TRecordingRef): Promise<TRawMetadata> {
    const url = this.url(this.account.apiBaseUrl, `${CXONE_API_PATH}/contacts/${encodeURIComponent(ref.vendorRecordingId)}`);
    const { body: contact, raw: contactResponse } = await this.api.json<unknown>({ method: 'GET', url, auth: true });
    const parsed = parseWire(ZContact, contact, 'contact', this.account.id);
    // Media playback is keyed by the ACD call id, which CXone documents as the MASTER contact id.
    const { body: playback, raw: playbackResponse } = await this.playback(parsed.masterContactId ?? parsed.contactId);
    return { payload: { contact, playback }, schemaVersion: CXONE_SCHEMA_VERSION, responses: [contactResponse, playbackResponse] };
  }

  async openMedia(ref: TRecordingRef): Promise<TMediaDownload> {
    const master = ref.interactionId ?? (await this.masterContactOf(ref.vendorRecordingId));
    return openMediaStream(this.api, async () => {
      const playback = parseWire(ZPlayback, (await this.playback(master)).body, 'media playback', this.account.id);
      const file = voiceInteractions(playback).find((i) => i.data?.fileToPlayUrl)?.data?.fileToPlayUrl;
      if (!file)
        throw new VendorError('not_found', `${this.account.id}: contact ${ref.vendorRecordingId} has no voice recording`, { status: 404 });
      const url = new URL(file, this.mediaBase());
      // The bearer token only goes to CXone's own hosts, never to a storage host named in a response.
      const ownHosts = [this.account.apiBaseUrl, this.mediaBase()].map((u) => new URL(u).host);
      return { url, auth: ownHosts.includes(url.host), formatHint: formatFromUrl(url.toString()) ?? 'unknown' };
    });
  }

  private async masterContactOf(contactId: string): Promise<string> {
    const url = this.url(this.account.apiBaseUrl, `${CXONE_API_PATH}/contacts/${encodeURIComponent(contactId)}`);
    const contact = parseWire(
      ZContact,
      (await this.api.json<unknown>({ method: 'GET', url, auth: true })).body,
      'contact',
      this.account.id,
    );
    return contact.masterContactId ?? contact.contactId;
  }

  private mediaBase(): string {
    return this.account.mediaBaseUrl ?? this.account.apiBaseUrl;
  }

  private async playback(masterContactId: string): Promise<TJsonResponse<unknown>> {
    const query = { 'acd-call-id': masterContactId, 'media-type': 'voice-only', 'exclude-waveforms': 'true', isDownload: 'true' };
    const url = this.url(this.mediaBase(), '/media-playback/v1/contacts', query);
    return this.api.json<unknown>({ method: 'GET', url, auth: true });
  }
}

export function createCxoneClient(account: TVendorAccount, opts?: TClientOptions): CxoneClient {
  return new CxoneClient(account, opts);
}
