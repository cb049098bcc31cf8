import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/signin-form';
import { loadSessionUser } from '@/lib/auth/load-session-user';
import { oidcEnabled } from '@/lib/auth/options';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';

export const metadata: Metadata = { title: 'Sign in — CallVault' };
export const dynamic = 'force-dynamic';

type TProps = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: TProps) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await loadSessionUser()) redirect(target);
  return (
    <main id="main" className="signin">
      <h1>CallVault</h1>
      <p className="muted">Compliance archive for contact-center recordings</p>
      <SignInForm
        callbackUrl={target}
        oidc={oidcEnabled()}
        initialError={error ? 'Sign-in failed. Check your email and password, or try again later.' : null}
      />
    </main>
  );
}
