import { type HttpHandler, HttpRequest, type HttpResponseInit } from '@azure/functions';
import type { Storage } from 'botbuilder';
import { checkConfig, loadConfig } from '../../src/config';
import { createRuntime } from '../../src/hosting/createRuntime';
import { GuardedStorage } from '../../src/hosting/storage';
import { createDirectLineTokenHandler, directLineTokenSource } from '../../src/hosting/web/directLineToken';
import { RateLimiter } from '../../src/hosting/web/rateLimiter';
import { expectRepliesActivity, invocation, postRequest } from '../support/activities';
import { realKnowledgeBase } from '../support/knowledge';
import { capturingLogger } from '../support/logger';

const SECRETS = {
  MicrosoftAppPassword: 'app-password-Zq81-not-for-logs',
  DIRECT_LINE_SECRET: 'direct-line-secret-Hk27-not-for-logs',
  HASH_SALT: 'salt-Wr55-not-for-logs',
  STATE_STORAGE_CONNECTION_STRING:
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5LU5vdEZvckxvZ3MtOTk=;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;',
};

async function run(handler: HttpHandler, request: HttpRequest): Promise<HttpResponseInit> {
  return (await handler(request, invocation().context));
}

describe('production mode', () => {
  it('refuses to start in Azure without an app id, storage or salt, with a clear message', () => {
    const check = checkConfig({ WEBSITE_INSTANCE_ID: 'instance-1' });
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MicrosoftAppId is required when running in Azure/),
        expect.stringMatching(/^STATE_STORAGE_CONNECTION_STRING or AzureWebJobsStorage is required/),
        expect.stringMatching(/^HASH_SALT is required in Azure/),
      ]),
    );
    expect(() => loadConfig({ WEBSITE_INSTANCE_ID: 'instance-1' })).toThrow(/Invalid configuration: MicrosoftAppId is required/);
  });
});

describe('secrets', () => {
  it('never appear in logs, responses or health, even when storage, auth and Direct Line fail', async () => {
    const logger = capturingLogger();
    const config = loadConfig({ ...SECRETS, MicrosoftAppId: '00000000-0000-0000-0000-000000000001', DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9' });
    const failing: Storage = {
      read: () => Promise.reject(new Error(`connect refused using ${SECRETS.STATE_STORAGE_CONNECTION_STRING.slice(0, 20)}`)),
      write: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    const runtime = createRuntime({ config, kb: realKnowledgeBase(), logger, storage: new GuardedStorage(failing, logger, { timeoutMs: 200, cooldownMs: 0 }) });
    const responses: unknown[] = [];
    // Unauthenticated and forged requests: 401.
    responses.push(await runtime.messages(postRequest(expectRepliesActivity('what is iaas')), invocation().context));
    responses.push(await runtime.messages(postRequest(expectRepliesActivity('what is iaas'), { authorization: 'Bearer forged.token.here' }), invocation().context));
    // The same secrets on an open local endpoint: the bot runs, and its storage fails.
    const open = createRuntime({
      config: loadConfig({ ...SECRETS, DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9' }),
      kb: realKnowledgeBase(),
      logger,
      storage: new GuardedStorage(failing, logger, { timeoutMs: 200, cooldownMs: 0 }),
    });
    responses.push(await open.messages(postRequest(expectRepliesActivity('what is iaas')), invocation().context));
    expect(logger.lines.some((line) => line.text.includes('State storage read failed'))).toBe(true);
    // Direct Line unreachable: 502.
    const token = createDirectLineTokenHandler(directLineTokenSource(SECRETS.DIRECT_LINE_SECRET, 'http://127.0.0.1:9', 500), new RateLimiter({ burst: 5, perMinute: 10 }), logger);
    responses.push(await run(token, new HttpRequest({ method: 'POST', url: 'http://localhost/api/directline/token' })));
    // A bad configuration, as health reports it.
    const bad = checkConfig({ ...SECRETS, MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant' });
    const everything = JSON.stringify({ logs: logger.lines, responses, problems: bad.ok ? [] : bad.problems });
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect({ name, leaked: everything.includes(secret) || everything.includes('a2V5LU5vdEZvckxvZ3MtOTk=') }).toEqual({ name, leaked: false });
    }
  });
});

describe('CORS on the token endpoint', () => {
  const source = () => Promise.resolve({ token: 't', conversationId: 'c', expiresIn: 60, domain: 'http://127.0.0.1:9/v3/directline', webSocket: false });
  const handler = createDirectLineTokenHandler(source, new RateLimiter({ burst: 50, perMinute: 50 }), capturingLogger(), ['https://course.example.org']);
  const from = (origin?: string) =>
    run(handler, new HttpRequest({ method: 'POST', url: 'https://cloudbot.example/api/directline/token', headers: origin ? { origin } : {} }));

  it('serves the app\'s own page and requests without an Origin, without CORS headers', async () => {
    for (const response of [await from('https://cloudbot.example'), await from()]) {
      expect(response.status).toBe(200);
      expect(new Headers(response.headers as Record<string, string>).get('access-control-allow-origin')).toBeNull();
      expect(new Headers(response.headers as Record<string, string>).get('cache-control')).toBe('no-store');
    }
  });

  it('allows a configured origin, naming it, never "*"', async () => {
    const response = await from('https://course.example.org');
    expect(response.status).toBe(200);
    expect(new Headers(response.headers as Record<string, string>).get('access-control-allow-origin')).toBe('https://course.example.org');
  });

  it('refuses any other origin with 403', async () => {
    const response = await from('https://evil.example');
    expect(response.status).toBe(403);
    expect(new Headers(response.headers as Record<string, string>).get('access-control-allow-origin')).toBeNull();
  });

  it('takes only bare origins in ALLOWED_ORIGINS', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443' }).ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(checkConfig({ ALLOWED_ORIGINS: 'https://a.example/path' }).ok).toBe(false);
  });
});
