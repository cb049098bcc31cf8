'use client';
// Per-user security actions for admins: unlock after failed sign-ins, end every session, set a new
// password (policy-checked server-side). Destructive ones ask for confirmation first.
import { useState, type FormEvent } from 'react';
import { useUserSecurityAction, type TUserSecurityAction } from '@/hooks/use-user-security-action';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import type { TUserView } from '@/lib/users/user-schemas';

export function UserSecurityActions({ user, self }: { user: TUserView; self: boolean }) {
  const action = useUserSecurityAction(user.id);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const run = (a: TUserSecurityAction, question: string) => {
    if (window.confirm(question)) action.mutate(a, { onSuccess: () => { setResetting(false); setPassword(''); } });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run({ kind: 'reset_password', password }, `Set a new password for ${user.email}? Their sessions end.`);
  };
  const errors = fieldErrors(action.error);
  return (
    <div className="panel user-security" role="group" aria-label={`Security actions for ${user.email}`}>
      <h3>{user.email}</h3>
      <p className="muted">{user.activeSessions} active session{user.activeSessions === 1 ? '' : 's'}</p>
      <button type="button" className="btn" disabled={action.isPending} onClick={() => run({ kind: 'unlock' }, `Unlock ${user.email} from every address?`)} aria-label={`Unlock ${user.email}`}>
        Unlock
      </button>
      <button type="button" className="btn" disabled={action.isPending || self} onClick={() => run({ kind: 'sign_out_everywhere' }, `End every session of ${user.email}?`)} aria-label={`Sign out ${user.email} everywhere`}>
        Sign out everywhere
      </button>
      {user.sso ? null : (
        <button type="button" className="btn" disabled={action.isPending} onClick={() => setResetting(!resetting)} aria-expanded={resetting} aria-label={`Set a new password for ${user.email}`}>
          New password
        </button>
      )}
      {resetting ? (
        <form onSubmit={submit} aria-label={`New password for ${user.email}`}>
          <label htmlFor={`pw-${user.id}`}>New password (12+ characters, not a common one)</label>
          <input id={`pw-${user.id}`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={12} maxLength={200} />
          {errors.password ? <span className="field-error">{errors.password}</span> : null}
          <button type="submit" className="btn btn-danger" disabled={action.isPending}>Set password</button>
        </form>
      ) : null}
      {action.isError && !errors.password ? <p className="error" role="alert">{action.error.message}</p> : null}
      {action.isSuccess ? <p role="status">Done.</p> : null}
    </div>
  );
}
