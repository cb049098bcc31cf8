// Residency: region from the vendor instance, explicit regions that must agree, dial-in rules that can only
// confirm or conflict; and VENDOR_ACCOUNTS validation.
import { describe, expect, it } from 'vitest';
import { parseVendorAccounts } from '@/lib/vendors/accounts';
import { deriveResidencyRegion, resolveAccountRegion } from '@/lib/vendors/derive-residency-region';
import { parseDialRules, residencyForRecording } from '@/lib/vendors/residency';
import type { TCanonicalParticipant } from '@/lib/vendors/types';

describe('deriveResidencyRegion', () => {
  it.each([
    ['GENESYS_CLOUD', 'mypurecloud.com', 'us'],
    ['GENESYS_CLOUD', 'usw2.pure.cloud', 'us'],
    ['GENESYS_CLOUD', 'use1.pure.cloud', 'us'],
    ['GENESYS_CLOUD', 'cac1.pure.cloud', 'us'],
    ['GENESYS_CLOUD', 'mypurecloud.ie', 'eu'],
    ['GENESYS_CLOUD', 'mypurecloud.de', 'eu'],
    ['GENESYS_CLOUD', 'euw2.pure.cloud', 'eu'],
    ['GENESYS_CLOUD', 'EUC2.pure.cloud', 'eu'],
    ['NICE_CXONE', 'na1', 'us'],
    ['NICE_CXONE', 'na2', 'us'],
    ['NICE_CXONE', 'eu1', 'eu'],
    ['NICE_CXONE', 'uk1', 'eu'],
    ['NICE_CXONE', 'au1', 'au'],
  ] as const)('%s %s → %s', (vendor, instance, region) => {
    expect(deriveResidencyRegion(vendor, instance)?.region).toBe(region);
  });

  it('does not map unknown instances', () => {
    expect(deriveResidencyRegion('GENESYS_CLOUD', 'apne1.pure.cloud')).toBeNull();
    expect(deriveResidencyRegion('NICE_CXONE', 'mypurecloud.com')).toBeNull();
  });
});

describe('resolveAccountRegion', () => {
  const a = (instance: string, residencyRegion?: string) => ({
    id: 'acct-1',
    vendorSource: 'GENESYS_CLOUD' as const,
    instance,
    residencyRegion,
  });
  it('accepts an explicit region that agrees', () => expect(resolveAccountRegion(a('mypurecloud.ie', 'eu'))).toBe('eu'));
  it('refuses an explicit region that disagrees, naming the account', () => {
    expect(() => resolveAccountRegion(a('mypurecloud.ie', 'us'))).toThrow(/acct-1.*"us".*mypurecloud\.ie.*"eu"/);
  });
  it('lets a soft mapping be configured otherwise', () => expect(resolveAccountRegion(a('cac1.pure.cloud', 'ca'))).toBe('ca'));
  it('requires an explicit region for unmapped instances', () => {
    expect(() => resolveAccountRegion(a('apne1.pure.cloud'))).toThrow(/acct-1.*set residencyRegion/);
    expect(resolveAccountRegion(a('apne1.pure.cloud', 'jp'))).toBe('jp');
  });
});

