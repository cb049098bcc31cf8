// One pass over a media stream: identify the container from its magic bytes, then let that container's
// parser measure the bytes present. The label a vendor gave the file plays no part here.
import type { ByteReader } from '@/lib/media/byte-reader';
import { measureFlac } from '@/lib/media/measure-flac';
import { measureMatroska } from '@/lib/media/measure-matroska';
import { measureMp3 } from '@/lib/media/measure-mp3';
import { measureMp4 } from '@/lib/media/measure-mp4';
import { measureOgg } from '@/lib/media/measure-ogg';
import { measureWav } from '@/lib/media/measure-wav';
import { SNIFF_BYTES, sniffContainer } from '@/lib/media/sniff-container';
import { invalidMedia, type TMediaMeasurement } from '@/lib/media/types';

export async function measureMedia(reader: ByteReader): Promise<TMediaMeasurement> {
  try {
    const head = await reader.peek(SNIFF_BYTES);
    if (head.length === 0) return invalidMedia('empty file');
    const container = sniffContainer(head);
    switch (container) {
      case 'wav':
        return await measureWav(reader);
      case 'mp3':
        return await measureMp3(reader);
      case 'ogg':
        return await measureOgg(reader);
      case 'mp4':
        return await measureMp4(reader);
      case 'webm':
      case 'matroska':
        return await measureMatroska(reader, container);
      case 'flac':
        return await measureFlac(reader);
      default:
        return invalidMedia('not a recognized audio container (magic bytes match none of WAV, MP3, Ogg, MP4, WebM/Matroska, FLAC)');
    }
  } catch (e) {
    return invalidMedia(`unparseable: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    // The parser may stop early (invalid, or the rest is irrelevant): release the producer.
    reader.close();
  }
}
