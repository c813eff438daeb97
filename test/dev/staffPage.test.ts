import type { Server } from 'node:http';
import { type HttpHandler, HttpRequest, HttpResponse } from '@azure/functions';
import { z } from 'zod';
import { loadConfig } from '../../src/config';
import { createAppServer } from '../../src/dev/appServer';
import { LocalDirectLine } from '../../src/dev/localDirectLine';
import { createStaffTokenHandler, DEFAULT_STAFF_NAME } from '../../src/dev/staffPage';
import { routes } from '../../src/hosting/routes';
import { LOCAL_STAFF_MARK } from '../../src/tickets/localStaff';
import { RateLimiter } from '../../src/web/rateLimiter';
import { invocation } from '../support/activities';
import { besidesInstanceNotices, capturedConsole } from '../support/console';
import { capturingLogger } from '../support/logger';
import { close, listen } from '../support/servers';

const consoleLines = capturedConsole();
afterAll(() => {
  expect(besidesInstanceNotices(consoleLines)).toEqual([]);
});

const ORIGIN = 'http://127.0.0.1:3978';

/** The emulation in front of a stand-in bot that keeps every activity it is handed. */
function emulation() {
  const handed: Record<string, unknown>[] = [];
  const bot: HttpHandler = async (request) => {
    handed.push((await request.json()) as Record<string, unknown>);
    return { status: 200 };
  };
  const directLine = new LocalDirectLine(bot, capturingLogger());
  /** Posts an activity as a page would, in the conversation the token is for. */
  const post = async (session: { token: string; conversationId: string }, activity: Record<string, unknown>) => {
    const url = new URL(`${ORIGIN}/v3/directline/conversations/${session.conversationId}/activities`);
    const reply = await directLine.serve('POST', url, new Headers({ authorization: `Bearer ${session.token}` }), Buffer.from(JSON.stringify(activity)), ORIGIN);
    expect(reply.status).toBe(200);
    return handed[handed.length - 1];
  };
  return { directLine, post };
}

const SessionSchema = z.object({ token: z.string(), conversationId: z.string() });
const HandedSchema = z.looseObject({ from: z.object({ id: z.string(), name: z.string() }) });

describe('the staff mark in the local Direct Line emulation', () => {
  it('removes a mark a student page sends, keeping the rest of its channelData', async () => {
    const { directLine, post } = emulation();
    const session = await directLine.tokenSource()('dl_student', ORIGIN);
    const handed = await post(session, { type: 'message', text: 'I am staff, honest', channelData: { [LOCAL_STAFF_MARK]: true, clientActivityID: 'a1' }, from: { id: 'x', name: 'Lecturer' } });
    expect(handed?.channelData).toEqual({ clientActivityID: 'a1' });
    expect(handed?.from).toEqual({ id: 'dl_student', name: 'Student', role: 'user' });
  });

  it('drops channelData that is not an object', async () => {
    const { directLine, post } = emulation();
    const session = await directLine.tokenSource()('dl_student', ORIGIN);
    expect((await post(session, { type: 'message', text: 'hi', channelData: 'cloudbotLocalStaff' }))?.channelData).toEqual({});
  });

  it('marks every activity of a /staff conversation, named as the page asked', async () => {
    const { directLine, post } = emulation();
    const session = await directLine.tokenSource({ staffName: 'Dr Ada Lovelace' })('dl_staff', ORIGIN);
    for (const activity of [{ type: 'event', name: 'webchat/join' }, { type: 'message', text: 'open questions', channelData: { [LOCAL_STAFF_MARK]: false } }]) {
      const handed = await post(session, activity);
      expect(handed?.channelData).toEqual({ [LOCAL_STAFF_MARK]: true });
      expect(handed?.from).toEqual({ id: 'dl_staff', name: 'Dr Ada Lovelace', role: 'user' });
    }
  });
});

describe('the /staff page\'s token endpoint', () => {
  async function tokenFor(query: string, headers: Record<string, string> = {}) {
    const { directLine, post } = emulation();
    const handler = createStaffTokenHandler(directLine, new RateLimiter({ burst: 5, perMinute: 10 }), capturingLogger());
    const response = await handler(new HttpRequest({ method: 'POST', url: `${ORIGIN}/api/directline/staff-token${query}`, headers }), invocation().context);
    if (response instanceof HttpResponse) throw new Error('the handlers answer with plain objects');
    if (response.status !== 200) return { status: response.status, name: undefined };
    const session = SessionSchema.parse(response.jsonBody);
    const handed = await post(session, { type: 'message', text: 'hello' });
    const { from } = HandedSchema.parse(handed);
    return { status: response.status, name: from.name, id: from.id };
  }

  it('names the member of staff from ?name=, with a fresh user id for each page', async () => {
    const first = await tokenFor('?name=Grace%20Hopper');
    const second = await tokenFor('?name=Grace%20Hopper');
    expect(first.name).toBe('Grace Hopper');
    expect(first.id).toMatch(/^dl_[0-9a-f]{24}$/);
    expect(second.id).not.toBe(first.id);
  });

  it.each([
    ['no name', '', DEFAULT_STAFF_NAME],
    ['a blank name', '?name=%20%20', DEFAULT_STAFF_NAME],
    ['control characters', '?name=Ada%0A%0DLovelace', 'Ada Lovelace'],
    ['a very long name', `?name=${'a'.repeat(500)}`, 'a'.repeat(60)],
  ])('with %s, names them sensibly', async (_, query, expected) => {
    expect((await tokenFor(query)).name).toBe(expected);
  });

  it('gives no staff conversation to another site', async () => {
    expect((await tokenFor('?name=Mallory', { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('is not among the routes Azure runs', () => {
    expect(routes.map((route) => route.route)).not.toContain('directline/staff-token');
    expect(routes.map((route) => route.route)).not.toContain('staff');
  });
});

describe('npm start\'s /staff page', () => {
  async function serving(env: Record<string, string>, run: (origin: string) => Promise<void>) {
    const server: Server = createAppServer(loadConfig(env), capturingLogger());
    const origin = await listen(server);
    try {
      await run(origin);
    } finally {
      await close(server);
    }
  }

  it('serves the chat page with the teaching team\'s banner and token, while the staff mode is local', async () => {
    await serving({}, async (origin) => {
      const response = await fetch(`${origin}/staff`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<title>CloudBot · Teaching team</title>');
      expect(html).toContain('class="banner" role="note">Teaching team');
      expect(html).toContain('"/api/directline/staff-token?name=" + encodeURIComponent');
      expect((await fetch(`${origin}/api/directline/staff-token`, { method: 'POST' })).status).toBe(200);
      // The students' page is unchanged.
      expect(await (await fetch(`${origin}/`)).text()).toContain("fetch(\"/api/directline/token\"");
    });
  });

  it('serves neither the page nor its token when a Teams channel is the staff\'s', async () => {
    await serving({ STAFF_TEAMS_CHANNEL_ID: '19:abc@thread.tacv2' }, async (origin) => {
      expect((await fetch(`${origin}/staff`)).status).toBe(404);
      expect((await fetch(`${origin}/api/directline/staff-token`, { method: 'POST' })).status).toBe(404);
    });
  });
});
