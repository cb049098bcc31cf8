// npm run peaks:backfill [-- --limit <n>]
// Stores waveform peaks for every recording with stored media and none yet (archived before peaks existed,
// or whose peaks step failed). Safe to run again: existing peaks are kept. Prints progress and a JSON summary;
// exits 1 if any recording's peaks could not be made (each failure is audited as archive.peaks_failed).
import { parseArgs } from 'node:util';
import { db } from '@/lib/db';
import { backfillPeaks } from '@/lib/media/peaks-backfill';

const { values } = parseArgs({ options: { limit: { type: 'string' } } });
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
  process.stderr.write('peaks:backfill: --limit must be a positive integer\n');
  process.exit(2);
}
const report = await backfillPeaks({
  limit,
  onProgress: (r) => process.stderr.write(`checked ${r.checked}: ${r.generated} generated, ${r.present} present, ${r.failed} failed\n`),
});
process.stdout.write(`${JSON.stringify(report)}\n`);
await db().$disconnect();
process.exit(report.failed > 0 ? 1 : 0);
