import { HttpRequest } from '@azure/functions';
import { StatusCodes } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { loadConfig } from '../../src/config';
import { createRuntime } from '../../src/hosting/createRuntime';
import { expectRepliesActivity, invocation, messageActivity, postRequest } from '../support/activities';
import { realKnowledgeBase } from '../support/knowledge';
import { capturedConsole } from '../support/console';
import { capturingLogger } from '../support/logger';
import { badTokens, stubSigningKeyFetch, TEST_APP_ID, tokenForAnotherServiceUrl, TRUSTED_KEY_ID, validToken } from '../support/tokens';

describe('POST /api/messages handler', () => {
  const logger = capturingLogger();
  const { messages } = createRuntime({ config: loadConfig({ MAX_BODY_BYTES: '4096' }), kb: realKnowledgeBase(), logger });

  it('logs once, at start, that it runs unauthenticated', () => {
    expect(logger.lines.filter((line) => line.text.includes('unauthenticated'))).toHaveLength(1);
  });

  describe('when given an expectReplies message', () => {
    it('returns 200 with the replies the adapter produced', async () => {
      const { context } = invocation();
      const response = await messages(postRequest(expectRepliesActivity('what is iaas')), context);
      expect(response.status).toBe(200);
      const body = response.jsonBody as { activities: { text: string }[] };
      expect(body.activities).toHaveLength(1);
      expect(body.activities[0]?.text).toMatch(/IaaS|Infrastructure/);
    });
  });

  describe('when given an invoke activity', () => {
    it("answers with the status of the turn's invoke response: 501 for one CloudBot does not handle", async () => {
      const { context } = invocation();
      const response = await messages(postRequest(messageActivity('', { type: 'invoke', name: 'composeExtension/query' })), context);
      expect(response.status).toBe(501);
    });
  });

  describe('when given bad input', () => {
    // Status second, so that the test's name shows it.
    it.each(([
      ['a body that is not JSON', postRequest('{"type": "message",'), 400, /not valid JSON/],
      ['an activity without a type', postRequest({ ...messageActivity('hi'), type: undefined }), 400, /type/],
      ['an activity with an empty type', postRequest({ ...messageActivity('hi'), type: '' }), 400, /type/],
      ['a JSON array', postRequest('[1,2,3]'), 400, /not a valid activity/],
      ['a serviceUrl that is not http(s)', postRequest(messageActivity('hi', { serviceUrl: 'file:///etc/passwd' })), 400, /serviceUrl/],
      ['a body over the size limit', postRequest(messageActivity('x'.repeat(5000))), 413, /limit/],
      ['a declared length over the limit', postRequest(messageActivity('hi'), { 'content-length': '999999' }), 413, /limit/],
      ['a form post', postRequest('type=message', { 'content-type': 'application/x-www-form-urlencoded' }), 415, /json/],
      ['an adaptiveCard/action invoke without an action', postRequest(messageActivity('', { type: 'invoke', name: 'adaptiveCard/action', value: { data: 1 } })), 400, /value\.action/],
      ['an adaptiveCard/action invoke whose value is text', postRequest(messageActivity('', { type: 'invoke', name: 'adaptiveCard/action', value: 'x' })), 400, /value\.action/],
      [
        "a mention whose text is not a string (found by the fuzzer)",
        postRequest(messageActivity('<at>CloudBot</at> hi', { channelId: 'msteams', entities: [{ type: 'mention', mentioned: { id: 'bot' }, text: { toString: {} } }] })),
        400,
        /mention's text must be a string/,
      ],
      ['a Teams application/search invoke whose value is text', postRequest(messageActivity('', { type: 'invoke', name: 'application/search', channelId: 'msteams', value: 'x' })), 400, /value/],
    ] as const).map(([name, request, status, reason]) => [name, status, request, reason] as const))('%s gets %i with a reason', async (_case, status, request, reason) => {
      const { context } = invocation();
      const response = await messages(request, context);
      expect(response.status).toBe(status);
      expect(JSON.stringify(response.jsonBody)).toMatch(reason);
    });

    it('a GET gets 405 with the allowed method', async () => {
      const { context } = invocation();
      const response = await messages(new HttpRequest({ method: 'GET', url: 'http://localhost/api/messages' }), context);
      expect(response.status).toBe(405);
      expect(response.headers).toMatchObject({ allow: 'POST' });
    });
  });

  describe('with an app id configured', () => {
    const secured = createRuntime({
      config: loadConfig({ MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }),
      kb: realKnowledgeBase(),
      logger: capturingLogger(),
    });
    let keyFetch: ReturnType<typeof stubSigningKeyFetch>;
    beforeAll(() => {
      keyFetch = stubSigningKeyFetch();
    });
    afterAll(() => {
      jest.restoreAllMocks();
    });
    // botframework-connector writes to the console itself when it rejects a token (the keys it
    // tried, an expired token's error), with no logger to pass it. Ours is the invocation's log.
    const libraryConsole = capturedConsole();
    afterAll(() => {
      expect(libraryConsole.filter((line) => !/^error: (Error finding key for token\. Available keys: -----BEGIN PUBLIC KEY-----|TokenExpiredError )/.test(line))).toEqual([]);
    });

    it('refuses a request without a token with 401', async () => {
      const { context } = invocation();
      const response = await secured.messages(postRequest(expectRepliesActivity('what is iaas')), context);
      expect(response.status).toBe(401);
    });

    it('refuses a request with a forged token with 401, and says nothing about why internally', async () => {
      const { context } = invocation();
      const response = await secured.messages(
        postRequest(expectRepliesActivity('what is iaas'), { authorization: 'Bearer not.a.jwt' }),
        context,
      );
      expect(response.status).toBe(401);
      expect(JSON.stringify(response.jsonBody)).not.toMatch(/not-a-real-secret|at .*\.js/);
    });

    // The control for the cases below: each of them is this token with one thing wrong.
    it('runs the turn for a token a channel would send, signed with the published key', async () => {
      const { context, logs } = invocation();
      const response = await secured.messages(
        postRequest(expectRepliesActivity('what is iaas'), { authorization: `Bearer ${validToken()}` }),
        context,
      );
      expect({ status: response.status, logs }).toEqual({ status: 200, logs: [] });
      expect(keyFetch).toHaveBeenCalledWith(TRUSTED_KEY_ID);
      expect(JSON.stringify(response.jsonBody)).toMatch(/IaaS|Infrastructure/);
    });

    describe("when Bot Framework's signing keys cannot be loaded", () => {
      // A runtime of its own: it remembers the outage, which would answer the other tests here with 503.
      const outage = createRuntime({
        config: loadConfig({ MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }),
        kb: realKnowledgeBase(),
        logger: capturingLogger(),
      });
      const send = async (authorization: string) => {
        const { context, logs } = invocation();
        const response = await outage.messages(postRequest(expectRepliesActivity('what is iaas'), { authorization }), context);
        return { status: response.status, retryAfter: new Headers(response.headers).get('retry-after'), logs };
      };

      it("answers 503, an outage and not the caller's fault, with one line logged and no stack", async () => {
        keyFetch.mockRejectedValueOnce(new AuthenticationError('Failed to load Keys: 503', StatusCodes.INTERNAL_SERVER_ERROR));
        expect(await send(`Bearer ${validToken()}`)).toEqual({
          status: 503,
          retryAfter: expect.stringMatching(/^\d+$/) as unknown,
          logs: [expect.stringMatching(/^error: Answered 503: Bot Framework's signing keys failed to load: Failed to load Keys: 503$/)],
        });
      });

      it('remembers the failure: the next token is answered 503 at once, without another download', async () => {
        const downloads = keyFetch.mock.calls.length;
        expect(await send(`Bearer ${validToken()}`)).toMatchObject({ status: 503, logs: [expect.stringMatching(/^warning: Answered 503: [^\n]+$/)] });
        expect(keyFetch.mock.calls.length).toBe(downloads);
      });

      it('still answers a malformed token with 401, and a request without one with 401', async () => {
        expect(await send('Bearer not.a.jwt')).toMatchObject({ status: 401 });
        expect(await send('')).toMatchObject({ status: 401 });
      });
    });

    describe.each([...badTokens(), ['a token for another service URL', tokenForAnotherServiceUrl()]])('for %s', (_case, authorization) => {
      it('answers 401 with a one-line reason and no stack, and logs one warning without the token', async () => {
        const { context, logs } = invocation();
        const response = await secured.messages(postRequest(expectRepliesActivity('what is iaas'), { authorization }), context);
        expect(response.status).toBe(401);
        const body = JSON.stringify(response.jsonBody);
        expect(body).toMatch(/^\{"error":"[^"\n]*Bot Framework token[^\n]*"\}$/);
        expect(body).not.toMatch(/\bat .*:\d+:\d+|node_modules|Error\b/);
        expect(logs).toEqual([expect.stringMatching(/^warning: Rejected request \(401\): /)]);
        const token = authorization.replace(/^Bearer /, '');
        if (token.length > 8) expect(logs.join('\n')).not.toContain(token);
      });
    });
  });
});
