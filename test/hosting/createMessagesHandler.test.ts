import { HttpRequest } from '@azure/functions';
import { loadConfig } from '../../src/config';
import { createRuntime } from '../../src/hosting/createRuntime';
import { expectRepliesActivity, invocation, messageActivity, postRequest } from '../support/activities';
import { realKnowledgeBase } from '../support/knowledge';
import { capturingLogger } from '../support/logger';

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
    it.each([
      ['a body that is not JSON', postRequest('{"type": "message",'), 400, /not valid JSON/],
      ['an activity without a type', postRequest({ ...messageActivity('hi'), type: undefined }), 400, /type/],
      ['an activity with an empty type', postRequest({ ...messageActivity('hi'), type: '' }), 400, /type/],
      ['a JSON array', postRequest('[1,2,3]'), 400, /not a valid activity/],
      ['a serviceUrl that is not http(s)', postRequest(messageActivity('hi', { serviceUrl: 'file:///etc/passwd' })), 400, /serviceUrl/],
      ['a body over the size limit', postRequest(messageActivity('x'.repeat(5000))), 413, /limit/],
      ['a declared length over the limit', postRequest(messageActivity('hi'), { 'content-length': '999999' }), 413, /limit/],
      ['a form post', postRequest('type=message', { 'content-type': 'application/x-www-form-urlencoded' }), 415, /json/],
    ])('%s gets %i with a reason', async (_case, request, status, reason) => {
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
      config: loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' }),
      kb: realKnowledgeBase(),
      logger: capturingLogger(),
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
  });
});
