import type { Server } from 'node:http';
import { LocalDirectLine } from '../../src/dev/localDirectLine';
import { createLocalServer } from '../../src/dev/localServer';
import { type RouteDefinition, routes } from '../../src/hosting/routes';
import { expectRepliesActivity, messageActivity } from '../support/activities';
import { capturingLogger } from '../support/logger';
import { endlessUpload, rawRequest, sendAndHangUp } from '../support/rawHttp';
import { close, fakeConnector, listen } from '../support/servers';
import { besidesInstanceNotices, capturedConsole } from '../support/console';

// The instance behind these routes logs through the console: it may say what it says at start, and nothing else.
const consoleLines = capturedConsole();
afterAll(() => {
  expect(besidesInstanceNotices(consoleLines)).toEqual([]);
});

describe('the local server, over real HTTP', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createLocalServer({ routes, logger: capturingLogger(), maxBodyBytes: 64 * 1024 });
    base = await listen(server);
  });
  afterAll(() => close(server));

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers an expectReplies activity in the HTTP response', async () => {
    const response = await post('/api/messages', expectRepliesActivity('what is saas'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { text: string; type: string }[] };
    expect(body.activities[0]).toMatchObject({ type: 'message' });
    expect(body.activities[0]?.text).toMatch(/Gmail|Outlook\.com/);
  });

  it('posts the reply to a normal activity back to its serviceUrl, as channels and the Emulator receive it', async () => {
    const connector = fakeConnector();
    const serviceUrl = await listen(connector.server);
    try {
      const response = await post('/api/messages', messageActivity('why use the cloud', { serviceUrl, id: 'incoming-7' }));
      expect(response.status).toBe(200);
      const reply = await connector.next();
      expect(reply.method).toBe('POST');
      expect(reply.path).toBe('/v3/conversations/conversation-1/activities/incoming-7');
      expect(reply.body).toMatchObject({ type: 'message', replyToId: 'incoming-7', text: expect.stringMatching(/scalability/i) as unknown });
    } finally {
      await close(connector.server);
    }
  });

  it('serves the health report', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', configValid: true, knowledgeValid: true, questionModel: true, version: expect.any(String) as unknown });
    expect(body.knowledgeEntries).toBeGreaterThanOrEqual(27);
  });

  it('answers a wrong method with 405 and an unknown path with 404', async () => {
    expect((await fetch(`${base}/api/messages`)).status).toBe(405);
    expect((await fetch(`${base}/api/nothing-here`)).status).toBe(404);
  });

  it('refuses an oversized body with 413 before reading it all', async () => {
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('x'.repeat(100 * 1024))),
    });
    expect(response.status).toBe(413);
  });
});

describe("the local server's client address", () => {
  it('sets client-ip from the socket, as Azure\'s front end does, replacing the one a client sent', async () => {
    const echo: RouteDefinition = {
      name: 'echo',
      route: 'echo',
      methods: ['GET'],
      handler: (request) => Promise.resolve({ status: 200, jsonBody: { clientIp: request.headers.get('client-ip') } }),
    };
    const server = createLocalServer({ routes: [echo], logger: capturingLogger(), maxBodyBytes: 1024 });
    const base = await listen(server);
    try {
      const response = await fetch(`${base}/api/echo`, { headers: { 'client-ip': '203.0.113.7' } });
      expect(await response.json()).toEqual({ clientIp: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/) as unknown });
    } finally {
      await close(server);
    }
  });
});

