// One Prisma client per process (globalThis survives Next's dev reloads).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// Under a delivery storm every connection of the pool can be busy for seconds. Prisma's default of 2 s to
// obtain one for an interactive transaction then fails a step that would have succeeded a moment later,
// and the retry repeats the download: waiting for a connection is the cheaper outcome.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export function createPrismaClient(connectionString = env().DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }), transactionOptions: TRANSACTION_OPTIONS });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

export type Db = PrismaClient;
/** A client or an interactive transaction: domain writes accept either. */
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
