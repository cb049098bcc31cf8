// Refuses, with a 422 naming the field, a delivery holding a value Postgres cannot store (jsonb and text
// reject the NUL character and unpaired UTF-16 surrogates). Checked before anything is queued or written, so
// such a delivery is a clear refusal the vendor sees, not a 503 loop with its job already in the queue.
import { AppError } from '@/lib/http/app-error';

// A lone high surrogate, or a low surrogate without its high half.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problem(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000' ? 'contains a NUL character (\\u0000)' : 'contains an unpaired UTF-16 surrogate';
}

function find(value: unknown, path: string, depth: number): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const p = problem(value);
    return p ? { path: path || '$', message: p } : null;
  }
  if (typeof value !== 'object' || value === null || depth > 100) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [k, v] of entries) {
    const childPath = path ? `${path}.${k}` : k;
    const keyProblem = Array.isArray(value) ? null : problem(k);
    if (keyProblem) return { path: childPath, message: `key ${keyProblem}` };
    const found = find(v, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}

export function assertStorable(body: unknown): void {
  const found = find(body, '', 0);
  if (found) throw new AppError('unprocessable', `Value cannot be stored: ${found.path} ${found.message}`, [found]);
}
