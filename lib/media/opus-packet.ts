// Duration of one Opus packet from its TOC byte (RFC 6716 §3.1), in 48 kHz samples.
const SILK = [480, 960, 1920, 2880];
const HYBRID = [480, 960];
const CELT = [120, 240, 480, 960];

export function opusPacketSamples(packet: Buffer): number {
  if (packet.length < 1) return 0;
  const toc = packet[0]!;
  const config = toc >> 3;
  const frame = (config < 12 ? SILK[config % 4] : config < 16 ? HYBRID[config % 2] : CELT[config % 4])!;
  const code = toc & 3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : packet.length >= 2 ? packet[1]! & 0x3f : 0;
  return frame * frames;
}
