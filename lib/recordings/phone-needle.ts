// Phone numbers as typed → what to look for in stored identifiers. "+1 555 149 8897", "(555) 149-8897"
// and "1-555-149-8897" are one number (E.164 +15551498897, with the deployment's default region for
// numbers typed without a country code). Vendors store customers as E.164 ("+15551498897") or national
// digits ("5551498897"), so a complete number is looked for by its national significant number; a
// partial one ("+1 555") by its digits. `isPossible`, not `isValid`: archives hold test and fictional
// ranges (555) that real numbering plans reject.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;

/** E.164 form of a complete number, or null when the input is not one. */
export function toE164(input: string, defaultRegion: string): string | null {
  const parsed = parsePhoneNumberFromString(input, defaultRegion as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

/** Digits that every stored form of the number contains. */
export function phoneNeedle(input: string, defaultRegion: string): string {
  const parsed = parsePhoneNumberFromString(input, defaultRegion as CountryCode);
  return parsed?.isPossible() ? parsed.nationalNumber : input.replace(/\D/g, '');
}
