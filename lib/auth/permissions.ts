// The console's permission matrix: the ONE place that says which role may do what.
// withRole (API), proxy.ts (page routing), server pages and the navigation all read it,
// so hiding a button and refusing the request can never disagree.
import { ROLES, type TRole } from '@/lib/auth/types';

export { ROLES };

export const PERMISSIONS = {
  /** Archive search and recording detail (metadata, raw payloads, storage facts). */
  'recordings.view': ['OFFICER', 'AUDITOR', 'ADMIN'],
  /** Customer numbers/names in clear; everyone else gets them masked server-side. */
  'identifiers.unmasked': ['OFFICER', 'ADMIN'],
  /** Play any archived recording (auditors sample recordings; each playback is audited with a reason). */
  'recordings.play': ['OFFICER', 'AUDITOR', 'ADMIN'],
  /** Play only recordings that have a quarantine case (the reviewer's "listen" before deciding). */
  'quarantine.play': ['REVIEWER', 'ADMIN'],
  'legal_hold.manage': ['OFFICER', 'ADMIN'],
  /** Matters (eDiscovery cases): their recordings and history. Managing them is legal_hold.manage. */
  'matters.view': ['OFFICER', 'AUDITOR', 'ADMIN'],
  /** Build and download evidence packages (identifiers masked in them for roles that see them masked). */
  'evidence.export': ['OFFICER', 'AUDITOR', 'ADMIN'],
  'quarantine.view': ['REVIEWER', 'ADMIN'],
  'quarantine.decide': ['REVIEWER', 'ADMIN'],
  /** A recording's audit history. */
  'audit.view': ['OFFICER', 'AUDITOR', 'ADMIN'],
  'audit.export': ['AUDITOR', 'ADMIN'],
  /** Daily reconciliation reports (vendor listing against the archive) and their findings. */
  'reconciliation.view': ['AUDITOR', 'ADMIN'],
  'operations.view': ['ADMIN'],
  /** Prometheus metrics at /api/metrics (a scraper may instead present METRICS_TOKEN). */
  'metrics.read': ['ADMIN'],
  'dead_letters.replay': ['ADMIN'],
  'users.manage': ['ADMIN'],
  /** Who looked at what: a user's searches, views, playbacks, exports and denials. */
  'users.access_report': ['AUDITOR', 'ADMIN'],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

/** Roles holding any of the permissions: what withRole() takes. */
export function rolesFor(...permissions: TPermission[]): TRole[] {
  return ROLES.filter((role) => permissions.some((p) => can(role, p)));
}

export type TPageRule = { path: string; label: string; permission: TPermission; nav: boolean };

/** Console pages in navigation order; a page is reachable when the role holds its permission. */
export const PAGES: readonly TPageRule[] = [
  { path: '/recordings', label: 'Archive', permission: 'recordings.view', nav: true },
  { path: '/matters', label: 'Matters', permission: 'matters.view', nav: true },
  { path: '/quarantine', label: 'Quarantine', permission: 'quarantine.view', nav: true },
  { path: '/audit', label: 'Audit export', permission: 'audit.export', nav: true },
  { path: '/audit/keys', label: 'Audit keys', permission: 'audit.view', nav: false },
  { path: '/reconciliation', label: 'Reconciliation', permission: 'reconciliation.view', nav: true },
  { path: '/operations', label: 'Operations', permission: 'operations.view', nav: true },
  { path: '/admin/users', label: 'Users', permission: 'users.manage', nav: true },
];

/** The rule guarding a page path (longest matching prefix), or null for pages every signed-in user may see. */
export function pageRule(pathname: string): TPageRule | null {
  const matches = PAGES.filter((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));
  return matches.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}

export function canVisit(role: TRole | null | undefined, pathname: string): boolean {
  const rule = pageRule(pathname);
  return rule === null ? Boolean(role) : can(role, rule.permission);
}

/** Where a role lands after sign-in: its first page. */
export function homePath(role: TRole): string {
  return PAGES.find((p) => can(role, p.permission))?.path ?? '/';
}
