import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import { clientKey, RateLimiter, rateLimited } from '../../src/web/rateLimiter';
import { invocation } from '../support/activities';

const headers = (values: Record<string, string>) => new Headers(values);

describe('clientKey', () => {
  it('is the address the App Service front end puts in client-ip, without the port', () => {
    expect(clientKey(headers({ 'client-ip': '203.0.113.7:50123' }))).toBe('203.0.113.7');
    expect(clientKey(headers({ 'client-ip': '203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('ignores the X-Forwarded-For hops and x-client-ip a client writes itself, so rotating them gains nothing', () => {
    const keys = ['198.51.100.1', '198.51.100.2', '198.51.100.3'].map((forged) =>
      clientKey(headers({ 'x-forwarded-for': `${forged}, 203.0.113.7:50123`, 'x-client-ip': forged, 'x-azure-clientip': forged, 'client-ip': '203.0.113.7:50124' })),
    );
    expect(new Set(keys)).toEqual(new Set(['203.0.113.7']));
  });

  it('falls back to the last X-Forwarded-For hop, the one the front end appended, never the first', () => {
    expect(clientKey(headers({ 'x-forwarded-for': '198.51.100.9, 203.0.113.7:50123' }))).toBe('203.0.113.7');
  });

  it('keys IPv6 clients by their /64 network, however the address is written', () => {
    const one = clientKey(headers({ 'client-ip': '[2001:db8:0:1::5]:443' }));
    expect(one).toBe('2001:0db8:0000:0001::/64');
    expect(clientKey(headers({ 'client-ip': '2001:DB8:0:1:ffff:1:2:3' }))).toBe(one);
    expect(clientKey(headers({ 'client-ip': '2001:db8:0:2::5' }))).not.toBe(one);
    expect(clientKey(headers({ 'client-ip': '::1' }))).toBe('0000:0000:0000:0000::/64');
  });

  it('treats an IPv4 client reached over IPv6 as that IPv4 client', () => {
    expect(clientKey(headers({ 'client-ip': '::ffff:203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('is one shared key when no address is known', () => {
    expect(clientKey(headers({}))).toBe('unknown');
  });
});

describe('RateLimiter', () => {
  it('refills a limited client at its rate and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 1, perMinute: 6, now: () => now });
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    now = 10_000;
    expect(limiter.take('a')).toEqual({ ok: true });
  });

  it('stays within maxClients under a flood of addresses', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1, maxClients: 100 });
    for (let client = 0; client < 10_000; client++) limiter.take(`198.51.${String(client >> 8)}.${String(client & 255)}`);
    expect(limiter.size).toBe(100);
  });

  it('when full, forgets the client seen longest ago, not everyone: a limited client that keeps trying stays limited', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1, maxClients: 3 });
    expect(limiter.take('attacker').ok).toBe(true);
    limiter.take('b');
    expect(limiter.take('attacker').ok).toBe(false);
    limiter.take('c');
    limiter.take('d');
    expect(limiter.size).toBe(3);
    expect(limiter.take('attacker').ok).toBe(false);
    // 'b' was the least recently seen, so it was forgotten and starts again with a full bucket.
    expect(limiter.take('b').ok).toBe(true);
  });
});

describe('rateLimited', () => {
  it('answers 429 with Retry-After before the handler runs, while other clients are still served', async () => {
    let calls = 0;
    const handler = rateLimited(() => {
      calls++;
      return Promise.resolve({ status: 200, body: 'page' });
    }, new RateLimiter({ burst: 2, perMinute: 2 }));
    const from = (ip: string) => new HttpRequest({ method: 'GET', url: 'http://localhost/api/chat', headers: { 'client-ip': `${ip}:40000` } });
    const run = async (request: HttpRequest) => (await handler(request, invocation().context)) as HttpResponseInit;

    expect((await run(from('203.0.113.7'))).status).toBe(200);
    expect((await run(from('203.0.113.7'))).status).toBe(200);
    const limited = await run(from('203.0.113.7'));
    expect(limited.status).toBe(429);
    expect(Number(new Headers(limited.headers as Record<string, string>).get('retry-after'))).toBeGreaterThan(0);
    expect(calls).toBe(2);
    expect((await run(from('198.51.100.2'))).status).toBe(200);
  });
});
