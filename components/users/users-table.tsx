'use client';
// Users with role change, disable/enable, regions and security actions (each change audited server-side;
// a role change or a disable ends the user's sessions).
import { useState } from 'react';
import { titleCase } from '@/components/ui/format';
import { useFormatDateTime } from '@/components/ui/time-zone';
import { Empty, ErrorState, Loading } from '@/components/ui/query-state';
import { useUpdateUser } from '@/hooks/use-update-user';
import { useUsers } from '@/hooks/use-users';
import { UserSecurityActions } from '@/components/users/user-security-actions';
import { ROLES } from '@/lib/auth/permissions';

export function UsersTable({ selfId }: { selfId: string }) {
  const formatDateTime = useFormatDateTime();
  const users = useUsers();
  // One security panel at a time, for the chosen user: the table stays light however many users there are.
  const [selected, setSelected] = useState<string | null>(null);
  const update = useUpdateUser();
  if (users.isPending) return <Loading />;
  if (users.isError) return <ErrorState error={users.error} retry={() => void users.refetch()} />;
  if (users.data.users.length === 0) return <Empty>No users.</Empty>;
  return (
    <section className="panel" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      {update.isError ? <p className="error" role="alert">{update.error.message}</p> : null}
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
            <tr key={u.id} data-testid="user-row" data-email={u.email}>
              <td>
                {u.name}
                <br />
                <span className="muted">{u.email}</span>
                {u.sso ? <span className="tag">SSO</span> : null}
                {u.id === selfId ? <span className="tag">you</span> : null}
              </td>
              <td>
                <label className="sr-only" htmlFor={`role-${u.id}`}>
                  Role of {u.email}
                </label>
                <select id={`role-${u.id}`} value={u.role} disabled={update.isPending || u.id === selfId} onChange={(e) => update.mutate({ id: u.id, role: e.target.value })}>
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
                <button type="button" className={u.disabled ? 'btn' : 'btn btn-danger'} disabled={update.isPending || u.id === selfId} onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}>
                  {u.disabled ? 'Enable' : 'Disable'}
                </button>
              </td>
              <td>
                <button type="button" className="btn" aria-expanded={selected === u.id} onClick={() => setSelected(selected === u.id ? null : u.id)} aria-label={`Security actions for ${u.email}`}>
                  {u.activeSessions} session{u.activeSessions === 1 ? '' : 's'}…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.data.users
        .filter((u) => u.id === selected)
        .map((u) => (
          <UserSecurityActions key={u.id} user={u} self={u.id === selfId} />
        ))}
    </section>
  );
}
