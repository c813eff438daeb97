import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { loadConfig } from '../../src/config';
import { LocalDirectLine } from '../../src/dev/localDirectLine';
import { createLocalServer } from '../../src/dev/localServer';
import { createRuntime } from '../../src/hosting/createRuntime';
import { directLineTokenRoute, routes } from '../../src/hosting/routes';
import { LOCAL_STAFF_MARK } from '../../src/tickets/localStaff';
import { MemoryTicketStore } from '../../src/tickets/TicketStore';
import { createDirectLineTokenHandler } from '../../src/web/directLineToken';
import { RateLimiter } from '../../src/web/rateLimiter';
import { realKnowledgeBase } from '../support/knowledge';
import { capturingLogger } from '../support/logger';
import { close, fakeConnector, listen } from '../support/servers';

/**
 * The teaching team's messages outside a turn, through botbuilder's real CloudAdapter with no app
 * id, as `npm start` runs: the question posted into the staff conversation, and the answer posted
 * into the student's Direct Line conversation, which the student's page then polls.
 */
describe('proactive messages through the adapter', () => {
  const logger = capturingLogger();
  const tickets = new MemoryTicketStore();
  const runtime = createRuntime({ config: loadConfig({ RECORD_QUESTIONS: 'true' }), kb: realKnowledgeBase(), logger, tickets });
  const staffConnector = fakeConnector();
  let server: Server;
  let origin = '';
  let staffUrl = '';

  beforeAll(async () => {
    const directLine = new LocalDirectLine((request, context) => runtime.messages(request, context), logger);
    const localRoutes = routes.map((route) =>
      route.name === directLineTokenRoute.name ? { ...route, handler: createDirectLineTokenHandler(directLine.tokenSource(), new RateLimiter({ burst: 5, perMinute: 10 }), logger) } : route,
    );
    server = createLocalServer({ routes: localRoutes, logger, maxBodyBytes: 65536, directLine });
    origin = await listen(server);
    staffUrl = await listen(staffConnector.server);
  });
  afterAll(async () => {
    await close(server);
    await close(staffConnector.server);
  });

  async function poll(domain: string, conversationId: string, token: string, pattern: RegExp): Promise<Record<string, unknown>> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await fetch(`${domain}/conversations/${conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { activities: Record<string, unknown>[] };
      const found = body.activities.find((activity) => pattern.test(JSON.stringify(activity)));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never saw ${String(pattern)}`);
  }

  /** An activity from the staff conversation, straight to the bot, which replies to the fake connector. */
  async function fromStaff(value: unknown): Promise<void> {
    const activity = {
      type: 'message',
      id: randomUUID(),
      channelId: 'directline',
      serviceUrl: staffUrl,
      conversation: { id: 'staff-desk' },
      from: { id: 'ta-ana', name: 'Ana' },
      recipient: { id: 'cloudbot', name: 'CloudBot' },
      channelData: { [LOCAL_STAFF_MARK]: true },
      value,
    };
    const request = new HttpRequest({ method: 'POST', url: `${origin}/api/messages`, headers: { 'content-type': 'application/json' }, body: { string: JSON.stringify(activity) } });
    const response = await runtime.messages(request, new InvocationContext({ functionName: 'messages', invocationId: randomUUID(), logHandler: () => undefined }));
    expect(response.status ?? 200).toBeLessThan(300);
  }

  it('posts the question to the staff conversation and the answer back into the student\'s', async () => {
    await tickets.setStaffRoom({ channelId: 'directline', serviceUrl: staffUrl, conversation: { id: 'staff-desk' }, bot: { id: 'cloudbot' } });
    const session = (await (await fetch(`${origin}/api/directline/token`, { method: 'POST' })).json()) as { token: string; domain: string; conversationId: string };
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const post = (activity: unknown) => fetch(`${session.domain}/conversations/${session.conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify(activity) });

    await post({ type: 'message', text: 'when is the exam for this module' });
    await poll(session.domain, session.conversationId, session.token, /Ask the teaching team/);
    await post({ type: 'message', value: { handoff: { step: 'send', reason: 'fallback', asked: 'when is the exam for this module' }, question: 'when is the exam for this module' } });
    await poll(session.domain, session.conversationId, session.token, /Sent to the teaching team/);

    const card = await staffConnector.next();
    expect(card.path).toMatch(/\/v3\/conversations\/staff-desk\/activities/);
    const [ticket] = await tickets.list();
    expect(JSON.stringify(card.body)).toContain(ticket?.id ?? 'no ticket');

    await fromStaff({ ticket: { id: ticket?.id, action: 'answer' }, answer: 'On 12 May, in the sports hall.' });
    const answer = await poll(session.domain, session.conversationId, session.token, /From the teaching team/);
    expect(answer.text).toContain('12 May');
    expect((await staffConnector.next()).body).toMatchObject({ text: expect.stringMatching(/Sent to the student/) as unknown });
    expect((await tickets.get(ticket?.id ?? ''))?.ticket).toMatchObject({ status: 'answered', delivered: true });
  });
});

describe('when asking the teaching team is off', () => {
  const AZURE = { WEBSITE_INSTANCE_ID: 'i', MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', HASH_SALT: 's' };

  it.each([
    ['recording is off', { RECORD_QUESTIONS: 'false' }, 'RECORD_QUESTIONS is false, which turns tickets off too'],
    ['Azure has no staff channel', { ...AZURE, STATE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, 'STAFF_TEAMS_CHANNEL_ID is not set'],
  ])('has no ticket store and says why once at start: %s', (_case, env, reason) => {
    const logger = capturingLogger();
    const runtime = createRuntime({ config: loadConfig(env), kb: realKnowledgeBase(), logger });
    expect(runtime.tickets).toBeUndefined();
    expect(logger.lines.filter((line) => line.text.includes('"Ask the teaching team" is off'))).toEqual([{ level: 'info', text: `"Ask the teaching team" is off: ${reason}.` }]);
  });
});
