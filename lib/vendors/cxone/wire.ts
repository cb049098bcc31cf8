// The parts of NICE CXone responses the client itself relies on. Field names of completed contacts follow the
// Reporting API; the media-playback answer follows the published Media Playback API types (see
// docs/vendors.md): `acdcontactId` names the ACD (master) contact, `contactId` is the recording system's own id.
// Unknown fields are kept verbatim for the raw payload.
import { z } from 'zod';

export const CXONE_SCHEMA_VERSION = 'cxone-media-playback-v1';
export const CXONE_API_PATH = '/incontactapi/services/v27.0';

const ZId = z.union([z.string().min(1), z.number().int()]).transform(String);

export const ZCompletedContact = z.looseObject({
  contactId: ZId,
  masterContactId: ZId.optional(),
  contactStart: z.string().optional(),
  mediaTypeName: z.string().optional(),
});

export const ZCompletedContactsPage = z.looseObject({
  completedContacts: z.array(ZCompletedContact).optional(),
  totalRecords: z.number().optional(),
  _links: z.looseObject({ next: z.string().nullable().optional() }).optional(),
});

export const ZPlaybackInteraction = z.looseObject({
  mediaType: z.string().nullish(),
  startTime: z.string().nullish(),
  data: z.looseObject({ fileToPlayUrl: z.string().nullish(), startTime: z.string().nullish() }).nullish(),
});

export const ZPlayback = z.looseObject({
  contactId: ZId.nullish(),
  acdcontactId: ZId.nullish(),
  interactions: z.array(ZPlaybackInteraction).nullish(),
});

export const ZContact = z.looseObject({ contactId: ZId, masterContactId: ZId.nullish() });

export const ZListCursor = z.object({ v: z.literal(1), updatedSince: z.string(), skip: z.number().int().nonnegative() });
export type TListCursor = z.infer<typeof ZListCursor>;

/** Voice interactions of a media-playback answer (chat and email entries are not call recordings). */
export function voiceInteractions(playback: z.infer<typeof ZPlayback>) {
  return (playback.interactions ?? []).filter((i) => !i.mediaType || i.mediaType.startsWith('voice'));
}
