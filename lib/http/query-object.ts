// URLSearchParams → plain object (repeated keys become arrays), as the API's query validation sees it.
export function queryObjectFromParams(
  params: URLSearchParams | { entries(): IterableIterator<[string, string]> },
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params.entries()) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
