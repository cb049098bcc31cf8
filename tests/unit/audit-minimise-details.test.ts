// Write-time minimisation of audit details: the fields an action declares as free text are masked by the
// identifier detector and committed to by a salted SHA-256 of the original, whose opening (original and
// salt) is handed back for storage outside the trail; everything else (ids, hashes, staff e-mails, codes)
// is left exactly as written, and the caller's object is never changed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, auditEntryProblem, type TAuditActionSpec } from '@/lib/audit/actions';
import { canonicalJson } from '@/lib/audit/canonical-json';
import { listMinimisedFields } from '@/lib/audit/list-minimised-fields';
import { minimiseAuditDetails, type TFreeTextOpening } from '@/lib/audit/minimise-audit-details';

const salted = (o: TFreeTextOpening) => createHash('sha256').update(o.salt).update(o.original, 'utf8').digest('hex');
const REASON = 'caller +15551498897, callback on (555) 149-8897';
const DIGITS = /1\D{0,3}4\D{0,3}9\D{0,3}8\D{0,3}8\D{0,3}9\D{0,3}7/;
const opening = (openings: TFreeTextOpening[], field: string) => openings.find((o) => o.field === field)!;

describe('minimiseAuditDetails', () => {
  it('masks a declared free-text field and stores a salted commitment to what was typed beside it', () => {
    const details = { user: 'officer@example.com', recordingId: '0c1d9c54-5d1b-4c36-8f3e-5b8e3a3f1d01', reason: REASON, expiresAt: 'x' };
    const { details: out, openings } = minimiseAuditDetails('playback.issued', details);
    expect(out.reason).not.toMatch(DIGITS);
    expect(out.reason).toContain('•••');
    expect(openings).toEqual([{ field: 'reason', original: REASON, salt: expect.any(Buffer) }]);
    expect(openings[0]!.salt).toHaveLength(32);
    expect(out.reasonCommitment).toBe(salted(openings[0]!));
    // No plain digest of the original is kept anywhere in the entry.
    const plain = createHash('sha256').update(REASON).digest('hex');
    expect(JSON.stringify(out)).not.toContain(plain);
    // Not free text: a staff e-mail and an id stay exactly as written; the caller's object is untouched.
    expect(out.user).toBe('officer@example.com');
    expect(out.recordingId).toBe(details.recordingId);
    expect(details.reason).toBe(REASON);
    expect(auditEntryProblem({ action: 'playback.issued', subjectType: 'recording', details: out })).toBeNull();
  });

  it('draws a fresh salt for every field, so the same text commits differently each time', () => {
    const a = minimiseAuditDetails('playback.issued', { reason: REASON });
    const b = minimiseAuditDetails('playback.issued', { reason: REASON });
    expect(a.details.reasonCommitment).not.toBe(b.details.reasonCommitment);
    expect(a.openings[0]!.salt.equals(b.openings[0]!.salt)).toBe(false);
  });

  it('adds nothing to free text without identifiers', () => {
    const details = { reason: 'complaint review of 2026-11-30 14:05', user: 'u' };
    expect(minimiseAuditDetails('playback.issued', details)).toEqual({ details, openings: [] });
    expect(minimiseAuditDetails('playback.issued', details).details).toBe(details);
  });

  it('masks every string of a declared object (search filters) and each item of a list, keeping structured values', () => {
    const filters = { q: 'call from 555 149 8897', tag: ['vip', '+1 555 149 8897'], vendor: 'GENESYS_CLOUD', from: '2026-11-30T14:05' };
    const { details: out, openings } = minimiseAuditDetails('access.search', { filters, resultCount: 1 });
    const masked = out.filters as Record<string, unknown>;
    expect(JSON.stringify(masked)).not.toMatch(DIGITS);
    expect(masked.qCommitment).toBe(salted(opening(openings, 'filters.q')));
    expect(opening(openings, 'filters.q').original).toBe(filters.q);
    expect(opening(openings, 'filters.tag').original).toBe(canonicalJson(filters.tag));
    expect(masked.tagCommitment).toBe(salted(opening(openings, 'filters.tag')));
    expect(masked.tag).toEqual(['vip', expect.stringContaining('•••')]);
    expect(masked).toMatchObject({ vendor: 'GENESYS_CLOUD', from: '2026-11-30T14:05' });
  });

  it('masks a field declared an identifier whole, even where the detector would not (a partial customer number)', () => {
    const { details: out, openings } = minimiseAuditDetails('access.search', {
      filters: { customer: '+155514', vendor: 'NICE_CXONE' },
      resultCount: 0,
    });
    const masked = out.filters as Record<string, unknown>;
    expect(masked.customer).toBe('•••14');
    expect(openings).toEqual([{ field: 'filters.customer', original: '+155514', salt: expect.any(Buffer) }]);
    expect(masked.customerCommitment).toBe(salted(openings[0]!));
    expect(listMinimisedFields('access.search', out)).toEqual(['filters.customer']);
  });

  it('masks a free-text value that is only a number or part of one, which the detector leaves alone inside prose', () => {
    const filters = { q: '1498897', tag: ['555 149'], from: '2026-11-30', to: '30.11.2026', vendor: 'NICE_CXONE' };
    const { details: out, openings } = minimiseAuditDetails('access.search', { filters, resultCount: 0 });
    const masked = out.filters as Record<string, unknown>;
    expect(masked).toMatchObject({ q: '•••97', tag: ['•••49'], from: '2026-11-30', to: '30.11.2026', vendor: 'NICE_CXONE' });
    expect(openings.map((o) => o.field).sort()).toEqual(['filters.q', 'filters.tag']);
    expect(masked.qCommitment).toBe(salted(opening(openings, 'filters.q')));
  });

  it('leaves unregistered actions and undeclared fields alone', () => {
    const details = { reason: REASON };
    expect(minimiseAuditDetails('test.noise', details).details).toBe(details);
    // quarantine.resolved's "reason" is the case's reason code; its free text is the note.
    const resolved = minimiseAuditDetails('quarantine.resolved', { reason: 'TRUNCATION_DETECTED', note: REASON });
    expect(resolved.details).toMatchObject({ reason: 'TRUNCATION_DETECTED', noteCommitment: salted(resolved.openings[0]!) });
    expect(resolved.openings.map((o) => o.field)).toEqual(['note']);
  });

  it.each(AUDIT_ACTION_NAMES)('%s: the sample still validates once minimised', (name) => {
    const spec = AUDIT_ACTIONS[name] as TAuditActionSpec;
    const sample = spec.sample as Record<string, unknown>;
    const withNumber = Object.fromEntries(
      Object.entries(sample).map(([k, v]) => [k, (spec.freeText ?? []).includes(k) && typeof v === 'string' ? `${v} ${REASON}` : v]),
    );
    const { details: out } = minimiseAuditDetails(name, withNumber);
    expect(auditEntryProblem({ action: name, subjectType: spec.subjectTypes[0], details: out })).toBeNull();
    for (const path of spec.freeText ?? []) if (typeof withNumber[path] === 'string') expect(String(out[path])).not.toMatch(DIGITS);
  });

  it('names the fields a history should say were masked when written, and only those', () => {
    const search = minimiseAuditDetails('access.search', { filters: { q: 'from 555 149 8897', vendor: 'NICE_CXONE' }, resultCount: 0 });
    expect(listMinimisedFields('access.search', search.details)).toEqual(['filters.q']);
    expect(listMinimisedFields('playback.issued', minimiseAuditDetails('playback.issued', { reason: REASON }).details)).toEqual(['reason']);
    expect(listMinimisedFields('playback.issued', { reason: 'complaint review' })).toEqual([]);
    // A digest the action does not declare as free text (a sign-in's e-mail digest) is not a masked field.
    expect(listMinimisedFields('auth.sign_in_failed', { reason: 'bad_password', method: 'credentials', emailFingerprint: 'ab' })).toEqual(
      [],
    );
  });
});
