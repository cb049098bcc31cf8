import { describe, expect, it } from 'vitest';
import { phoneNeedle, toE164 } from '@/lib/recordings/phone-needle';

describe('phone numbers as typed', () => {
  it('normalizes every way of writing one number to the same E.164', () => {
    for (const typed of ['+1 555 149 8897', '(555) 149-8897', '555-149-8897', '1-555-149-8897', '+1.555.149.8897', 'tel:+15551498897']) {
      expect(toE164(typed, 'US')).toBe('+15551498897');
      expect(phoneNeedle(typed, 'US')).toBe('5551498897');
    }
  });

  it('reads numbers without a country code in the default region', () => {
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('030 1234567', 'DE')).toBe('+49301234567');
    expect(toE164('+44 20 7946 0958', 'US')).toBe('+442079460958');
  });

  it('keeps partial numbers as their digits and refuses what is not a number', () => {
    expect(toE164('+1 555', 'US')).toBeNull();
    expect(phoneNeedle('+1 555', 'US')).toBe('1555');
    expect(toE164('not a number', 'US')).toBeNull();
  });
});
