import { describe, expect, it } from 'vitest';
import { can, canVisit, homePath, pageRule, PERMISSIONS, rolesFor, ROLES } from '@/lib/auth/permissions';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { isPublicPath } from '@/proxy';

describe('permission matrix', () => {
  it('gives each role exactly its share', () => {
    const granted = Object.fromEntries(
      ROLES.map((r) => [r, (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can(r, p)).sort()]),
    );
    expect(granted).toEqual({
      OFFICER: [
        'audit.view',
        'evidence.export',
        'identifiers.unmasked',
        'legal_hold.manage',
        'matters.view',
        'recordings.play',
        'recordings.view',
      ],
      REVIEWER: ['quarantine.decide', 'quarantine.play', 'quarantine.view'],
      AUDITOR: [
        'audit.export',
        'audit.view',
        'evidence.export',
        'matters.view',
        'reconciliation.view',
        'recordings.play',
        'recordings.view',
        'users.access_report',
      ],
      ADMIN: Object.keys(PERMISSIONS).sort(),
    });
  });

  it('refuses a missing role', () => {
    expect(can(null, 'recordings.view')).toBe(false);
    expect(can(undefined, 'recordings.view')).toBe(false);
  });

  it('lists the roles holding any of several permissions', () => {
    expect(rolesFor('recordings.play', 'quarantine.play')).toEqual(['OFFICER', 'REVIEWER', 'AUDITOR', 'ADMIN']);
    expect(rolesFor('legal_hold.manage')).toEqual(['OFFICER', 'ADMIN']);
  });
});

describe('page rules', () => {
  it('guards pages by the longest matching prefix', () => {
    expect(pageRule('/recordings/abc')?.permission).toBe('recordings.view');
    expect(pageRule('/admin/users')?.permission).toBe('users.manage');
    expect(pageRule('/recordingsX')).toBeNull();
  });

  it('lets roles visit only their pages', () => {
    expect(canVisit('REVIEWER', '/quarantine')).toBe(true);
    expect(canVisit('REVIEWER', '/recordings/1')).toBe(false);
    expect(canVisit('AUDITOR', '/audit')).toBe(true);
    expect(canVisit('AUDITOR', '/matters/1')).toBe(true);
    expect(canVisit('REVIEWER', '/matters')).toBe(false);
    expect(canVisit('OFFICER', '/operations')).toBe(false);
    expect(canVisit('OFFICER', '/')).toBe(true);
    expect(canVisit(undefined, '/')).toBe(false);
  });

  it('sends each role to its first page', () => {
    expect(ROLES.map(homePath)).toEqual(['/recordings', '/quarantine', '/recordings', '/recordings']);
  });
});

describe('proxy public paths', () => {
  it('leaves sign-in, next-auth, health and webhooks open and nothing else', () => {
    for (const p of [
      '/signin',
      '/api/auth/csrf',
      '/api/auth/callback/credentials',
      '/api/health',
      '/api/webhooks/genesys',
      '/api/audit/keys',
    ])
      expect(isPublicPath(p), p).toBe(true);
    for (const p of [
      '/',
      '/recordings',
      '/api/recordings',
      '/api/healthz',
      '/api/authx',
      '/signin-other',
      '/api/users',
      '/api/audit/exports',
      '/api/audit/keysx',
    ])
      expect(isPublicPath(p), p).toBe(false);
  });
});

describe('safeCallbackUrl', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeCallbackUrl('/recordings?agent=abc')).toBe('/recordings?agent=abc');
    expect(safeCallbackUrl('https://evil.example/recordings')).toBe('/');
    expect(safeCallbackUrl('//evil.example/x')).toBe('/');
    expect(safeCallbackUrl('/api/users')).toBe('/');
    expect(safeCallbackUrl('/signin')).toBe('/');
    expect(safeCallbackUrl(undefined)).toBe('/');
  });
});
