// Seeds what a fresh install needs: retention policies and one user per role.
// Passwords come from SEED_PASSWORD (the run script generates one into .env); none is in the repo.
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/generated/prisma/enums';

const POLICIES = [
  {
    id: 'finra-4511-6y',
    name: 'FINRA 4511 / SEC 17a-4 (6 years)',
    description: 'Broker-dealer communications',
    retentionDays: 2190,
    activeDays: 730,
    matchTags: ['finra-retention-6yr', 'sec-17a-4'],
    isDefault: true,
  },
  {
    id: 'hipaa-6y',
    name: 'HIPAA (6 years)',
    description: 'Calls with protected health information',
    retentionDays: 2190,
    activeDays: 365,
    matchTags: ['hipaa', 'phi'],
    isDefault: false,
  },
  {
    id: 'mifid-7y',
    name: 'MiFID II (7 years on request)',
    description: 'EU investment services, extended on regulator request',
    retentionDays: 2555,
    activeDays: 730,
    matchTags: ['mifid-ii'],
    isDefault: false,
  },
] as const;

const USERS: { email: string; name: string; role: Role }[] = [
  { email: 'officer@callvault.local', name: 'Olivia Officer', role: 'OFFICER' },
  { email: 'reviewer@callvault.local', name: 'Rafael Reviewer', role: 'REVIEWER' },
  { email: 'auditor@callvault.local', name: 'Ada Auditor', role: 'AUDITOR' },
  { email: 'admin@callvault.local', name: 'Alex Admin', role: 'ADMIN' },
];

export async function seed(password = process.env.SEED_PASSWORD): Promise<void> {
  if (!password || password.length < 12) throw new Error('SEED_PASSWORD must be set (at least 12 characters)');
  const prisma = db();
  for (const p of POLICIES) {
    await prisma.retentionPolicy.upsert({ where: { id: p.id }, create: { ...p, matchTags: [...p.matchTags] }, update: {} });
  }
  const passwordHash = await hashPassword(password);
  for (const u of USERS) {
    await prisma.user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: {} });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed();
  console.log(`seeded ${POLICIES.length} retention policies and ${USERS.length} users`);
  await db().$disconnect();
}
