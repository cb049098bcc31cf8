// Child process for audit-export-jobs.test.ts: an audit-export worker with its own Prisma client, Redis
// connections and S3 client, sharing nothing with the test process but the services. Prints "ready".
import { QUEUES } from '@/lib/queue/contracts';
import { startWorkers } from '@/workers/index';

const handle = await startWorkers({ schedule: false, metricsPort: null, syncAccounts: false, queues: [QUEUES.auditExport] });
process.stdout.write('ready\n');
process.once('SIGTERM', () => void handle.close().then(() => process.exit(0)));
