// The one detector of customer identifiers in free text (playback reasons, notes, vendor strings, audit
// details, exports) for roles that see identifiers masked: phone numbers in E.164 and the common national
// writings ("+1 (555) 149-8897", "(555) 149-8897", "555.149.8897", "020 7946 0958", "07700 900123") and
// e-mail addresses. It errs on the side of masking: a long digit string that is not a phone number (an
// epoch, an account number) is masked too, which costs a masked reader nothing they may see anyway.
import { maskIdentifier } from '@/lib/masking/mask-identifier';

// An optional "+", an optional "(area)", then 7-15 digits with at most two separators between any two.
// Letters, "@" or "+" right before/after mean the digits belong to something else (ids, hashes, uuids).
const PHONE = /(?<![\w+@-])\+?(?:\(\d{1,5}\)[\s.-]{0,2})?\d(?:[\s().-]{0,2}\d){5,18}(?![\w@])/g;
const EMAIL = /[\w.%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

// Shapes that look numeric but are not phone numbers: dates, clock times, IPv4 addresses, decimals.
const NOT_PHONE = [/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\D|$)/, /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/, /^\d{1,3}(?:\.\d{1,3}){3}$/, /^\d+\.\d+$/];

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (NOT_PHONE.some((re) => re.test(candidate))) return false;
  // Bare digit runs without "+" or separators read as numbers below national length (counts, sizes).
  if (/^\d+$/.test(candidate) && digits < 10) return false;
  return true;
}

export function maskIdentifiersInText(text: string): string {
  const phonesMasked = text.replace(PHONE, (m) => (isPhone(m) ? maskIdentifier(m) : m));
  return phonesMasked.replace(EMAIL, (m) => maskIdentifier(m));
}
