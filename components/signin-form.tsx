'use client';
// Local sign-in (and SSO when configured). One message for every refusal: the form never says
// whether an email exists, is disabled or is locked out.
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

const REFUSED = 'Sign-in failed. Check your email and password, or try again later.';
const THROTTLED = 'Sign-in failed: too many attempts. Try again later or ask an administrator to unlock your account.';

export function SignInForm({ callbackUrl, oidc, initialError }: { callbackUrl: string; oidc: boolean; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    }).catch(() => null);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.status === 429 ? THROTTLED : REFUSED);
  }

  return (
    <div className="panel signin-panel">
      <form onSubmit={onSubmit} aria-describedby={error ? 'signin-error' : undefined}>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {error ? (
          <p id="signin-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oidc ? (
        <p>
          <button type="button" className="btn" onClick={() => void signIn('oidc', { callbackUrl })}>
            Sign in with single sign-on
          </button>
        </p>
      ) : null}
    </div>
  );
}
