'use client';
// React Query for the console: modest retries, never retry what the server refused on purpose, and a
// session that ended (expired, user disabled) sends the browser to the sign-in page.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/api-client/api-fetch';

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function onSessionEnded(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    // A full navigation on purpose: it drops every cached query of the ended session.
    const signin = new URL('/signin', window.location.origin);
    signin.searchParams.set('callbackUrl', window.location.pathname + window.location.search);
    window.location.assign(signin.toString());
  }
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: onSessionEnded }),
        mutationCache: new MutationCache({ onError: onSessionEnded }),
        defaultOptions: { queries: { retry: shouldRetry, staleTime: 10_000, refetchOnWindowFocus: false }, mutations: { retry: false } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
