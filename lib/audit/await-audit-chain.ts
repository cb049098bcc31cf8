// Before showing audit history to a person: wait (briefly) until every entry committed so far is chained,
// so an action they just took (a playback, a hold) is in the history they open next. A sequencer that is
// slower than the bound only makes the view a moment stale; it never fails the request.
import { flushAuditSequencer } from '@/lib/audit/flush-audit-sequencer';
import { logger } from '@/lib/logger';

const WAIT_MS = 5_000;

export async function awaitAuditChain(): Promise<void> {
  try {
    await flushAuditSequencer({ timeoutMs: WAIT_MS });
  } catch (error) {
    logger.warn({ reason: (error as Error).message }, 'audit history shown before the sequencer caught up');
  }
}
