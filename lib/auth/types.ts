// The signed-in user as every domain function receives it (route handlers build it via withRole).
import type { Role } from '@/lib/generated/prisma/enums';

export type TRole = Role; // 'OFFICER' | 'REVIEWER' | 'AUDITOR' | 'ADMIN'

export type TUserRef = { id: string; email: string; role: 'OFFICER' | 'REVIEWER' | 'AUDITOR' | 'ADMIN' };
