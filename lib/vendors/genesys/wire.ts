// The parts of Genesys Cloud responses the client itself relies on (listing, media URLs, file state). Fields
// the published models mark optional are optional AND nullable here (Recording.startTime, endTime and
// mediaUris are documented as "Null when there is no playable media"): one such recording must not make its
// whole conversation unreadable. Everything else is passed through verbatim; unknown fields are kept.
import { z } from 'zod';

export const GENESYS_SCHEMA_VERSION = 'genesys-recording-v2';
/** formatId we ask Genesys to transcode to (WAV: plain PCM, parseable without codecs). Asked explicitly:
 *  the API's default is WEBM. */
export const GENESYS_FORMAT_ID = 'WAV';
/** formatId → the format label passed on (evidence only: the media check identifies the bytes itself). */
export const FORMAT_LABELS: Record<string, string> = {
  WAV: 'wav',
  WAV_ULAW: 'wav',
  MP3: 'mp3',
  OGG_VORBIS: 'ogg',
  OGG_OPUS: 'ogg',
  WEBM: 'webm',
};
/** How long a restored (previously archived) recording should stay restored: long enough for retries. */
export const RESTORE_DAYS = 7;

const ZOptText = z.string().nullish();

export const ZRecordingMetadata = z.looseObject({
  id: z.string().min(1),
  conversationId: ZOptText,
  startTime: ZOptText,
  media: ZOptText,
  fileState: ZOptText,
});

export const ZRecording = z.looseObject({
  id: z.string().min(1),
  conversationId: ZOptText,
  startTime: ZOptText,
  media: ZOptText,
  fileState: ZOptText,
  recordingErrorStatus: ZOptText,
  outputSizeInBytes: z.number().int().nonnegative().nullish(),
  mediaUris: z.record(z.string(), z.looseObject({ mediaUri: ZOptText }).nullable()).nullish(),
});
export type TRecording = z.infer<typeof ZRecording>;

export const ZDetailsQueryResponse = z.looseObject({
  conversations: z
    .array(z.looseObject({ conversationId: z.string().min(1), conversationStart: ZOptText, conversationEnd: ZOptText }))
    .nullish(),
  totalHits: z.number().int().nonnegative().nullish(),
});

export const ZListCursor = z.object({ v: z.literal(1), from: z.string(), to: z.string(), page: z.number().int().positive() });
export type TListCursor = z.infer<typeof ZListCursor>;

/** Only audio recordings are call recordings; screen, chat, messaging and email recordings are not archived. */
export function isAudio(r: { media?: string | null }): boolean {
  return (r.media ?? 'audio').toLowerCase() === 'audio';
}
