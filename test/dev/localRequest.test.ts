import { HttpRequest } from '@azure/functions';
import { localRequest, type LocalRequestInit } from '../../src/dev/localRequest';

/** The library's own request, made from the same parts, as the Functions worker makes it from the host's bytes. */
function libraryRequest(init: LocalRequestInit): HttpRequest {
  return new HttpRequest({ ...init, body: init.body === undefined ? undefined : { bytes: init.body } });
}

/** Every chunk of a stream, concatenated; rejects as the stream's reader does. */
async function readAll(stream: ReadableStream | null): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Errors from Node's own fetch classes come from another realm than Jest's globals: compare by name. */
const named = (name: string) => expect.objectContaining({ name }) as unknown;

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

const json = '{"type":"message","text":"what is paas – and saas?"}';
const post = (body: string = json): LocalRequestInit => ({
  method: 'POST',
  url: 'http://localhost:3978/api/messages?trace=1&trace=2',
  headers: { 'content-type': 'application/json', 'client-ip': '127.0.0.1' },
  params: { name: 'messages' },
  body: Buffer.from(body),
});

// The local server's request must give a handler what @azure/functions' HttpRequest gives it:
// every expectation runs against both.
describe.each([
  ['@azure/functions HttpRequest', libraryRequest],
  ['the local server request', localRequest],
])('%s', (_name, make) => {
  it('carries the method, URL, headers, query and route parameters', () => {
    const request = make(post());
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://localhost:3978/api/messages?trace=1&trace=2');
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(request.headers.get('client-ip')).toBe('127.0.0.1');
    expect(request.query.getAll('trace')).toEqual(['1', '2']);
    expect(request.params).toEqual({ name: 'messages' });
    expect(request.user).toBeNull();
  });

  it('reads the body once as text, and refuses a second read', async () => {
    const request = make(post());
    expect(request.bodyUsed).toBe(false);
    await expect(request.text()).resolves.toBe(json);
    expect(request.bodyUsed).toBe(true);
    await expect(request.text()).rejects.toEqual(named('TypeError'));
    await expect(request.json()).rejects.toEqual(named('TypeError'));
  });

  it('reads the body as JSON, bytes and a blob', async () => {
    await expect(make(post()).json()).resolves.toEqual(JSON.parse(json));
    expect(Buffer.from(await make(post()).arrayBuffer()).toString('utf8')).toBe(json);
    const blob = await make(post()).blob();
    await expect(blob.text()).resolves.toBe(json);
  });

  it('rejects a body that is not JSON when read as JSON', async () => {
    await expect(make(post('{"type":')).json()).rejects.toEqual(named('SyntaxError'));
  });

  it('streams the body', async () => {
    const request = make(post());
    await expect(readAll(request.body)).resolves.toBe(json);
    expect(request.bodyUsed).toBe(true);
  });

  it('parses a form', async () => {
    const form = await make({ ...post('a=1&b=two'), headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData();
    expect(form.get('b')).toBe('two');
  });

  it('has no body for a GET, and reads it as empty', async () => {
    const request = make({ method: 'GET', url: 'http://localhost:3978/api/health', headers: {} });
    expect(request.body).toBeNull();
    await expect(request.text()).resolves.toBe('');
  });

  it('uses the body when the stream is read, not when it is asked for', async () => {
    const asked = make(post());
    expect(asked.body).not.toBeNull();
    expect(asked.bodyUsed).toBe(false);
    await expect(asked.text()).resolves.toBe(json);

    const read = make(post());
    await read.text();
    expect(read.body).not.toBeNull();
    await expect(readAll(read.body)).rejects.toEqual(expect.anything());
  });

  it('reads a request without a body as empty, as often as asked', async () => {
    const request = make({ ...post(), body: undefined });
    expect(request.body).toBeNull();
    await expect(request.text()).resolves.toBe('');
    await expect(request.text()).resolves.toBe('');
    expect(request.bodyUsed).toBe(false);
  });

  it('normalises the method and the URL as Request does', () => {
    const request = make({ ...post(), method: 'post', url: 'http://LOCALHOST:3978/api/../api/messages' });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://localhost:3978/api/messages');
    expect(make({ ...post(), method: 'patch' }).method).toBe('patch');
  });

  it('clones an unread request, each copy read on its own, and refuses to clone a read one', async () => {
    const request = make(post());
    const copy = request.clone();
    await expect(copy.text()).resolves.toBe(json);
    await expect(request.text()).resolves.toBe(json);
    expect(thrownBy(() => request.clone())).toEqual(named('TypeError'));
  });
});

describe('the local server request alone', () => {
  it('has no user, even when the caller sends the header App Service authentication would set', () => {
    const principal = Buffer.from(JSON.stringify({ auth_typ: 'aad', claims: [], name_typ: 'name', role_typ: 'role' })).toString('base64');
    const headers = { ...post().headers, 'x-ms-client-principal': principal, 'x-ms-client-principal-id': 'id-1', 'x-ms-client-principal-name': 'mallory', 'x-ms-client-principal-idp': 'aad' };
    expect(libraryRequest({ ...post(), headers }).user).not.toBeNull();
    expect(localRequest({ ...post(), headers }).user).toBeNull();
  });
});
