// Holds one vendor account's OAuth access token: fetched on first use, refreshed shortly before it expires
// and whenever the API answers 401. Concurrent callers share one in-flight fetch.
export type TIssuedToken = { accessToken: string; expiresInSeconds: number };

export class AccessToken {
  private current: { value: string; refreshAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<TIssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return this.current.value;
    this.inflight ??= this.refresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** The API rejected `value` (401): forget it unless a newer token already replaced it. */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = null;
  }

  private async refresh(): Promise<string> {
    const issued = await this.fetchToken();
    const ttlMs = Math.max(0, issued.expiresInSeconds) * 1000;
    // Renew before expiry: a minute early for hour-long tokens, proportionally earlier for short ones.
    const margin = Math.min(60_000, ttlMs * 0.2);
    this.current = { value: issued.accessToken, refreshAt: this.now() + ttlMs - margin };
    return issued.accessToken;
  }
}
