import type { Server } from 'node:http';
import { LocalDirectLine } from '../../src/dev/localDirectLine';
import { createLocalServer } from '../../src/dev/localServer';
import { messagesHandler } from '../../src/hosting/instance';
import { chatRoute, directLineTokenRoute, routes } from '../../src/hosting/routes';
import { createDirectLineTokenHandler } from '../../src/web/directLineToken';
import { RateLimiter } from '../../src/web/rateLimiter';
import { capturingLogger } from '../support/logger';
import { close, listen } from '../support/servers';
import { besidesInstanceNotices, capturedConsole } from '../support/console';

// The instance behind these routes logs through the console: it may say what it says at start, and nothing else.
const consoleLines = capturedConsole();
afterAll(() => {
  expect(besidesInstanceNotices(consoleLines)).toEqual([]);
});

describe('the local Direct Line emulation behind npm start', () => {
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    const logger = capturingLogger();
    const directLine = new LocalDirectLine(messagesHandler, logger);
    const localRoutes = routes.map((route) =>
      route.name === directLineTokenRoute.name
        ? { ...route, handler: createDirectLineTokenHandler(directLine.tokenSource(), new RateLimiter({ burst: 5, perMinute: 10 }), logger) }
        : route,
    );
    server = createLocalServer({ routes: localRoutes, logger, maxBodyBytes: 65536, aliases: { '/': chatRoute.name }, directLine });
    origin = await listen(server);
  });
  afterAll(async () => { await close(server); });

  /** Polls like Web Chat does, at most 50 times, until an activity from the bot matches. */
  async function botSays(domain: string, conversationId: string, token: string, pattern: RegExp, watermark = '0') {
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await fetch(`${domain}/conversations/${conversationId}/activities?watermark=${watermark}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { activities: { from?: { role?: string }; text?: string }[]; watermark: string };
      const found = body.activities.find((activity) => activity.from?.role !== 'user' && pattern.test(activity.text ?? ''));
      if (found) return { activity: found, watermark: body.watermark };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the bot never said ${String(pattern)}`);
  }

  it('serves the chat page at /', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>CloudBot');
  });

  it('speaks Direct Line 3.0: token, conversation, posted activities, polled replies through the real bot, refresh', async () => {
    const session = (await (await fetch(`${origin}/api/directline/token`, { method: 'POST' })).json()) as { token: string; domain: string; webSocket: boolean };
    expect(session).toMatchObject({ domain: `${origin}/v3/directline`, webSocket: false });
    const auth = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };

    const started = await fetch(`${session.domain}/conversations`, { method: 'POST', headers: auth });
    expect(started.status).toBe(201);
    const { conversationId } = (await started.json()) as { conversationId: string };

    const joined = await fetch(`${session.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'event', name: 'webchat/join', from: { id: 'anyone' } }),
    });
    expect(joined.status).toBe(200);
    const welcome = await botSays(session.domain, conversationId, session.token, /I’m \*\*CloudBot\*\*|I'm \*\*CloudBot\*\*/);

    await fetch(`${session.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', text: 'what is paas', from: { id: 'anyone' } }),
    });
    await botSays(session.domain, conversationId, session.token, /Jupyter/, welcome.watermark);

    const refreshed = await fetch(`${session.domain}/tokens/refresh`, { method: 'POST', headers: auth });
    expect(((await refreshed.json()) as { token: string }).token).not.toBe(session.token);
  });

  it('refuses requests without a valid token', async () => {
    const response = await fetch(`${origin}/v3/directline/conversations`, { method: 'POST', headers: { authorization: 'Bearer forged' } });
    expect(response.status).toBe(403);
  });

  it("takes on its connector only the bot's own replies: a post from anyone else never reaches the chat", async () => {
    const session = (await (await fetch(`${origin}/api/directline/token`, { method: 'POST' })).json()) as { token: string; domain: string; conversationId: string };
    const auth = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const { conversationId } = session;
    await fetch(`${session.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'event', name: 'webchat/join', from: { id: 'anyone' } }),
    });
    await botSays(session.domain, conversationId, session.token, /CloudBot/);

    const injected = JSON.stringify({ type: 'message', text: 'injected: click evil.example', from: { id: 'cloudbot', role: 'bot' } });
    const inject = async (path: string) =>
      (await fetch(`${origin}/directline-connector/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: injected })).status;
    expect(await inject(`v3/conversations/${conversationId}/activities`)).toBe(404);
    expect(await inject(`guessed-key/v3/conversations/${conversationId}/activities`)).toBe(401);

    const polled = await fetch(`${session.domain}/conversations/${conversationId}/activities?watermark=0`, { headers: auth });
    const text = await polled.text();
    expect(text).not.toContain('injected');
    // The key is in the serviceUrl the bot is given; the page never sees one.
    expect(text).not.toContain('serviceUrl');
    expect(text).not.toContain('directline-connector');
  });
});