describe('the local server, given a path that does not decode', () => {
  let server: Server;
  let base: string;
  const directLine = new LocalDirectLine(() => Promise.resolve({ status: 200 }), capturingLogger());

  beforeAll(async () => {
    server = createLocalServer({ routes, logger: capturingLogger(), maxBodyBytes: 1024, directLine });
    base = await listen(server);
  });
  afterAll(() => close(server));

  it.each([
    ['a function route parameter', 'GET', '/api/webchat/%ZZ/webchat.js'],
    ['a function route parameter that is not UTF-8', 'GET', '/api/webchat/%C3%28/webchat.js'],
    ['the emulated connector\'s conversation id', 'POST', '/directline-connector/key/v3/conversations/%ZZ/activities'],
  ])('answers a malformed percent-escape in %s with 400', async (_case, method, path) => {
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"type":"message"}' } : {}) });
    expect(response.status).toBe(400);
  });

  it("answers a malformed percent-escape in the emulated Direct Line's conversation id with 400", async () => {
    const session = await directLine.tokenSource()('student', base);
    const response = await fetch(`${base}/v3/directline/conversations/%ZZ/activities`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(response.status).toBe(400);
  });

  it('answers a request target that is not a URL with 400', async () => {
    const response = await rawRequest(base, 'GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(response.status).toBe(400);
  });
});

describe('the local server, given a chunked body that passes the size limit', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const directLine = new LocalDirectLine(() => Promise.resolve({ status: 200 }), capturingLogger());
    server = createLocalServer({ routes, logger: capturingLogger(), maxBodyBytes: 1024, directLine });
    base = await listen(server);
  });
  afterAll(() => close(server));

  // The body never ends: a server that reads it to its end before answering never answers.
  it.each(['/api/messages', '/api/directline/token', '/directline-connector/key/v3/conversations/c/activities', '/v3/directline/conversations/c/activities'])(
    'answers 413 on %s while the client is still sending',
    async (path) => {
      const maxChunks = 4096;
      const upload = await endlessUpload(base, path, { chunkBytes: 1024, maxChunks });
      expect(upload.status).toBe(413);
      expect(upload.chunksSent).toBeLessThan(maxChunks);
    },
  );
});

describe('the local server, when a client disconnects in the middle of its body', () => {
  it.each([
    ['a declared length', 'Content-Length: 1000\r\n\r\n{"type":'],
    ['a chunked body', 'Transfer-Encoding: chunked\r\n\r\n8\r\n{"type":\r\n'],
  ])('logs one line at debug level, for %s', async (_case, rest) => {
    const logger = capturingLogger();
    const server = createLocalServer({ routes, logger, maxBodyBytes: 64 * 1024 });
    const base = await listen(server);
    try {
      await sendAndHangUp(base, `POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${rest}`);
      // The server notices the hang-up asynchronously: wait for its log, at most 50 × 20 ms.
      for (let wait = 0; wait < 50 && logger.lines.length === 0; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(logger.lines).toEqual([{ level: 'debug', text: 'Client went away before sending the whole request body (POST /api/messages).' }]);
    } finally {
      await close(server);
    }
  });
});

describe("the local server's answers", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const directLine = new LocalDirectLine(() => Promise.resolve({ status: 200 }), capturingLogger());
    server = createLocalServer({ routes, logger: capturingLogger(), maxBodyBytes: 1024, aliases: { '/': 'chat' }, directLine });
    base = await listen(server);
  });
  afterAll(() => close(server));

  it.each([
    ['a function', 'GET', '/api/health'],
    ['an unknown path', 'GET', '/api/nothing-here'],
    ['a wrong method', 'DELETE', '/api/health'],
    ['a path that does not decode', 'GET', '/api/webchat/%ZZ/webchat.js'],
    ['a body too large', 'POST', '/api/messages'],
    ['the Direct Line emulation', 'GET', '/v3/directline/conversations'],
  ])('say nosniff, for %s', async (_case, method, path) => {
    const response = await fetch(`${base}${path}`, { method, ...(method === 'POST' ? { body: 'x'.repeat(2048) } : {}) });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['/api/health', '/', '/api/lecture'])('answer HEAD on %s as GET, without the body', async (path) => {
    const get = await fetch(`${base}${path}`);
    const getBody = Buffer.from(await get.arrayBuffer());
    const head = await fetch(`${base}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(get.status);
    expect(await head.text()).toBe('');
    for (const name of ['content-type', 'cache-control', 'x-content-type-options']) expect(head.headers.get(name)).toBe(get.headers.get(name));
    expect(head.headers.get('content-length')).toBe(String(getBody.length));
  });
});
