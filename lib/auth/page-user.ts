// Server pages' guard: the signed-in user (re-read from the database) or a redirect to sign-in.
// Cached per request so the layout and the page share one lookup.
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionUser, type TSessionUser } from '@/lib/auth/load-session-user';

export const pageUser = cache(async (): Promise<TSessionUser> => {
  const user = await loadSessionUser();
  if (!user) redirect('/signin');
  return user;
});
