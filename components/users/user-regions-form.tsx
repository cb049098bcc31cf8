'use client';
// The residency regions a user may see (none ticked = every region), changed after confirmation and
// audited server-side as user.regions_changed.
import { useState, type FormEvent } from 'react';
import { useConfirm } from '@/components/confirm-dialog';
import { useUpdateUser } from '@/hooks/use-update-user';
import { fieldErrors } from '@/lib/api-client/api-fetch';
import type { TUserView } from '@/lib/users/user-schemas';

const describe = (regions: string[]) => (regions.length > 0 ? regions.join(', ') : 'every region');

export function UserRegionsForm({ user, servedRegions }: { user: TUserView; servedRegions: string[] }) {
  const update = useUpdateUser();
  const confirm = useConfirm();
  const [regions, setRegions] = useState<string[]>(user.regions);
  const toggle = (region: string, on: boolean) => setRegions((rs) => servedRegions.filter((r) => (r === region ? on : rs.includes(r))));
  const unchanged = regions.join(',') === user.regions.join(',');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = `${user.email} will see recordings of ${describe(regions)} only (now ${describe(user.regions)}).`;
    if (await confirm.ask({ title: 'Change residency regions', body, confirmLabel: 'Save regions' }))
      update.mutate({ id: user.id, regions });
  };
  const errors = fieldErrors(update.error);
  return (
    <>
      <form onSubmit={(e) => void submit(e)} aria-label={`Residency regions of ${user.email}`}>
        <fieldset>
          <legend>Residency regions (none ticked = every region)</legend>
          <div className="btn-row">
            {servedRegions.map((r) => (
              <label key={r}>
                <input type="checkbox" checked={regions.includes(r)} onChange={(e) => toggle(r, e.target.checked)} /> {r}
              </label>
            ))}
          </div>
        </fieldset>
        {errors.regions ? <span className="field-error">{errors.regions}</span> : null}
        <button type="submit" className="btn" disabled={update.isPending || unchanged}>
          Save regions
        </button>
        {update.isError && !errors.regions ? (
          <p className="error" role="alert">
            {update.error.message}
          </p>
        ) : null}
      </form>
      {confirm.dialog}
    </>
  );
}
