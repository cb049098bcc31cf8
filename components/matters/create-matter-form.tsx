'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMatterAction } from '@/hooks/use-matter-action';
import { fieldErrors } from '@/lib/api-client/api-fetch';

/** Opens a matter (reference + name), then shows it. */
export function CreateMatterForm() {
  const router = useRouter();
  const create = useMatterAction<{ id: string }>('/api/matters');
  const [reference, setReference] = useState('');
  const [name, setName] = useState('');
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ reference: reference.trim(), name: name.trim() }, { onSuccess: (m) => router.push(`/matters/${m.id}`) });
  };
  return (
    <form onSubmit={submit} aria-label="Open a matter">
      <div className="field">
        <label htmlFor="matter-reference">Reference</label>
        <input id="matter-reference" value={reference} onChange={(e) => setReference(e.target.value)} required maxLength={200} />
        {errors.reference ? <span className="field-error">{errors.reference}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="matter-name">Name</label>
        <input id="matter-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        {errors.name ? <span className="field-error">{errors.name}</span> : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {create.isPending ? 'Opening…' : 'Open matter'}
      </button>
      {create.isError && Object.keys(errors).length === 0 ? (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
