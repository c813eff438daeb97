import { createServer, type Server } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HttpHandler, HttpRequest, type HttpResponseInit } from '@azure/functions';
import { chatRoute, lectureRoute } from '../../src/hosting/routes';
import { createChatPageHandler } from '../../src/web/chatPage';
import { createDirectLineTokenHandler, directLineTokenSource } from '../../src/web/directLineToken';
import { PAGE_RATE, RateLimiter } from '../../src/web/rateLimiter';
import { createWebChatAssetHandler, webChatBundle } from '../../src/web/webChatAsset';
import { Answerer } from '../../src/answering/Answerer';
import { createLecturePageHandler, renderLecturePage } from '../../src/web/lecturePage';
import { invocation } from '../support/activities';
import { realKnowledgeBase, realMatcher } from '../support/knowledge';
import { capturingLogger } from '../support/logger';
import { close, listen } from '../support/servers';
import { besidesInstanceNotices, capturedConsole } from '../support/console';

const bundle = webChatBundle();

/** Our handlers answer with an `HttpResponseInit`, never the SDK's `HttpResponse` class. */
async function run(handler: HttpHandler, request: HttpRequest): Promise<HttpResponseInit> {
  return (await handler(request, invocation().context));
}
const get = (url: string, headers: Record<string, string> = {}, params: Record<string, string> = {}) =>
  new HttpRequest({ method: 'GET', url, headers, params });
const post = (url: string, headers: Record<string, string> = {}) => new HttpRequest({ method: 'POST', url, headers });

function headerOf(response: { headers?: unknown }, name: string): string {
  return new Headers(response.headers as Record<string, string> | undefined).get(name) ?? '';
}

// The instance behind these routes logs through the console: it may say what it says at start, and nothing else.
const consoleLines = capturedConsole();
afterAll(() => {
  expect(besidesInstanceNotices(consoleLines)).toEqual([]);
});

