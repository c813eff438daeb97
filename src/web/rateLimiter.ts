import { isIPv4, isIPv6 } from 'node:net';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';

export interface RateLimit {
  /** Requests a client may make at once. */
  burst: number;
  /** Requests a client regains per minute, up to `burst`. */
  perMinute: number;
}

/**
 * The pages' limit per client, shared by the chat and lecture pages. Generous, because a lecture
 * hall of students can share one campus address: it stops a flood, never a class.
 */
export const PAGE_RATE: RateLimit = { burst: 120, perMinute: 240 };

/**
 * The token endpoint's limit per client: a lecture hall behind one campus address opening the
 * page together, since Azure sees them all as one client, yet far too little to farm tokens.
 */
export const TOKEN_RATE: RateLimit = { burst: 20, perMinute: 60 };

/**
 * A token bucket per client: `burst` requests at once, refilled at `perMinute`.
 *
 * The buckets live in this instance's memory only. Each instance limits on its own and forgets
 * its buckets when it is recycled; that is enough to bound what one client can cost one instance,
 * without shared state (and a storage call) on every request.
 */
export class RateLimiter {
  /** In least-recently-used order, oldest first: a `Map` iterates in insertion order. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly maxClients: number;

  constructor(private readonly options: RateLimit & { maxClients?: number; now?: () => number }) {
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Takes one token for the client; returns the seconds to wait if there is none. */
  take(client: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = (this.options.now ?? Date.now)();
    const ratePerMs = this.options.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, at: now };
    const tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    const allowed = tokens >= 1;
    // Re-inserting moves the client to the newest end, so the oldest end is the least recently seen.
    this.buckets.delete(client);
    this.buckets.set(client, { tokens: allowed ? tokens - 1 : tokens, at: now });
    // Memory stays bounded under a flood of addresses by forgetting the clients seen longest ago.
    // Forgetting a client only ever gives it a full bucket again, so eviction never blocks anyone.
    for (const oldest of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients) break;
      this.buckets.delete(oldest);
    }
    if (allowed) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.ceil((1 - tokens) / ratePerMs / 1000) };
  }

  /** How many clients this limiter currently remembers. */
  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The client's address, from a header the browser cannot choose. In Azure, the App Service front
 * end (which Functions, Flex Consumption included, sits behind) sets `client-ip` to the address
 * that connected to it, as `address:port`, overwriting any value the client sent; it also appends
 * that address as the last `X-Forwarded-For` hop. The first hops, and `x-client-ip` or
 * `x-azure-clientip` from a client, are whatever the client wrote, so they are never used.
 * Outside Azure no front end sets or overwrites them: the local server sets `client-ip` from the
 * socket as the front end does; under `func start`, clients share one key or choose their own.
 *
 * IPv6 clients are keyed by their /64 network, which one subscriber usually holds whole: keyed by
 * full address, they could take a fresh bucket per request.
 */
export function clientKey(headers: Headers): string {
  const platform = headers.get('client-ip')?.trim();
  const lastHop = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  const address = [platform, lastHop].find((value) => value !== undefined && value !== '');
  return address === undefined ? 'unknown' : networkOf(withoutPort(address));
}

/** `203.0.113.7:50123` → `203.0.113.7`; `[2001:db8::1]:443` → `2001:db8::1`; bare addresses as they are. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1] !== undefined) return bracketed[1];
  const v4 = /^([\d.]+):\d+$/.exec(address);
  return v4?.[1] !== undefined && isIPv4(v4[1]) ? v4[1] : address;
}

/** An IPv6 address's /64 network, written out in full so that every spelling of it is one key. */
function networkOf(address: string): string {
  if (!isIPv6(address)) return address;
  // An IPv4 client reached over IPv6 (`::ffff:203.0.113.7`) is that IPv4 client.
  const mapped = /^::ffff:([\d.]+)$/i.exec(address)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  const [head = '', tail] = address.split('::');
  const groups = (part: string | undefined) => (part === undefined || part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full.slice(0, 4).map((group) => group.padStart(4, '0').toLowerCase()).join(':')}::/64`;
}

/**
 * Wraps a handler so that each client may call it at the limiter's rate, and otherwise gets a 429
 * with `Retry-After` before the handler runs.
 */
export function rateLimited(handler: HttpHandler, limiter: RateLimiter): HttpHandler {
  return (request, context) => {
    const allowed = limiter.take(clientKey(request.headers));
    if (allowed.ok) return handler(request, context);
    const response: HttpResponseInit = {
      status: 429,
      headers: {
        'retry-after': String(allowed.retryAfterSeconds),
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
      body: `Too many requests from your network. Please wait ${String(allowed.retryAfterSeconds)} seconds and reload the page.`,
    };
    return Promise.resolve(response);
  };
}
