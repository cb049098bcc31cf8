// The verdict on measured media, shared by the archive pipeline and the media:check command. The vendor's
// duration and the header's claim are compared with the bytes; neither is ever corrected.
import { round3, type TMediaMeasurement } from '@/lib/media/types';

export type TMediaVerdict = 'ok' | 'truncated' | 'invalid';
export type TMediaJudgement = { verdict: TMediaVerdict; reason: string | null };

export function judgeMedia(m: TMediaMeasurement, vendorSeconds: number | null, toleranceSeconds: number): TMediaJudgement {
  if (m.error) return { verdict: 'invalid', reason: m.error };
  const measured = m.measuredSeconds;
  if (measured === null) {
    if (m.incomplete) return { verdict: 'truncated', reason: m.incomplete };
    return { verdict: 'invalid', reason: 'duration not measurable' };
  }
  const bytes = `the bytes hold ${round3(measured)} s`;
  if (m.headerSeconds !== null && Math.abs(m.headerSeconds - measured) > toleranceSeconds) {
    return { verdict: 'truncated', reason: `header claims ${round3(m.headerSeconds)} s, ${bytes}` };
  }
  if (vendorSeconds !== null && Math.abs(vendorSeconds - measured) > toleranceSeconds) {
    return { verdict: 'truncated', reason: `vendor says ${round3(vendorSeconds)} s, ${bytes}` };
  }
  if (m.incomplete) return { verdict: 'truncated', reason: m.incomplete };
  return { verdict: 'ok', reason: null };
}
