// Display masking for customer identifiers (phone numbers, emails, names): enough left to tell two
// calls apart in a list, not enough to identify the customer. "+15550199887" → "+1555•••9887".
export const MASK = '•••';

export function maskIdentifier(value: string): string;
export function maskIdentifier(value: string | null): string | null;
export function maskIdentifier(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  if (v.length <= 6) return MASK;
  if (/^\+?[\d\s().-]+$/.test(v)) {
    const digits = v.replace(/[^\d+]/g, '');
    const head = digits.startsWith('+') ? digits.slice(0, 5) : digits.slice(0, 4);
    return digits.length <= 8 ? `${MASK}${digits.slice(-2)}` : `${head}${MASK}${digits.slice(-4)}`;
  }
  const at = v.indexOf('@');
  if (at > 0) return `${v[0]}${MASK}${v.slice(at)}`;
  return `${v[0]}${MASK}`;
}
