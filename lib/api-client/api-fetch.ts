// The browser's one way to call the console API: JSON in/out, and errors as ApiError carrying the
// API's { error: { code, message, details } } so the UI can react to a code, not a status text.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type TErrorBody = { error?: { code?: string; message?: string; details?: unknown } };

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: 'same-origin',
  });
  const body = (await response.json().catch(() => null)) as (T & TErrorBody) | null;
  if (!response.ok) {
    const e = body?.error;
    throw new ApiError(e?.code ?? 'http_error', e?.message ?? `Request failed (${response.status})`, response.status, e?.details);
  }
  return body as T;
}

/** A validation error's field messages, for showing next to the form (API details are [{ path, message }]). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  return Object.fromEntries((error.details as { path?: string; message?: string }[]).map((d) => [d.path ?? '', d.message ?? '']));
}
