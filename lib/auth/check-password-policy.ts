// The password policy for local accounts: long enough, not too repetitive, and not one of the ~49,000
// most common passwords (the list zxcvbn-ts ships in @zxcvbn-ts/language-common, checked offline).
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
const MIN_DISTINCT_CHARACTERS = 5;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** null when the password is acceptable, otherwise the reason it is not (shown to the admin). */
export function checkPasswordPolicy(password: string, context: { email?: string } = {}): string | null {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN) return `At least ${PASSWORD_MIN} characters`;
  if (chars.length > PASSWORD_MAX) return `At most ${PASSWORD_MAX} characters`;
  if (new Set(chars).size < MIN_DISTINCT_CHARACTERS) return `Use at least ${MIN_DISTINCT_CHARACTERS} different characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'This password is on a list of commonly used passwords';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'The password must not contain the email address';
  return null;
}
