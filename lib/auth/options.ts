// next-auth v4 configuration: local credentials (always) and OpenID Connect (when configured).
// Sessions are JWTs carrying id, email and role; withRole() re-reads the user from the database on
// every API call, so the token's role is a hint for navigation only, never an authorization.
import type { NextAuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authorizeCredentials } from '@/lib/auth/authorize-credentials';
import { resolveOidcUser } from '@/lib/auth/resolve-oidc-user';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

type TOidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string };

function oidcProvider(): OAuthConfig<TOidcProfile> | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: 'oidc',
    name: 'Single sign-on',
    type: 'oauth',
    wellKnown: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: { params: { scope: 'openid email profile' } },
    profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? null }),
  };
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Email and password',
  credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
  async authorize(input) {
    if (!input?.email || !input.password) return null;
    return authorizeCredentials({ email: input.email, password: input.password });
  },
});

export function authOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    providers: oidc ? [credentials, oidc] : [credentials],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const p = profile as TOidcProfile | undefined;
        if (!p?.sub) return false;
        const user = await resolveOidcUser({ subject: p.sub, email: p.email ?? null, emailVerified: p.email_verified ?? null, name: p.name ?? null });
        return user !== null;
      },
      async jwt({ token, user, account }) {
        if (!user || !account) return token;
        // OIDC users arrive with the provider's subject as id: swap it for ours.
        const row =
          account.provider === 'oidc'
            ? await db().user.findUnique({ where: { oidcSubject: account.providerAccountId } })
            : await db().user.findUnique({ where: { id: user.id } });
        if (!row) return token;
        return { ...token, sub: row.id, uid: row.id, email: row.email, name: row.name, role: row.role };
      },
      async session({ session, token }) {
        session.user = { id: token.uid ?? '', email: token.email ?? '', role: token.role ?? null, name: token.name ?? '' };
        return session;
      },
    },
  };
}

export function oidcEnabled(): boolean {
  return oidcProvider() !== null;
}
