// next-auth v4 configuration: local credentials (always) and OpenID Connect (when configured).
// The session token is a JWT naming a server-side Session row (revocable, idle and absolute timeouts);
// withRole() and pages re-read session and user from the database on every call, so the token's role is
// a hint for navigation only, never an authorization.
import type { NextAuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authorizeCredentials } from '@/lib/auth/authorize-credentials';
import { resolveOidcUser } from '@/lib/auth/resolve-oidc-user';
import { startSession } from '@/lib/auth/start-session';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

type TOidcProfile = { sub: string; email?: string; email_verified?: boolean | string; name?: string; iss?: string };

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
    // The cookie may outlive nothing: the server-side session decides, and ends first.
    session: { strategy: 'jwt', maxAge: env().SESSION_ABSOLUTE_HOURS * 3600 },
    pages: { signIn: '/signin', error: '/signin' },
    providers: oidc ? [credentials, oidc] : [credentials],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const p = profile as TOidcProfile | undefined;
        if (!p?.sub) return false;
        // Only a JSON true counts as verified; some providers send the string "true", which proves nothing here.
        const emailVerified = p.email_verified === true;
        const user = await resolveOidcUser({
          subject: p.sub,
          email: p.email ?? null,
          emailVerified,
          name: p.name ?? null,
          issuer: env().OIDC_ISSUER ?? null,
        });
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
        const session = await startSession(row.id, account.provider === 'oidc' ? 'oidc' : 'credentials');
        return { ...token, sub: row.id, uid: row.id, sid: session.id, email: row.email, name: row.name, role: row.role };
      },
      async session({ session, token }) {
        session.user = {
          id: token.uid ?? '',
          sid: token.sid ?? '',
          email: token.email ?? '',
          role: token.role ?? null,
          name: token.name ?? '',
        };
        return session;
      },
    },
  };
}

export function oidcEnabled(): boolean {
  return oidcProvider() !== null;
}
