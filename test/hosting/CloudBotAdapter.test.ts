import { createServer, type Server } from 'node:http';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CloudBotAdapter } from '../../src/hosting/CloudBotAdapter';
import { createMessagesHandler } from '../../src/hosting/createMessagesHandler';
import { expectRepliesActivity, invocation, postRequest } from '../support/activities';
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
