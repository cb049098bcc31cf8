// Verifies the live audit trail in place (streamed) and against the sealed segments in the
// Object-Locked audit bucket (lib/audit/verify-audit-chain.ts), then every published checkpoint against
// the table and its Object-Locked copy (lib/audit/verify-audit-checkpoints.ts). Uses the deployment's environment:
// DATABASE_URL, S3_*, the audit keys (AUDIT_KEY_PROVIDER and its variables; retired keys included) and
// the signing keys (AUDIT_SIGNING_KEYS).
//
//   node --import tsx scripts/audit/verify-chain.ts [--json]
// Exit 0: table, segments, checkpoints and not-yet-chained journal entries verify (pending entries are
// listed, not faults). Exit 1: the first fault of each pass is printed.
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { verifyAuditCheckpoints } from '@/lib/audit/verify-audit-checkpoints';
import { db } from '@/lib/db';

const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const started = Date.now();
try {
  const result = await verifyAuditChain();
  const checkpoints = await verifyAuditCheckpoints();
  const ok = result.ok && checkpoints.ok;
  const seconds = (Date.now() - started) / 1000;
  if (values.json) {
    console.log(JSON.stringify({ ...result, ok, checkpoints, seconds }, null, 2));
  } else {
    console.log(`${ok ? 'VALID' : 'INVALID'} audit chain (${seconds.toFixed(1)} s)`);
    console.log(`  table:    ${result.entries} entries${result.lastSequence ? `, head sequence ${result.lastSequence}` : ''}`);
    if (result.tableFault)
      console.log(
        `  TABLE FAULT at sequence ${result.tableFault.sequence ?? '?'}: [${result.tableFault.code}] ${result.tableFault.message}`,
      );
    console.log(`  sealed:   ${result.segmentsChecked} segment(s), ${result.sealedEntries} entries match their Object-Locked copies`);
    const f = result.segmentFault;
    if (f)
      console.log(
        `  SEGMENT FAULT in ${f.key} (segment ${f.segmentId})${f.line ? ` line ${f.line}` : ''}${f.sequence ? ` sequence ${f.sequence}` : ''}: ${f.message}`,
      );
    // Not yet chained is not a fault: the sequencer links journal entries in batches, moments after their commit.
    const p = result.pending;
    console.log(
      `  pending:  ${p.entries} journal entr${p.entries === 1 ? 'y' : 'ies'} not chained yet${p.oldestOccurredAt ? ` (oldest ${p.oldestOccurredAt})` : ''}`,
    );
    if (p.fault) console.log(`  JOURNAL FAULT at journal entry ${p.fault.journalId}: ${p.fault.message}`);
    console.log(`  checkpoints: ${checkpoints.checked} published checkpoint(s) match the table and their Object-Locked copies`);
    const c = checkpoints.fault;
    if (c) console.log(`  CHECKPOINT FAULT in checkpoint ${c.checkpointId} (tree size ${c.treeSize}): ${c.message}`);
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await db().$disconnect();
}
