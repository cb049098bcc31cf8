// Write-time minimisation of audit details: the fields an action declares as free text are masked by the
// identifier detector and committed to by the SHA-256 of the original; everything else (ids, hashes,
// staff e-mails, codes) is left exactly as written, and the caller's object is never changed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, auditEntryProblem, type TAuditActionSpec } from '@/lib/audit/actions';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { listMinimisedFields } from '@/lib/audit/list-minimised-fields';
import { minimiseAuditDetails } from '@/lib/audit/minimise-audit-details';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const REASON = 'caller +15551498897, callback on (555) 149-8897';
const DIGITS = /1\D{0,3}4\D{0,3}9\D{0,3}8\D{0,3}8\D{0,3}9\D{0,3}7/;

describe('minimiseAuditDetails', () => {
  it('masks a declared free-text field and stores the digest of what was typed beside it', () => {
    const details = { user: 'officer@example.com', recordingId: '0c1d9c54-5d1b-4c36-8f3e-5b8e3a3f1d01', reason: REASON, expiresAt: 'x' };
    const out = minimiseAuditDetails('playback.issued', details);
    expect(out.reason).not.toMatch(DIGITS);
    expect(out.reason).toContain('•••');
    expect(out.reasonSha256).toBe(sha(REASON));
    // Not free text: a staff e-mail and an id stay exactly as written; the caller's object is untouched.
    expect(out.user).toBe('officer@example.com');
    expect(out.recordingId).toBe(details.recordingId);
    expect(details.reason).toBe(REASON);
    expect(auditEntryProblem({ action: 'playback.issued', subjectType: 'recording', details: out })).toBeNull();
  });

  it('adds nothing to free text without identifiers', () => {
    const details = { reason: 'complaint review of 2026-11-30 14:05', user: 'u' };
    expect(minimiseAuditDetails('playback.issued', details)).toBe(details);
  });

  it('masks every string of a declared object (search filters) and each item of a list, keeping structured values', () => {
    const filters = {
      q: 'call from 555 149 8897',
      tag: ['vip', '+1 555 149 8897'],
      customer: { masked: '+1555•••8897', digitsSha256: 'ab'.repeat(32) },
      vendor: 'GENESYS_CLOUD',
      from: '2026-11-30T14:05',
    };
    const out = minimiseAuditDetails('access.search', { filters, resultCount: 1 });
    const masked = out.filters as Record<string, unknown>;
    expect(JSON.stringify(masked)).not.toMatch(DIGITS);
    expect(masked.qSha256).toBe(sha(filters.q));
    expect(masked.tagSha256).toBe(sha(canonicalJson(filters.tag)));
    expect(masked.tag).toEqual(['vip', expect.stringContaining('•••')]);
    expect(masked).toMatchObject({ customer: filters.customer, vendor: 'GENESYS_CLOUD', from: '2026-11-30T14:05' });
  });

  it('leaves unregistered actions and undeclared fields alone', () => {
    const details = { reason: REASON };
    expect(minimiseAuditDetails('test.noise', details)).toBe(details);
    // quarantine.resolved's "reason" is the case's reason code; its free text is the note.
    const resolved = minimiseAuditDetails('quarantine.resolved', { reason: 'TRUNCATION_DETECTED', note: REASON });
    expect(resolved).toMatchObject({ reason: 'TRUNCATION_DETECTED', noteSha256: sha(REASON) });
  });

  it.each(AUDIT_ACTION_NAMES)('%s: the sample still validates once minimised', (name) => {
    const spec = AUDIT_ACTIONS[name] as TAuditActionSpec;
    const sample = spec.sample as Record<string, unknown>;
    const withNumber = Object.fromEntries(
      Object.entries(sample).map(([k, v]) => [k, (spec.freeText ?? []).includes(k) && typeof v === 'string' ? `${v} ${REASON}` : v]),
    );
    const out = minimiseAuditDetails(name, withNumber);
    expect(auditEntryProblem({ action: name, subjectType: spec.subjectTypes[0], details: out })).toBeNull();
    for (const path of spec.freeText ?? []) if (typeof withNumber[path] === 'string') expect(String(out[path])).not.toMatch(DIGITS);
  });

  it('names the fields a history should say were masked when written, and only those', () => {
    const search = minimiseAuditDetails('access.search', { filters: { q: 'from 555 149 8897', vendor: 'NICE_CXONE' }, resultCount: 0 });
    expect(listMinimisedFields('access.search', search)).toEqual(['filters.q']);
    expect(listMinimisedFields('playback.issued', minimiseAuditDetails('playback.issued', { reason: REASON }))).toEqual(['reason']);
    expect(listMinimisedFields('playback.issued', { reason: 'complaint review' })).toEqual([]);
    // A digest the action does not declare as free text (a sign-in's e-mail digest) is not a masked field.
    expect(listMinimisedFields('auth.sign_in_failed', { reason: 'bad_password', method: 'credentials', emailSha256: 'ab' })).toEqual([]);
  });
});
