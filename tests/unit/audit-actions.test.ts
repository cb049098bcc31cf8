// The audit action registry: every registered action's sample validates and renders as one readable line,
// every action name written anywhere in the application is registered, and only the chain's own tests and
// benchmarks bypass the registry.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/lib/auth/permissions';
import {
  AUDIT_ACTION_NAMES,
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  auditEntryProblem,
  describeAuditEntry,
  type TAuditActionSpec,
} from '@/lib/audit/actions';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const APP_FILES = ['lib', 'app', 'workers', 'components', 'hooks'].flatMap(sourceFiles);
// Modules whose calls write audit entries, and how a file that uses them is recognised.
const WRITER_IMPORT =
  /from '@\/lib\/(audit\/append-audit-entry|archive\/audit-archive-event|auth\/record-access|queue\/replay-dead-letter)'/;
// Literals in writer files that look like action names but are not (event types, permissions).
const NOT_ACTIONS = new Set(['dead_letter.replay', 'quarantine.refetch', 'reconcile.missing', ...Object.keys(PERMISSIONS)]);

describe('audit action registry', () => {
  it.each(AUDIT_ACTION_NAMES)('%s: sample details validate and describe as one line', (name) => {
    const spec = AUDIT_ACTIONS[name] as TAuditActionSpec;
    const subjectType = spec.subjectTypes[0];
    expect(auditEntryProblem({ action: name, subjectType, details: spec.sample })).toBeNull();
    const line = describeAuditEntry({ action: name, subjectType, subjectId: 'subject-1', details: spec.sample });
    expect(line.length).toBeGreaterThan(5);
    expect(line).not.toMatch(/\n|undefined|\[object|NaN/);
    // The registry's line, not the fallback that only repeats the action name.
    expect(line).not.toContain('(' + subjectType.replaceAll('_', ' ') + ' subject-1)');
    for (const s of spec.subjectTypes) expect(AUDIT_SUBJECT_TYPES).toContain(s);
  });

  it('refuses an unknown action, a wrong subject type and details that miss a named field', () => {
    expect(auditEntryProblem({ action: 'recording.teleported', subjectType: 'recording', details: {} })).toMatch(
      /unregistered audit action "recording.teleported": add it to AUDIT_ACTIONS/,
    );
    expect(auditEntryProblem({ action: 'playback.issued', subjectType: 'user', details: AUDIT_ACTIONS['playback.issued'].sample })).toMatch(
      /not written about subject type "user"/,
    );
    expect(auditEntryProblem({ action: 'playback.issued', subjectType: 'recording', details: { recordingId: 'r1' } })).toMatch(
      /invalid details/,
    );
  });

  it('renders entries whose details no longer parse with their action and subject', () => {
    expect(
      describeAuditEntry({
        action: 'archive.stored',
        subjectType: 'recording',
        subjectId: 'GENESYS_CLOUD:r1',
        details: { versionId: 'v1' },
      }),
    ).toBe('archive stored (recording GENESYS_CLOUD:r1)');
    expect(describeAuditEntry({ action: 'legacy.thing', subjectType: 'system', subjectId: 'x', details: {} })).toBe(
      'legacy thing (system x)',
    );
  });

  it('registers every action name the application writes', () => {
    const unregistered: string[] = [];
    let writers = 0;
    for (const file of APP_FILES) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (!WRITER_IMPORT.test(text) && !file.endsWith('lib/archive/audit-archive-event.ts')) continue;
      writers += 1;
      for (const [, literal] of text.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) {
        if (literal && !NOT_ACTIONS.has(literal) && !(literal in AUDIT_ACTIONS)) unregistered.push(`${file}: ${literal}`);
      }
    }
    expect(writers).toBeGreaterThan(20);
    expect(unregistered).toEqual([]);
  });

  it('keeps the unchecked journal writer out of application code', () => {
    const bypass = APP_FILES.filter(
      (f) => f !== join('lib', 'audit', 'append-audit-entry.ts') && /\bjournalAuditEntr(y|ies)\b/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(bypass.map((f) => relative('.', f))).toEqual([]);
  });
});
