/**
 * A token bucket per client: `burst` requests at once, refilled at `perMinute`. In memory, so
 * each instance limits on its own; that bounds abuse of one instance without shared state.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: { burst: number; perMinute: number; maxClients?: number; now?: () => number },
  ) {}

  /** Takes one token for the client; returns the seconds to wait if there is none. */
  take(client: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = (this.options.now ?? Date.now)();
    const ratePerMs = this.options.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, at: now };
    const tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    // Forget everyone at once rather than grow without bound under a flood of addresses.
    if (this.buckets.size >= (this.options.maxClients ?? 10_000)) this.buckets.clear();
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.ceil((1 - tokens) / ratePerMs / 1000) };
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    return { ok: true };
  }
}

/** The client's address as Azure's front ends pass it on; the first hop is the browser. */
export function clientKey(headers: Headers): string {
  const candidates = [headers.get('x-forwarded-for')?.split(',')[0], headers.get('client-ip'), headers.get('x-client-ip')];
  return candidates.map((value) => value?.trim()).find((value) => value !== undefined && value !== '') ?? 'unknown';
}
