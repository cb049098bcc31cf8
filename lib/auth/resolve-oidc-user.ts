// Maps an OpenID Connect identity to a CallVault user: by subject first, then by email — but linking an
// existing account by email only when the provider vouches for the address (email_verified === true) or
// the issuer is listed in OIDC_TRUSTED_EMAIL_ISSUERS; every link is audited. Unknown people get
// OIDC_DEFAULT_ROLE, or are refused when it is unset (an admin creates them).
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { normalizeEmail, type TSignInUser } from '@/lib/auth/authorize-credentials';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { clientInfo } from '@/lib/telemetry/request-context';

export type TOidcIdentity = { subject: string; email: string | null; emailVerified: boolean; name: string | null; issuer?: string | null };

function emailTrusted(identity: TOidcIdentity): boolean {
  if (identity.emailVerified === true) return true;
  const trusted = env().OIDC_TRUSTED_EMAIL_ISSUERS ?? [];
  return identity.issuer != null && trusted.includes(identity.issuer);
}

async function refuse(reason: string, subjectId: string, details: Record<string, unknown> = {}): Promise<null> {
  await appendAuditEntry({
    actorType: 'user',
    actorId: subjectId === 'unknown' ? 'anonymous' : subjectId,
    action: 'auth.sign_in_failed',
    subjectType: 'user',
    subjectId,
    details: { reason, method: 'oidc', ...details, ...clientInfo() },
  });
  return null;
}

async function findOrCreate(identity: TOidcIdentity) {
  const bySubject = await db().user.findUnique({ where: { oidcSubject: identity.subject } });
  if (bySubject) return { user: bySubject, created: false };
  // Matching by email is only safe when the identity provider vouches for the address.
  if (!identity.email || !emailTrusted(identity)) return null;
  const email = normalizeEmail(identity.email);
  const byEmail = await db().user.findUnique({ where: { email } });
  if (byEmail) {
    if (byEmail.oidcSubject && byEmail.oidcSubject !== identity.subject) return null;
    const linked = await db().$transaction(async (tx) => {
      const row = await tx.user.update({ where: { id: byEmail.id }, data: { oidcSubject: identity.subject } });
      const details = {
        email,
        subject: identity.subject,
        issuer: identity.issuer ?? null,
        emailVerified: identity.emailVerified,
        ...clientInfo(),
      };
      await appendAuditEntry(
        { actorType: 'system', actorId: 'oidc', action: 'auth.oidc_linked', subjectType: 'user', subjectId: row.id, details },
        tx,
      );
      return row;
    });
    return { user: linked, created: false };
  }
  const role = env().OIDC_DEFAULT_ROLE;
  if (!role) return null;
  const user = await db().$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email, name: identity.name ?? email, role, oidcSubject: identity.subject } });
    await appendAuditEntry(
      {
        actorType: 'system',
        actorId: 'oidc',
        action: 'user.created',
        subjectType: 'user',
        subjectId: created.id,
        details: { email, role, via: 'oidc' },
      },
      tx,
    );
    return created;
  });
  return { user, created: true };
}

export async function resolveOidcUser(identity: TOidcIdentity): Promise<TSignInUser | null> {
  const found = await findOrCreate(identity);
  if (!found) return refuse('not_provisioned', 'unknown');
  const { user } = found;
  if (user.disabled) return refuse('disabled', user.id);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await appendAuditEntry(
      {
        actorType: 'user',
        actorId: user.id,
        action: 'auth.sign_in',
        subjectType: 'user',
        subjectId: user.id,
        details: { method: 'oidc', ...clientInfo() },
      },
      tx,
    );
  });
  return { id: user.id, email: user.email, role: user.role, name: user.name };
}
