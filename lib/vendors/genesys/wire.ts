// The parts of Genesys Cloud responses the client itself relies on (listing, media URLs). Everything else is
// passed through verbatim to the normalizer; unknown fields are kept, never stripped.
import { z } from 'zod';

export const GENESYS_SCHEMA_VERSION = 'genesys-recording-v2';
/** formatId we ask Genesys to transcode to (WAV: plain PCM, parseable without codecs). */
export const GENESYS_FORMAT_ID = 'WAV';

export const ZRecordingMetadata = z.looseObject({
  id: z.string().min(1),
  conversationId: z.string().optional(),
  startTime: z.string().optional(),
  media: z.string().optional(),
  fileState: z.string().optional(),
});

export const ZRecording = z.looseObject({
  id: z.string().min(1),
  conversationId: z.string().optional(),
  startTime: z.string().optional(),
  mediaUris: z.record(z.string(), z.looseObject({ mediaUri: z.string().optional() })).optional(),
});

export const ZDetailsQueryResponse = z.looseObject({
  conversations: z.array(z.looseObject({ conversationId: z.string().min(1), conversationStart: z.string().optional(), conversationEnd: z.string().optional() })).optional(),
  totalHits: z.number().int().nonnegative().optional(),
});

export const ZListCursor = z.object({ v: z.literal(1), from: z.string(), to: z.string(), page: z.number().int().positive() });
export type TListCursor = z.infer<typeof ZListCursor>;
