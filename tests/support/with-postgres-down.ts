// Runs `fn` while the application's Prisma client points at a closed port (Postgres unreachable for this
// process only; the real server and other test files are untouched), then puts the real client back.
import { createPrismaClient } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { closedPort } from './closed-port';

export async function withPostgresDown<T>(fn: () => Promise<T>): Promise<T> {
  const globals = globalThis as unknown as { prisma?: PrismaClient };
  const real = globals.prisma;
  const down = createPrismaClient(`postgresql://postgres@127.0.0.1:${await closedPort()}/callvault_down_test`);
  globals.prisma = down;
  try {
    return await fn();
  } finally {
    await down.$disconnect().catch(() => undefined);
    globals.prisma = real;
  }
}
