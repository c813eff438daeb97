import { createServer, type Server } from 'node:http';
import { type Activity, ActivityHandler, ActivityTypes, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import { CloudBotAdapter } from '../../src/hosting/CloudBotAdapter';
import { createMessagesHandler } from '../../src/hosting/createMessagesHandler';
import { expectRepliesActivity, invocation, messageActivity, postRequest } from '../support/activities';
import { listen } from '../support/servers';
import { CHANNEL_ISSUER, TEST_APP_ID, validToken } from '../support/tokens';

/**
 * Bot Framework's signing keys downloaded for real, from a metadata endpoint on loopback that
 * fails: one that hangs up on every request, and one that accepts the connection and never
 * answers. The library itself would wait for ever and download again for every token.
 */
describe("the adapter, when Bot Framework's signing keys cannot be downloaded", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** A Bot Framework endpoint whose channel metadata comes from `server`, and how many requests reached it. */
  async function endpoint(answer: (hangUp: () => void) => void) {
    let downloads = 0;
    server = createServer((req) => {
      downloads++;
      answer(() => req.socket.destroy());
    });
    const base = await listen(server);
    // With any endpoint of its own given, the library takes none of its defaults: the issuer is given too.
    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: TEST_APP_ID,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToBotFromChannelOpenIdMetadataUrl: `${base}/metadata`,
    });
    const adapter = new CloudBotAdapter(auth, { timeoutMs: 200, cooldownMs: 60_000 });
    const messages = createMessagesHandler({ adapter, bot: new ActivityHandler(), maxBodyBytes: 64 * 1024, requireAuth: true });
    /** The status, or "no answer" when none came within 5 s. */
    const send = async (authorization: string) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'no answer'>((resolve) => (timer = setTimeout(() => { resolve('no answer'); }, 5000)));
      const response = await Promise.race([messages(postRequest(expectRepliesActivity('what is iaas'), { authorization }), invocation().context), late]);
      clearTimeout(timer);
      return response === 'no answer' ? response : response.status;
    };
    return { send, downloads: () => downloads };
  }

  it.each([
    ['hangs up', (hangUp: () => void) => { hangUp(); }],
    ['never answers', () => undefined],
  ])('answers 503 when the metadata endpoint %s, and downloads once while the failure is remembered', async (_case, answer) => {
    const { send, downloads } = await endpoint(answer);
    expect(await send(`Bearer ${validToken()}`)).toBe(503);
    expect(await send(`Bearer ${validToken()}`)).toBe(503);
    expect(downloads()).toBe(1);
  });

  it('answers a malformed token with 401 whatever the keys', async () => {
    const { send } = await endpoint(() => undefined);
    expect(await send(`Bearer ${validToken()}`)).toBe(503);
    expect(await send('Bearer not.a.jwt')).toBe(401);
  });
});

/** The turn run through botbuilder's public `processActivityDirect`, its HTTP answer read off the turn. */
describe('the adapter, running a turn', () => {
  /** A bot that answers an invoke with a body of its own, fails on "fail", and keeps the activity it was given. */
  class ProbeBot extends ActivityHandler {
    seen: Activity | undefined;
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        this.seen = context.activity;
        if (context.activity.text === 'fail') throw new Error('the bot failed');
        await context.sendActivity('heard you');
        await next();
      });
    }
    protected override onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
      this.seen = context.activity;
      return Promise.resolve({ status: 200, body: { answered: context.activity.name } });
    }
  }

  function endpoint() {
    const bot = new ProbeBot();
    const adapter = new CloudBotAdapter(new ConfigurationBotFrameworkAuthentication({}));
    adapter.onTurnError = async (context) => { await context.sendActivity('sorry'); };
    const messages = createMessagesHandler({ adapter, bot, maxBodyBytes: 64 * 1024, requireAuth: false });
    return { bot, send: (body: Record<string, unknown>) => messages(postRequest(body), invocation().context) };
  }

  it('answers an invoke with the status and body the bot gave', async () => {
    const { send } = endpoint();
    const response = await send(messageActivity('', { type: ActivityTypes.Invoke, name: 'probe/ask' }));
    expect(response).toEqual({ status: 200, jsonBody: { answered: 'probe/ask' } });
  });

  it('answers an expectReplies message with its replies, those of onTurnError included when the turn fails', async () => {
    const { send } = endpoint();
    const heard = await send(expectRepliesActivity('hello'));
    expect(heard.status).toBe(200);
    expect(heard.jsonBody).toMatchObject({ activities: [{ text: 'heard you' }] });
    const failed = await send(expectRepliesActivity('fail'));
    expect(failed.status).toBe(200);
    expect(failed.jsonBody).toMatchObject({ activities: [{ text: 'sorry' }] });
  });

  it('hands the bot its timestamps as dates, with the text they were sent in kept, as botbuilder does', async () => {
    const { bot, send } = endpoint();
    const sent = '2026-12-03T09:30:00.123+01:00';
    await send({ ...expectRepliesActivity('hello'), timestamp: sent, localTimestamp: sent });
    expect(bot.seen?.timestamp).toEqual(new Date(sent));
    expect(bot.seen?.localTimestamp).toEqual(new Date(sent));
    expect(bot.seen).toMatchObject({ rawTimestamp: sent, rawLocalTimestamp: sent });
  });
});
