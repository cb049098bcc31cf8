// Waiting in tests is polling for a condition, never a sleep standing in for readiness: `check` runs every
// `everyMs` until it returns something other than false, null or undefined, which waitFor resolves with.
// Past the deadline it fails naming what it waited for. An error thrown by `check` fails at once.

export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false && value !== null && value !== undefined) return value as Exclude<T, false | null | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
