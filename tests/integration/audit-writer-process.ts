// Child process for the concurrent-writers test (audit-chain.test.ts): its own Prisma client and
// connection pool, appending AUDIT_WRITER_COUNT entries through appendAuditEntry sequentially, and
// taking part in audit sequencer leader election like a worker process does.
// Prints "ready" once connected, starts on "go" from stdin, prints "done" at the end.
import { journalAuditEntry } from '@/lib/audit/append-audit-entry';
import { db } from '@/lib/db';
import { startAuditSequencer } from '@/workers/processors/audit-sequencer';

const writer = process.env.AUDIT_WRITER_ID ?? 'w?';
const count = Number(process.env.AUDIT_WRITER_COUNT ?? '0');

await db().$queryRaw`SELECT 1`;
const sequencer = startAuditSequencer({ standbyMs: 50 });
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));

let next = 0;
async function loop(): Promise<void> {
  while (next < count) {
    const i = next++;
    await journalAuditEntry({
      actorType: 'worker',
      actorId: writer,
      action: 'test.concurrent',
      subjectType: 'system',
      subjectId: writer,
      details: { writer, i },
    });
  }
}
await loop();
process.stdout.write(`done ${count} leader=${sequencer.isLeader()} chained=${sequencer.chained()}\n`);
await sequencer.stop();
await db().$disconnect();
process.stdin.destroy();
