// Masks customer identifiers inside raw vendor JSON before it leaves the server for a role that may
// not see them: values of known customer-identifier fields, and any string containing one of the
// recording's known customer identifiers (vendors repeat the number in names, addresses, URIs), and
// whatever else the identifier detector finds in free text (a number typed into a note in another format).
import { maskIdentifier } from '@/lib/masking/mask-identifier';
import { maskIdentifiersInText } from '@/lib/masking/mask-identifiers-in-text';

/** Field names (lower-case, no separators) that carry a caller's number, address or name in vendor payloads. */
const CUSTOMER_FIELDS = new Set([
  'ani',
  'dnis',
  'callerid',
  'callernumber',
  'callingnumber',
  'callednumber',
  'customernumber',
  'customerphone',
  'phonenumber',
  'phone',
  'fromaddr',
  'toaddr',
  'fromaddress',
  'toaddress',
  'address',
  'addressother',
  'addressself',
  'customername',
  'customeremail',
  'email',
  'externalcontactid',
  'contactnumber',
  'pointofcontact',
]);

function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

/** Values shorter than this are too generic to search-and-replace safely ("1", "ext"). */
const MIN_SECRET_LENGTH = 4;

function maskString(value: string, secrets: string[]): string {
  let out = value;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(maskIdentifier(secret));
  }
  return maskIdentifiersInText(out);
}

export function maskPayload(payload: unknown, customerValues: (string | null)[]): unknown {
  const secrets = [...new Set(customerValues.filter((v): v is string => typeof v === 'string' && v.trim().length >= MIN_SECRET_LENGTH))]
    // Longest first, so a number is replaced before a shorter value contained in it.
    .sort((a, b) => b.length - a.length);
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      return key !== null && CUSTOMER_FIELDS.has(fieldKey(key)) ? maskIdentifier(value) : maskString(value, secrets);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(payload, null);
}
