import { type HttpHandler, HttpRequest, type HttpResponseInit } from '@azure/functions';
import type { Storage } from 'botbuilder';
import { checkConfig, loadConfig } from '../../src/config';
import { createRuntime } from '../../src/hosting/createRuntime';
import { GuardedStorage } from '../../src/hosting/storage';
import { createDirectLineTokenHandler, directLineTokenSource } from '../../src/web/directLineToken';
import { RateLimiter } from '../../src/web/rateLimiter';
import { expectRepliesActivity, invocation, postRequest } from '../support/activities';
import { realKnowledgeBase } from '../support/knowledge';
import { capturingLogger, logText } from '../support/logger';
import { badTokens, stubSigningKeyFetch, TEST_APP_ID, validToken } from '../support/tokens';

const STORAGE_ACCOUNT_KEY = 'a2V5LU5vdEZvckxvZ3MtOTk=';

const SECRETS = {
  MicrosoftAppPassword: 'app-password-Zq81-not-for-logs',
  DIRECT_LINE_SECRET: 'direct-line-secret-Hk27-not-for-logs',
  HASH_SALT: 'salt-Wr55-not-for-logs',
  STATE_STORAGE_CONNECTION_STRING:
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${STORAGE_ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;`,
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

/** Everything written to the console or to stdout and stderr while it runs, as text. */
async function capturingOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string[] }> {
  const output: string[] = [];
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        output.push(logText(args));
      }),
    ),
    ...[process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }),
    ),
  ];
  try {
    return { result: await run(), output };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('secrets', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('never appear in logs, console output, responses or health, even when storage, auth and Direct Line fail', async () => {
    stubSigningKeyFetch();
    const logger = capturingLogger();
    const invocationLogs: string[] = [];
    /** Calls a handler with its own invocation context, keeping what it logged there. */
    const call = async (handler: HttpHandler, request: HttpRequest) => {
      const { context, logs } = invocation();
      try {
        return await handler(request, context);
      } finally {
        invocationLogs.push(...logs);
      }
    };
    const failing: Storage = {
      read: () => Promise.reject(new Error(`connect refused using ${SECRETS.STATE_STORAGE_CONNECTION_STRING.slice(0, 20)}`)),
      write: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    // The tokens a caller sends are its credentials: the genuine one most of all, and forged ones that the SDK reports on the console.
    const tokens = [validToken(), ...badTokens().map(([, authorization]) => authorization.replace(/^Bearer /, '')).filter((token) => token.length > 8)];

    const { result: responses, output } = await capturingOutput(async () => {
      const responses: unknown[] = [];
      const runtime = createRuntime({
        config: loadConfig({ ...SECRETS, MicrosoftAppId: TEST_APP_ID, DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9' }),
        kb: realKnowledgeBase(),
        logger,
        storage: new GuardedStorage(failing, logger, { timeoutMs: 200, cooldownMs: 0 }),
      });
      // Unauthenticated, malformed and forged requests: 401.
      responses.push(await call(runtime.messages, postRequest(expectRepliesActivity('what is iaas'))));
      responses.push(await call(runtime.messages, postRequest(expectRepliesActivity('what is iaas'), { authorization: 'Bearer forged.token.here' })));
      for (const [, authorization] of badTokens()) {
        responses.push(await call(runtime.messages, postRequest(expectRepliesActivity('what is iaas'), { authorization })));
      }
      // A genuine token: the turn runs with the app's credentials, and its storage fails.
      responses.push(await call(runtime.messages, postRequest(expectRepliesActivity('what is iaas'), { authorization: `Bearer ${validToken()}` })));
      // The same secrets on an open local endpoint: the bot runs, and its storage fails.
      const open = createRuntime({
        config: loadConfig({ ...SECRETS, DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9' }),
        kb: realKnowledgeBase(),
        logger,
        storage: new GuardedStorage(failing, logger, { timeoutMs: 200, cooldownMs: 0 }),
      });
      responses.push(await call(open.messages, postRequest(expectRepliesActivity('what is iaas'))));
      // Direct Line unreachable: 502.
      const token = createDirectLineTokenHandler(directLineTokenSource(SECRETS.DIRECT_LINE_SECRET, 'http://127.0.0.1:9', 500), new RateLimiter({ burst: 5, perMinute: 10 }), logger);
      responses.push(await call(token, new HttpRequest({ method: 'POST', url: 'http://localhost/api/directline/token' })));
      return responses;
    });

    // The paths that could leak were taken: refusals, failed storage under both runtimes, a failed Direct Line call, the SDK's console reports.
    expect(responses).toContainEqual(expect.objectContaining({ status: 401 }));
    expect(responses).toContainEqual(expect.objectContaining({ status: 502 }));
    expect(logger.lines.filter((line) => line.text.includes('State storage read failed')).length).toBeGreaterThanOrEqual(2);
    expect(invocationLogs.some((line) => line.startsWith('warning: Rejected request (401)'))).toBe(true);
    expect(output.some((line) => line.includes('Error finding key for token'))).toBe(true);

    // A bad configuration, as health reports it.
    const bad = checkConfig({ ...SECRETS, MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant' });
    const everything = JSON.stringify({ logs: logger.lines, invocationLogs, output, responses, problems: bad.ok ? [] : bad.problems });
    const secrets: [string, string][] = [
      ...Object.entries(SECRETS),
      ['the storage account key', STORAGE_ACCOUNT_KEY],
      ...tokens.map((token, index): [string, string] => [`bearer token ${index}`, token]),
    ];
    for (const [name, secret] of secrets) {
      expect({ name, leaked: everything.includes(secret) }).toEqual({ name, leaked: false });
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