describe('parseVendorAccounts', () => {
  const genesys = {
    id: 'genesys-eu',
    vendorSource: 'genesys-cloud',
    instance: 'mypurecloud.ie',
    clientId: 'id',
    clientSecret: 'secret',
    webhookHmacSecret: 'h'.repeat(32),
  };
  const parse = (entries: unknown[], regions = ['us', 'eu']) => parseVendorAccounts(JSON.stringify(entries), regions, () => 'PEM');

  it('derives region, default URLs and rate limit from the instance', () => {
    const [account] = parse([genesys]);
    expect(account).toEqual({
      id: 'genesys-eu',
      vendorSource: 'GENESYS_CLOUD',
      name: 'genesys-eu',
      instance: 'mypurecloud.ie',
      residencyRegion: 'eu',
      apiBaseUrl: 'https://api.mypurecloud.ie',
      authUrl: 'https://login.mypurecloud.ie/oauth/token',
      clientId: 'id',
      clientSecret: 'secret',
      tlsPins: [],
      requestsPerMinute: 240,
      webhookBearerToken: null,
      webhookHmacSecret: 'h'.repeat(32),
      webhookApiKey: null,
    });
    const cx = parse([
      { id: 'cx', vendorSource: 'nice-cxone', instance: 'na1', clientId: 'k', clientSecret: 's', tlsCaFile: '/ca.pem' },
    ])[0];
    expect(cx).toMatchObject({
      residencyRegion: 'us',
      requestsPerMinute: 30,
      mediaBaseUrl: 'https://na1.nice-incontact.com',
      tlsCaPem: 'PEM',
    });
  });

  it('returns no accounts when unset', () => {
    expect(parseVendorAccounts(undefined, ['us'])).toEqual([]);
    expect(parseVendorAccounts('  ', ['us'])).toEqual([]);
  });

  it.each([
    [[{ ...genesys, residencyRegion: 'us' }], /genesys-eu.*disagrees/],
    [[genesys], /genesys-eu.*region "eu" is not served/, ['us']],
    [[{ ...genesys, apiBaseUrl: 'http://api.mypurecloud.ie' }], /account "genesys-eu" apiBaseUrl: must be https/],
    [[{ ...genesys, clientSecret: undefined }], /account "genesys-eu" clientSecret/],
    [[{ ...genesys, tlsPins: ['short'] }], /tlsPins.0: base64 SHA-256/],
    [[{ ...genesys, vendorSource: 'avaya' }], /vendorSource: must be/],
    [[{ ...genesys, webhookHmacSecret: 'short' }], /webhookHmacSecret: at least 16/],
    [[{ ...genesys, surprise: 1 }], /account "genesys-eu"/],
    [[genesys, genesys], /"genesys-eu" appears twice/],
  ])('refuses %j', (entries, message, regions = ['us', 'eu']) => {
    expect(() => parse(entries as unknown[], regions)).toThrow(message);
  });

  it('refuses invalid JSON without echoing it (it holds secrets)', () => {
    expect(() => parseVendorAccounts('[{"clientSecret":"hunter2"', ['us'])).toThrow(/^Invalid VENDOR_ACCOUNTS: not valid JSON$/);
  });

  it('allows plain http only to the local simulators', () => {
    const [a] = parse([{ ...genesys, apiBaseUrl: 'http://127.0.0.1:4010', authUrl: 'http://localhost:4010/oauth/token' }]);
    expect(a?.apiBaseUrl).toBe('http://127.0.0.1:4010');
  });
});

describe('residencyForRecording', () => {
  const rules = parseDialRules(
    JSON.stringify([
      { prefix: '+1', region: 'us' },
      { prefix: '+44', region: 'eu' },
      { prefix: '+4420', region: 'uk' },
      { prefix: '+353', region: 'eu' },
    ]),
  );
  const account = { residencyRegion: 'eu', instance: 'mypurecloud.ie' };
  const customer = (identifier: string | null): TCanonicalParticipant => ({ role: 'CUSTOMER', identifier, displayName: null });
  const agent: TCanonicalParticipant = { role: 'AGENT', identifier: '+15550000000', displayName: 'Agent' };

  it('takes the region from the instance and confirms it with a matching dial-in rule', () => {
    expect(residencyForRecording(account, { participants: [agent, customer('+353 1 555 0100')] }, rules)).toEqual({
      region: 'eu',
      reasons: ['vendor instance mypurecloud.ie → eu', 'customer number prefix +353 → eu'],
      conflict: null,
    });
  });

  it('flags a customer number whose rule names another region, without the whole number', () => {
    const decision = residencyForRecording(account, { participants: [customer('tel:+1 (555) 019-9887')] }, rules);
    expect(decision.region).toBe('eu');
    expect(decision.conflict).toMatch(/prefix \+1 belongs to region us, but instance mypurecloud\.ie is in eu/);
    expect(JSON.stringify(decision)).not.toContain('5550199887');
  });

  it('uses the longest matching prefix', () => {
    expect(residencyForRecording(account, { participants: [customer('+442079460958')] }, rules).conflict).toMatch(
      /\+4420 belongs to region uk/,
    );
    expect(residencyForRecording(account, { participants: [customer('+441632960001')] }, rules).conflict).toBeNull();
  });

  it('ignores agents, missing and non-international numbers', () => {
    const decision = residencyForRecording(
      account,
      { participants: [agent, customer(null), customer('0207 946 0958'), customer('anonymous')] },
      rules,
    );
    expect(decision).toEqual({ region: 'eu', reasons: ['vendor instance mypurecloud.ie → eu'], conflict: null });
  });

  it('validates RESIDENCY_DIAL_RULES', () => {
    expect(parseDialRules(undefined)).toEqual([]);
    expect(() => parseDialRules('{')).toThrow(/not valid JSON/);
    expect(() => parseDialRules('[{"prefix":"44","region":"eu"}]')).toThrow(/RESIDENCY_DIAL_RULES\[0\.prefix\]/);
    expect(() => parseDialRules('[{"prefix":"+44","region":"EU!"}]')).toThrow(/RESIDENCY_DIAL_RULES\[0\.region\]/);
  });
});
