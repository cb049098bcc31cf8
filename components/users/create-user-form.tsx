'use client';
import { useState, type FormEvent } from 'react';
import { useCreateUser } from '@/hooks/use-create-user';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import { ROLES } from '@/lib/auth/permissions';
import { titleCase } from '@/components/ui/format';
import { PASSWORD_MIN } from '@/lib/users/user-schemas';

export function CreateUserForm({ servedRegions }: { servedRegions: string[] }) {
  const create = useCreateUser();
  const [formKey, setFormKey] = useState(0);
  const errors = fieldErrors(create.error);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const regions = String(f.get('regions') ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const input = {
      email: String(f.get('email')),
      name: String(f.get('name')),
      role: String(f.get('role')),
      password: String(f.get('password')),
      regions,
    };
    create.mutate(input, { onSuccess: () => setFormKey((k) => k + 1) });
  }
  return (
    <form key={formKey} className="panel" onSubmit={submit} aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Add a user</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="u-email">Email</label>
          <input id="u-email" name="email" type="email" required autoComplete="off" />
          {errors.email ? <span className="field-error">{errors.email}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="u-name">Name</label>
          <input id="u-name" name="name" required />
        </div>
        <div className="field">
          <label htmlFor="u-role">Role</label>
          <select id="u-role" name="role" defaultValue="OFFICER">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {titleCase(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="u-password">Initial password</label>
          <input id="u-password" name="password" type="password" minLength={PASSWORD_MIN} required autoComplete="new-password" />
          <span className="hint">At least {PASSWORD_MIN} characters, not a commonly used password; share it securely.</span>
          {errors.password ? <span className="field-error">{errors.password}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="u-regions">Residency regions</label>
          <input id="u-regions" name="regions" placeholder="all" />
          <span className="hint">Comma-separated, of {servedRegions.join(', ')}; empty = every region.</span>
          {errors.regions ? <span className="field-error">{errors.regions}</span> : null}
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {create.isPending ? 'Adding…' : 'Add user'}
      </button>
      {create.isError && !errors.email && !errors.password ? (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      ) : null}
      {create.isSuccess ? <p role="status">User added.</p> : null}
    </form>
  );
}
