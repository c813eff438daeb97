import { HttpRequest, HttpResponse, type HttpResponseInit, InvocationContext } from '@azure/functions';
import { type RouteDefinition, routes } from '../../src/hosting/routes';
import { webChatBundle } from '../../src/web/webChatAsset';
import { expectRepliesActivity } from '../support/activities';
import { capturedConsole, INSTANCE_START_NOTICES } from '../support/console';

/** Each route's handler as the Functions host calls it, with a real request and invocation context. */
async function call(route: RouteDefinition, method: string): Promise<HttpResponseInit> {
  const { version } = webChatBundle();
  const request = new HttpRequest({
    method,
    url: `http://localhost/api/${route.route.replace('{version}', version)}`,
    headers: { 'content-type': 'application/json', 'client-ip': `198.51.100.${String(routes.indexOf(route))}` },
    params: { version },
    ...(method === 'POST' ? { body: { string: JSON.stringify(expectRepliesActivity('what is iaas')) } } : {}),
  });
  const response = await route.handler(request, new InvocationContext({ functionName: route.name, logHandler: () => undefined }));
  if (response instanceof HttpResponse) throw new Error('the handlers answer with plain objects');
  return response;
}

const headersOf = (response: HttpResponseInit) => Object.fromEntries(new Headers(response.headers));

/** How many bytes a response's body is sent as: our handlers write JSON, text or bytes. */
function bodyBytes(response: HttpResponseInit): number {
  if (response.jsonBody !== undefined) return Buffer.byteLength(JSON.stringify(response.jsonBody));
  if (typeof response.body === 'string') return Buffer.byteLength(response.body);
  if (response.body instanceof Uint8Array) return response.body.byteLength;
  throw new Error('a body of another kind');
}

// The instance behind the routes logs through the console.
const consoleLines = capturedConsole();

describe("every function's response", () => {
  it.each(routes.map((route) => [`${route.methods[0] ?? ''} /api/${route.route}`, route] as const))('%s says nosniff', async (_name, route) => {
    const response = await call(route, route.methods[0] ?? 'GET');
    expect(headersOf(response)).toMatchObject({ 'x-content-type-options': 'nosniff' });
  });
});

describe('HEAD on a function that answers GET', () => {
  const readable = routes.filter((route) => route.methods.includes('GET'));

  it('is every such function', () => {
    expect(readable.map((route) => [route.name, route.methods])).toEqual(readable.map((route) => [route.name, ['GET', 'HEAD']]));
  });

  it.each(readable.map((route) => [`/api/${route.route}`, route] as const))('%s answers as GET does, without the body', async (_name, route) => {
    const get = await call(route, 'GET');
    const head = await call(route, 'HEAD');
    expect(head.status ?? 200).toBe(get.status ?? 200);
    expect(head.body).toBeUndefined();
    expect(head.jsonBody).toBeUndefined();
    // The same headers, but for a page's per-response nonce; and the length of the body GET sent.
    const withoutNonce = (headers: Record<string, string>) => ({ ...headers, 'content-security-policy': headers['content-security-policy']?.replace(/'nonce-[^']+'/g, 'nonce') });
    expect(withoutNonce(headersOf(head))).toEqual(withoutNonce({ ...headersOf(get), 'content-length': String(bodyBytes(get)) }));
  });
});

describe('the instance behind the routes, built from an environment without an app id or storage', () => {
  it('says so once, at start, and nothing else while answering', async () => {
    for (const route of routes) await call(route, route.methods[0] ?? 'GET');
    expect(consoleLines).toEqual(INSTANCE_START_NOTICES);
  });
});
