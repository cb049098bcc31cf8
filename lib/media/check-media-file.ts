// One file checked the way the archive pipeline checks a stored object: streamed once through the same
// probe, judged by the same rule. Used by `npm run media:check` and the corpus tests.
import { createReadStream } from 'node:fs';
import { createDurationProbe } from '@/lib/media/duration-probe';
import { judgeMedia, type TMediaVerdict } from '@/lib/media/judge-media';
import { round3 } from '@/lib/media/types';

export type TMediaCheckLine = {
  container: string | null;
  codec: string | null;
  headerSeconds: number | null;
  measuredSeconds: number | null;
  verdict: TMediaVerdict;
  reason: string | null;
};

const r = (n: number | null) => (n === null ? null : round3(n));

export async function checkMediaFile(
  path: string,
  opts: { vendorSeconds: number; formatLabel?: string; toleranceSeconds: number },
): Promise<TMediaCheckLine> {
  const probe = createDurationProbe();
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) await probe.feed(chunk);
  } finally {
    probe.end();
    stream.destroy();
  }
  const m = await probe.result;
  const { verdict, reason } = judgeMedia(m, opts.vendorSeconds, opts.toleranceSeconds);
  // The label is evidence only: say so when the content disagrees with it.
  const label = opts.formatLabel?.toLowerCase();
  const mislabelled =
    label && m.container && !sameFamily(label, m.container) ? `content is ${m.container} although labelled ${label}` : null;
  return {
    container: m.container,
    codec: m.codec,
    headerSeconds: r(m.headerSeconds),
    measuredSeconds: r(m.measuredSeconds),
    verdict,
    reason: [reason, mislabelled].filter(Boolean).join('; ') || null,
  };
}

const FAMILY: Record<string, string> = { m4a: 'mp4', aac: 'mp4', opus: 'ogg', oga: 'ogg', mka: 'matroska', wave: 'wav' };
const sameFamily = (label: string, container: string) => {
  const l = FAMILY[label] ?? label;
  return (
    l === container ||
    (l === 'webm' && container === 'matroska') ||
    (l === 'matroska' && container === 'webm') ||
    (label === 'opus' && container === 'webm')
  );
};
