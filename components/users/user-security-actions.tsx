'use client';
// Per-user security actions for admins: unlock after failed sign-ins, end every session, set a new
// password (policy-checked server-side), residency regions. Each asks for confirmation first.
import { useState, type FormEvent } from 'react';
import { useConfirm } from '@/components/confirm-dialog';
import { UserRegionsForm } from '@/components/users/user-regions-form';
import { useUserSecurityAction, type TUserSecurityAction } from '@/hooks/use-user-security-action';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import type { TUserView } from '@/lib/users/user-schemas';

export function UserSecurityActions({ user, self, servedRegions }: { user: TUserView; self: boolean; servedRegions: string[] }) {
  const action = useUserSecurityAction(user.id);
  const confirm = useConfirm();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const run = async (a: TUserSecurityAction, question: Parameters<typeof confirm.ask>[0]) => {
    if (await confirm.ask(question))
      action.mutate(a, {
        onSuccess: () => {
          setResetting(false);
          setPassword('');
        },
      });
  };
  const sessions = `${user.activeSessions} active session${user.activeSessions === 1 ? '' : 's'}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      { kind: 'reset_password', password },
      {
        title: 'Set a new password',
        body: `${user.email} signs in with the new password from now on; the old one stops working and every session of theirs ends.`,
        count: user.activeSessions,
        itemLabel: ['session', 'sessions'],
        confirmLabel: 'Set password',
        destructive: true,
      },
    );
  };
  const errors = fieldErrors(action.error);
  return (
    <div className="panel user-security" role="group" aria-label={`Security actions for ${user.email}`}>
      <h3 className="wrap-anywhere">{user.email}</h3>
      <p className="muted">{sessions}</p>
      <div className="btn-row">
        <button
          type="button"
          className="btn"
          disabled={action.isPending}
          onClick={() =>
            void run(
              { kind: 'unlock' },
              {
                title: 'Unlock account',
                body: `${user.email} may try to sign in again from every address; the failed-attempt counters are cleared.`,
                confirmLabel: 'Unlock',
              },
            )
          }
          aria-label={`Unlock ${user.email}`}
        >
          Unlock
        </button>
        <button
          type="button"
          className="btn"
          disabled={action.isPending || self}
          onClick={() =>
            void run(
              { kind: 'sign_out_everywhere' },
              {
                title: 'Sign out everywhere',
                body: `Every session of ${user.email} ends now, on every device.`,
                count: user.activeSessions,
                itemLabel: ['session', 'sessions'],
                confirmLabel: 'Sign out everywhere',
                destructive: true,
              },
            )
          }
          aria-label={`Sign out ${user.email} everywhere`}
        >
          Sign out everywhere
        </button>
        {user.sso ? null : (
          <button
            type="button"
            className="btn"
            disabled={action.isPending}
            onClick={() => setResetting(!resetting)}
            aria-expanded={resetting}
            aria-label={`Set a new password for ${user.email}`}
          >
            New password
          </button>
        )}
      </div>
      {resetting ? (
        <form onSubmit={submit} aria-label={`New password for ${user.email}`}>
          <div className="field">
            <label htmlFor={`pw-${user.id}`}>New password (12+ characters, not a common one)</label>
            <input
              id={`pw-${user.id}`}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={12}
              maxLength={200}
            />
            {errors.password ? <span className="field-error">{errors.password}</span> : null}
          </div>
          <button type="submit" className="btn btn-danger" disabled={action.isPending}>
            Set password
          </button>
        </form>
      ) : null}
      {action.isError && !errors.password ? (
        <p className="error" role="alert">
          {action.error.message}
        </p>
      ) : null}
      {action.isSuccess ? <p role="status">Done.</p> : null}
      {/* Keyed by the saved regions: after a save the boxes show what is stored (the row shows it too). */}
      {self ? null : <UserRegionsForm key={user.regions.join(',')} user={user} servedRegions={servedRegions} />}
      {confirm.dialog}
    </div>
  );
}
