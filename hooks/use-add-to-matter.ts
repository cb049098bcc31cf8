'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mattersKey } from '@/hooks/use-matters';
import { apiFetch } from '@/lib/api-client/api-fetch';

type TMatterRef = { id: string; reference: string; name: string };
/** An existing matter, or a new one to open first. */
export type TMatterTarget = { existing: TMatterRef } | { create: { reference: string; name: string } };
export type TAddToMatterOutcome = { matter: TMatterRef; added: number; alreadyInMatter: number };

/** The most ids the matter API takes in one request; a larger selection goes in several. */
const CHUNK = 1000;

async function addInChunks(matterId: string, recordingIds: string[]) {
  let added = 0;
  let alreadyInMatter = 0;
  for (let i = 0; i < recordingIds.length; i += CHUNK) {
    const r = await apiFetch<{ added: number; alreadyInMatter: number }>(`/api/matters/${matterId}/recordings`, {
      method: 'POST',
      json: { recordingIds: recordingIds.slice(i, i + CHUNK) },
    });
    added += r.added;
    alreadyInMatter += r.alreadyInMatter;
  }
  return { added, alreadyInMatter };
}

/**
 * Adds selected recordings to a matter (opening it first when it is new) through the matter API, which checks
 * the role, each recording's region and audits the addition; every matter query refreshes afterwards.
 */
export function useAddToMatter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ target, recordingIds }: { target: TMatterTarget; recordingIds: string[] }): Promise<TAddToMatterOutcome> => {
      const matter =
        'existing' in target ? target.existing : await apiFetch<TMatterRef>('/api/matters', { method: 'POST', json: target.create });
      return { matter: { id: matter.id, reference: matter.reference, name: matter.name }, ...(await addInChunks(matter.id, recordingIds)) };
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: mattersKey }), client.invalidateQueries({ queryKey: ['matter'] })]),
  });
}
