// The signed-in user as every domain function receives it (route handlers build it via withRole).
// Roles are spelled once, in prisma/schema.prisma (`enum Role`); the type and the list derive from it.
import { Role } from '@/lib/generated/prisma/enums';

export type TRole = Role;

/** Every role, in the schema's order. */
export const ROLES = Object.values(Role) as [TRole, ...TRole[]];

export type TUserRef = { id: string; email: string; role: TRole };
