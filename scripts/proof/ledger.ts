// The suite's own record of what the vendor delivered and what CallVault answered — kept here, never read
// back from CallVault. A delivery answered 2xx is "accepted"; anything else (503, reset connection) is
// redelivered with backoff, as the vendors' at-least-once delivery does, until accepted or the window closes.
import { setTimeout as sleep } from 'node:timers/promises';
import type { TSimRecording, TSimulator } from '@/simulators/types';

export type TDelivery = { vendorRecordingId: string; interactionId: string; status: number | 'error'; at: number };

export class Ledger {
  readonly deliveries: TDelivery[] = [];
  readonly accepted = new Map<string, number>();
  private readonly pending = new Map<
    string,
    { rec: TSimRecording; sim: TSimulator; style: 'seed' | 'real'; attempt: number; due: number }
  >();

  constructor(private readonly baseUrl: string) {}

  private async deliverOnce(sim: TSimulator, rec: TSimRecording, style: 'seed' | 'real', duplicates: number): Promise<boolean> {
    try {
      const results = await sim.emitWebhook(rec, { baseUrl: this.baseUrl, style, duplicates, concurrency: duplicates });
      for (const r of results)
        this.deliveries.push({ vendorRecordingId: rec.id, interactionId: rec.interactionId, status: r.status, at: r.at });
      if (results.some((r) => r.status >= 200 && r.status < 300)) {
        if (!this.accepted.has(rec.id)) this.accepted.set(rec.id, Date.now());
        return true;
      }
    } catch {
      this.deliveries.push({ vendorRecordingId: rec.id, interactionId: rec.interactionId, status: 'error', at: Date.now() });
    }
    return false;
  }

  /** Delivers each recording's event `duplicates` times; refused ones are queued for redelivery. spreadMs paces
   *  the deliveries over that long (calls keep ending while a fault is on), 0 = as fast as they are answered. */
  async storm(
    items: { sim: TSimulator; rec: TSimRecording; style: 'seed' | 'real' }[],
    duplicates: number,
    spreadMs = 0,
    concurrency = 8,
  ): Promise<void> {
    let next = 0;
    const gap = items.length ? (spreadMs * Math.min(concurrency, items.length)) / items.length : 0;
    const lane = async () => {
      while (next < items.length) {
        const { sim, rec, style } = items[next++]!;
        if (!(await this.deliverOnce(sim, rec, style, duplicates)))
          this.pending.set(rec.id, { rec, sim, style, attempt: 1, due: Date.now() + 1000 });
        if (gap > 0) await sleep(gap);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  }

  /** One redelivery round for what is due (backoff 1 s doubling, capped at 15 s). */
  async redeliverDue(): Promise<void> {
    const now = Date.now();
    for (const [id, p] of [...this.pending]) {
      if (p.due > now) continue;
      if (await this.deliverOnce(p.sim, p.rec, p.style, 1)) this.pending.delete(id);
      else Object.assign(p, { attempt: p.attempt + 1, due: Date.now() + Math.min(15_000, 1000 * 2 ** p.attempt) });
    }
  }

  get unaccepted(): number {
    return this.pending.size;
  }

  refused(): number {
    return this.deliveries.filter((d) => d.status === 'error' || d.status >= 300).length;
  }
}