describe('the chat page', () => {
  const page = createChatPageHandler({ bundle, connectOrigins: ['https://directline.botframework.com'], lectureTitle: 'Lecture 5: Cloud computing' });

  it('is an English page with a title and favicon that loads Web Chat from this app, never a CDN', async () => {
    const response = await run(page, get('http://localhost/api/chat'));
    const html = response.body as string;
    expect(response.status).toBe(200);
    expect(headerOf(response, 'content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>CloudBot · Lecture 5: Cloud computing<\/title>/);
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
    expect(html).toContain(`src="/api/webchat/${bundle.version}/webchat.js"`);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)[^"' ]*\.(js|css)/);
    expect(html).toContain('webchat/join');
    expect(html).toContain('Ask about IaaS, PaaS, SaaS…');
    expect(html).toContain("botAvatarInitials\":\"CB\"");
  });

  it('sends a strict Content-Security-Policy whose nonce is fresh for every response and used by every script', async () => {
    const first = await run(page, get('http://localhost/api/chat'));
    const second = await run(page, get('http://localhost/api/chat'));
    const csp = headerOf(first, 'content-security-policy');
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toMatch(/connect-src 'self' https:\/\/directline\.botframework\.com/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    const scripts = (first.body as string).match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBe(2);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(headerOf(second, 'content-security-policy')).not.toContain(nonce);
  });
});

describe('the lecture page', () => {
  const kb = realKnowledgeBase();
  const html = renderLecturePage(kb);

  it('renders every section under the anchor the answers cite, with the questions CloudBot answers there', () => {
    for (const anchor of ['what-is-the-cloud', 'why-use-the-cloud', 'why-not-use-the-cloud', 'infrastructure-platform-and-software-as-a-service']) {
      expect(html).toContain(`<section id="${anchor}">`);
    }
    const benefits = /<section id="why-use-the-cloud">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(benefits).toContain('<li>Scalability: spend more, get more</li>');
    expect(benefits).toContain('CloudBot can answer');
    expect(benefits).toContain('Elasticity');
    expect(html).toContain('<a href="chat">');
    expect(html).toMatch(/<html lang="en">/);
  });

  it('is served with a policy that allows no script at all', async () => {
    const response = await run(createLecturePageHandler(() => html), get('http://localhost/api/lecture'));
    expect(headerOf(response, 'content-security-policy')).toMatch(/^default-src 'none'; script-src 'none';/);
    expect(response.body as string).not.toContain('<script');
  });

  it('is where answers\' citations point', () => {
    const answerer = new Answerer(kb, realMatcher(), 'https://cloudbot.example/api/lecture');
    expect(answerer.answerQuestion('why use the cloud').text).toContain(
      '_Source: Lecture 5 › Why use the Cloud_ · [read it in the lecture](https://cloudbot.example/api/lecture#why-use-the-cloud)',
    );
  });
});

describe('the Web Chat bundle', () => {
  const asset = createWebChatAssetHandler(bundle);
  const original = readFileSync(join(__dirname, '../../node_modules/botframework-webchat/dist/webchat.js'));
  const request = (encoding: string, version = bundle.version) =>
    run(asset, get(`http://localhost${bundle.path}`, { 'accept-encoding': encoding }, { version }));

  it('is served compressed, with a year-long immutable cache for its versioned URL', async () => {
    const br = await request('gzip, deflate, br');
    expect(headerOf(br, 'content-encoding')).toBe('br');
    expect(headerOf(br, 'cache-control')).toBe('public, max-age=31536000, immutable');
    expect(headerOf(br, 'content-type')).toMatch(/^application\/javascript/);
    expect(brotliDecompressSync(br.body as Uint8Array).equals(original)).toBe(true);
    expect((br.body as Uint8Array).length).toBeLessThan(original.length / 3);

    const gzip = await request('gzip');
    expect(headerOf(gzip, 'content-encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body as Uint8Array).equals(original)).toBe(true);
  });

  it('answers 304 to a browser that has it, and 404 for another version', async () => {
    const etag = headerOf(await request('gzip'), 'etag');
    const again = await run(asset, get(`http://localhost${bundle.path}`, { 'if-none-match': etag }, { version: bundle.version }));
    expect(again.status).toBe(304);
    expect((await request('gzip', '0.0.1')).status).toBe(404);
  });
});

describe('POST /api/directline/token', () => {
  let upstream: Server;
  let base = '';
  const seen: { authorization: string; body: string }[] = [];
  let failNext = false;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ authorization: req.headers.authorization ?? '', body: Buffer.concat(chunks).toString('utf8') });
        if (failNext || req.url !== '/v3/directline/tokens/generate') {
          failNext = false;
          res.statusCode = 500;
          res.end('{}');
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ conversationId: 'conv-1', token: 'conversation-token', expires_in: 1800 }));
      });
    });
    base = await listen(upstream);
  });
  afterAll(async () => { await close(upstream); });

  it('answers 503 with a clear message when no secret is configured', async () => {
    const handler = createDirectLineTokenHandler(undefined, new RateLimiter({ burst: 5, perMinute: 10 }), capturingLogger());
    const response = await run(handler, post('http://localhost/api/directline/token'));
    expect(response.status).toBe(503);
    expect(response.jsonBody).toEqual({ error: expect.stringContaining('DIRECT_LINE_SECRET') as unknown });
  });

  it('exchanges the secret for a token for a user id made here, and never returns the secret', async () => {
    const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 5, perMinute: 10 }), capturingLogger());
    const response = await run(handler, post('http://localhost/api/directline/token'));
    expect(response.status).toBe(200);
    const body = response.jsonBody as { userId: string; token: string; domain: string };
    expect(body).toMatchObject({ token: 'conversation-token', conversationId: 'conv-1', expiresIn: 1800, domain: `${base}/v3/directline` });
    expect(body.userId).toMatch(/^dl_[0-9a-f]{24}$/);
    expect(JSON.stringify(response)).not.toContain('the-secret');
    const call = seen.at(-1);
    expect(call?.authorization).toBe('Bearer the-secret');
    expect(JSON.parse(call?.body ?? '{}')).toEqual({ user: { id: body.userId } });
  });

  it('keeps a student\'s user id across visits in an HttpOnly, same-site cookie, and never takes an id it did not make', async () => {
    const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 5, perMinute: 10 }), capturingLogger(), [], 'https://cloudbot.example');
    const first = await run(handler, post('https://cloudbot.example/api/directline/token'));
    const { userId } = first.jsonBody as { userId: string };
    const cookie = headerOf(first, 'set-cookie');
    expect(cookie).toBe(`cloudbot_student=${userId}; Path=/api/directline; Max-Age=15552000; HttpOnly; SameSite=Strict; Secure`);

    const again = await run(handler, post('https://cloudbot.example/api/directline/token', { cookie: `theme=dark; ${cookie.split(';')[0] ?? ''}` }));
    expect((again.jsonBody as { userId: string }).userId).toBe(userId);
    expect(JSON.parse(seen.at(-1)?.body ?? '{}')).toEqual({ user: { id: userId } });

    // A cookie the page or anyone else wrote, in any other shape, is ignored: a new id is made.
    const forged = await run(handler, post('https://cloudbot.example/api/directline/token', { cookie: 'cloudbot_student=teacher-1' }));
    expect((forged.jsonBody as { userId: string }).userId).toMatch(/^dl_[0-9a-f]{24}$/);
    expect((forged.jsonBody as { userId: string }).userId).not.toBe('teacher-1');
  });

  it('limits each client, answering 429 with Retry-After, while other clients still get tokens', async () => {
    const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 2, perMinute: 2 }), capturingLogger());
    // As Azure's front end sends them: the client's address and port, which it overwrites if the client sets it.
    const from = (ip: string) => post('http://localhost/api/directline/token', { 'client-ip': `${ip}:50123`, 'x-forwarded-for': `${ip}:50123` });
    expect((await run(handler, from('203.0.113.7'))).status).toBe(200);
    expect((await run(handler, from('203.0.113.7'))).status).toBe(200);
    const limited = await run(handler, from('203.0.113.7'));
    expect(limited.status).toBe(429);
    expect(Number(headerOf(limited, 'retry-after'))).toBeGreaterThan(0);
    expect((await run(handler, from('198.51.100.2'))).status).toBe(200);
  });

  it('gives no fresh bucket to a client that rotates a forged X-Forwarded-For', async () => {
    const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 2, perMinute: 2 }), capturingLogger());
    const forged = (n: number) => post('http://localhost/api/directline/token', { 'x-forwarded-for': `198.51.100.${String(n)}, 203.0.113.7:50123`, 'client-ip': '203.0.113.7:50123' });
    const statuses = [];
    for (let n = 1; n <= 4; n++) statuses.push((await run(handler, forged(n))).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
  });

  describe('when the host reports an internal URL, as Azure\'s front end may', () => {
    const publicOrigin = 'https://cloudbot.azurewebsites.net';
    const internal = (origin: string) => post('http://10.0.0.4:8080/api/directline/token', { origin });

    it('accepts the chat page from the app\'s public origin as its own, with no CORS header', async () => {
      const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 5, perMinute: 10 }), capturingLogger(), [], publicOrigin);
      const response = await run(handler, internal(publicOrigin));
      expect(response.status).toBe(200);
      expect(headerOf(response, 'access-control-allow-origin')).toBe('');
    });

    it('treats the internal origin as another site once the public origin is known', async () => {
      const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 5, perMinute: 10 }), capturingLogger(), [], publicOrigin);
      expect((await run(handler, internal('http://10.0.0.4:8080'))).status).toBe(403);
    });

    it('without a public origin, knows only the request URL\'s origin as its own', async () => {
      const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 5, perMinute: 10 }), capturingLogger());
      expect((await run(handler, internal(publicOrigin))).status).toBe(403);
      expect((await run(handler, internal('http://10.0.0.4:8080'))).status).toBe(200);
    });
  });

  it('answers 502, not a crash, when Direct Line fails', async () => {
    const logger = capturingLogger();
    const handler = createDirectLineTokenHandler(directLineTokenSource('the-secret', base), new RateLimiter({ burst: 5, perMinute: 10 }), logger);
    failNext = true;
    const response = await run(handler, post('http://localhost/api/directline/token'));
    expect(response.status).toBe(502);
    expect(logger.lines.some((line) => line.level === 'error')).toBe(true);
  });
});

describe('the chat and lecture pages, as routed', () => {
  // The clock stands still, so that no token comes back while the requests run.
  beforeEach(() => { jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2025-01-01T09:00:00Z')); });
  afterEach(() => { jest.restoreAllMocks(); });

  it('share a generous limit per client, then answer 429 with Retry-After, while other clients are still served', async () => {
    const from = (ip: string, route: typeof chatRoute) => run(route.handler, get(`http://localhost/api/${route.route}`, { 'client-ip': `${ip}:50123` }));
    for (let n = 0; n < PAGE_RATE.burst; n++) {
      expect((await from('203.0.113.50', n % 2 === 0 ? chatRoute : lectureRoute)).status).toBe(200);
    }
    for (const route of [chatRoute, lectureRoute]) {
      const limited = await from('203.0.113.50', route);
      expect(limited.status).toBe(429);
      expect(Number(headerOf(limited, 'retry-after'))).toBeGreaterThan(0);
    }
    expect((await from('203.0.113.51', chatRoute)).status).toBe(200);
  });
});
