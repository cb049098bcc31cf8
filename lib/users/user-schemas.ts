// Inputs of the user-administration API.
import { z } from 'zod';
import { checkPasswordPolicy, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/check-password-policy';
import { ROLES } from '@/lib/auth/permissions';

const ZRegion = z.string().regex(/^[a-z0-9-]{1,32}$/, 'a residency region such as "us" or "eu"');

/** The policy as a zod check, so a refused password is a 422 naming the field and the reason. */
const ZPassword = z
  .string()
  .max(PASSWORD_MAX * 4)
  .superRefine((value, ctx) => {
    const problem = checkPasswordPolicy(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ZCreateUser = z.object({
  email: z
    .email()
    .max(254)
    .transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  password: ZPassword,
  /** Residency regions the user may see; omitted or empty = all regions. */
  regions: z.array(ZRegion).max(20).default([]),
});
export type TCreateUser = z.output<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), regions: z.array(ZRegion).max(20).optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.regions !== undefined, 'Nothing to change');
export type TUpdateUser = z.output<typeof ZUpdateUser>;

export const ZResetPassword = z.object({ password: ZPassword });

export { PASSWORD_MIN };

export type TUserView = {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  disabled: boolean;
  sso: boolean;
  regions: string[];
  lockedUntil: string | null;
  activeSessions: number;
  lastLoginAt: string | null;
  createdAt: string;
};
