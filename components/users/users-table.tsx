'use client';
// Users with role change, disable/enable and a security panel per user. Every change asks for
// confirmation first and is audited server-side; a role change or a disable ends the user's sessions.
import { useState } from 'react';
import { titleCase } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { useConfirm } from '@/components/confirm-dialog';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useUpdateUser } from '@/hooks/use-update-user';
import { useUsers } from '@/hooks/use-users';
import { UserSecurityActions } from '@/components/users/user-security-actions';
import { ROLES } from '@/lib/auth/permissions';
import type { TUserView } from '@/lib/users/user-schemas';
import { TableScroll } from '@/components/ui/table-scroll';

function UserRow({
  u,
  self,
  selected,
  onSelect,
  busy,
  askRole,
  askDisable,
}: {
  u: TUserView;
  self: boolean;
  selected: boolean;
  onSelect: () => void;
  busy: boolean;
  askRole: (role: string) => void;
  askDisable: () => void;
}) {
  const formatDateTime = useFormatDateTime();
  return (
    <tr data-testid="user-row" data-email={u.email}>
      <td className="wrap-anywhere">
        {u.name}
        <br />
        <span className="muted">{u.email}</span>
        {u.sso ? <span className="tag">SSO</span> : null}
        {self ? <span className="tag">you</span> : null}
      </td>
      <td>
        <label className="sr-only" htmlFor={`role-${u.id}`}>
          Role of {u.email}
        </label>
        {/* Controlled by the stored role: nothing changes until the dialog is confirmed. */}
        <select id={`role-${u.id}`} value={u.role} disabled={busy || self} onChange={(e) => askRole(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {titleCase(r)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {u.disabled ? <span className="badge badge-danger">Disabled</span> : <span className="badge badge-ok">Active</span>}
        {u.lockedUntil ? <span className="badge badge-warn">Locked until {formatDateTime(u.lockedUntil)}</span> : null}
        <br />
        <span className="muted">Regions: {u.regions.length > 0 ? u.regions.join(', ') : 'all'}</span>
      </td>
      <td>{formatDateTime(u.lastLoginAt)}</td>
      <td>
        <button
          type="button"
          className={u.disabled ? 'btn' : 'btn btn-danger'}
          disabled={busy || self}
          onClick={askDisable}
          aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}
        >
          {u.disabled ? 'Enable' : 'Disable'}
        </button>
      </td>
      <td>
        <button type="button" className="btn" aria-expanded={selected} onClick={onSelect} aria-label={`Security actions for ${u.email}`}>
          {u.activeSessions} session{u.activeSessions === 1 ? '' : 's'}…
        </button>
      </td>
    </tr>
  );
}

export function UsersTable({ selfId, servedRegions }: { selfId: string; servedRegions: string[] }) {
  const users = useUsers();
  // One security panel at a time, for the chosen user: the table stays light however many users there are.
  const [selected, setSelected] = useState<string | null>(null);
  const update = useUpdateUser();
  const confirm = useConfirm();
  if (users.isPending) return <Loading />;
  if (users.isError) return <ErrorState error={users.error} retry={() => void users.refetch()} />;
  if (users.data.users.length === 0) return <Empty>No users.</Empty>;
  const askRole = async (u: TUserView, role: string) => {
    const body = `${u.email} becomes ${titleCase(role)} (now ${titleCase(u.role)}). Every session of theirs ends; they sign in again with the new role's permissions.`;
    if (await confirm.ask({ title: 'Change role', body, confirmLabel: `Make ${titleCase(role)}` })) update.mutate({ id: u.id, role });
  };
  const askDisable = async (u: TUserView) => {
    const ok = u.disabled
      ? await confirm.ask({ title: 'Enable user', body: `${u.email} can sign in again.`, confirmLabel: 'Enable' })
      : await confirm.ask({
          title: 'Disable user',
          body: `${u.email} can no longer sign in and every session of theirs ends now. Their audit history stays.`,
          confirmLabel: 'Disable',
          destructive: true,
          typedConfirmation: u.email,
        });
    if (ok) update.mutate({ id: u.id, disabled: !u.disabled });
  };
  return (
    <section className="panel" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      {update.isError ? (
        <p className="error" role="alert">
          {update.error.message}
        </p>
      ) : null}
      <TableScroll label="Users">
        <table className="data" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Access</th>
              <th scope="col">Security</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => (
              <UserRow
                key={u.id}
                u={u}
                self={u.id === selfId}
                selected={selected === u.id}
                onSelect={() => setSelected(selected === u.id ? null : u.id)}
                busy={update.isPending}
                askRole={(role) => void askRole(u, role)}
                askDisable={() => void askDisable(u)}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {users.data.users
        .filter((u) => u.id === selected)
        .map((u) => (
          <UserSecurityActions key={u.id} user={u} self={u.id === selfId} servedRegions={servedRegions} />
        ))}
      {confirm.dialog}
    </section>
  );
}
