// Inputs of the user-administration API.
import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

export const PASSWORD_MIN = 12;

export const ZCreateUser = z.object({
  email: z.email().max(254).transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  password: z.string().min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`).max(200),
});
export type TCreateUser = z.output<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'Nothing to change');
export type TUpdateUser = z.output<typeof ZUpdateUser>;

export type TUserView = {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  disabled: boolean;
  sso: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};
