// Identifies the container from its first bytes (magic numbers), never from a label or a file name.
import { isMp3FrameHeader } from '@/lib/media/mp3-frame';
import type { TContainer } from '@/lib/media/types';

export const SNIFF_BYTES = 64;

const ascii = (b: Buffer, at: number, s: string) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

/** WebM vs Matroska is decided by the EBML DocType, which sits in the first few dozen bytes. */
function ebmlDocType(head: Buffer): TContainer {
  return head.includes(Buffer.from('webm')) ? 'webm' : 'matroska';
}

export function sniffContainer(head: Buffer): TContainer | null {
  if ((ascii(head, 0, 'RIFF') || ascii(head, 0, 'RF64')) && ascii(head, 8, 'WAVE')) return 'wav';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return ebmlDocType(head);
  if (ascii(head, 4, 'ftyp') || ascii(head, 4, 'moov') || ascii(head, 4, 'mdat') || ascii(head, 4, 'free') || ascii(head, 4, 'wide'))
    return 'mp4';
  if (ascii(head, 0, 'ID3')) return 'mp3';
  // A bare MPEG audio stream: one frame header is too weak a signal on its own; the MP3 parser then
  // demands a chain of consecutive frames before it measures anything.
  if (head.length >= 4 && isMp3FrameHeader(head.readUInt32BE(0))) return 'mp3';
  return null;
}
