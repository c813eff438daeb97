import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpRequest, type HttpResponseInit, InvocationContext, type InvocationContextInit } from '@azure/functions';
import { toError } from '../errors';
import type { Logger } from '../logger';
import { decodePathSegment } from './decodePathSegment';
import type { LocalDirectLine } from './localDirectLine';
import type { RouteDefinition } from '../hosting/routes';

export interface LocalServerOptions {
  routes: readonly RouteDefinition[];
  /** Routine events, such as a client that went away, go to its debug level. */
  logger: Logger;
  /** Bodies over this are refused with 413 while still streaming in, before they fill memory. */
  maxBodyBytes: number;
  /** Paths outside `/api` that a route also serves, by route name: `/` is the chat page. */
  aliases?: Readonly<Record<string, string>>;
  /** The local Direct Line emulation, for the chat page without Azure. */
  directLine?: LocalDirectLine;
}

/** The client closed the connection before its request body was complete. */
class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
  constructor(readonly path: string) {
    super(`client went away during the request body of ${path}`);
  }
}

const MALFORMED_PATH = 'The path has a malformed percent-escape.';

const compiled = new Map<string, { pattern: RegExp; names: string[] }>();

/** A route's path pattern as a regular expression, compiled once; `{name}` segments become parameters. */
function matcherFor(route: string): { pattern: RegExp; names: string[] } {
  const known = compiled.get(route);
  if (known) return known;
  const names: string[] = [];
  const source = route
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  const matcher = { pattern: new RegExp(`^/api/${source}$`), names };
  compiled.set(route, matcher);
  return matcher;
}

/** The route serving a path, and its parameters decoded; `params` is undefined when one of them is not valid percent-encoding. */
function findRoute(options: LocalServerOptions, pathname: string): { route: RouteDefinition; params: Record<string, string> | undefined } | undefined {
  const alias = options.aliases?.[pathname];
  if (alias !== undefined) {
    const route = options.routes.find((candidate) => candidate.name === alias);
    return route ? { route, params: {} } : undefined;
  }
  for (const route of options.routes) {
    const { pattern, names } = matcherFor(route.route);
    const match = pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [index, name] of names.entries()) {
      const value = decodePathSegment(match[index + 1] ?? '');
      if (value === undefined) return { route, params: undefined };
      params[name] = value;
    }
    return { route, params };
  }
  return undefined;
}

/**
 * A stand-in for the Functions host: serves each route at `/api/<route>` by converting Node's
 * request to `@azure/functions`' own `HttpRequest`, calling the same handler the host calls, and writing its
 * `HttpResponseInit` back. No logic of its own beyond routing.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  const logHandler = invocationLogHandler(options.logger);
  return createServer((req, res) => {
    // On every answer, the server's own (404, 405, 413, the Direct Line emulation) as well as the functions'.
    res.setHeader('x-content-type-options', 'nosniff');
    serve(req, res, options, logHandler).catch((thrown: unknown) => {
      if (thrown instanceof ClientGoneError) {
        // Nothing to answer, and nothing wrong here: one line, where debug lines go.
        options.logger.debug(`Client went away before sending the whole request body (${req.method ?? 'GET'} ${thrown.path}).`);
        res.destroy();
        return;
      }
      options.logger.error('Local server failed to answer a request:', toError(thrown));
      if (!res.headersSent) writeJson(res, 500, { error: 'Internal error.' });
      else res.destroy();
    });
  });
}

/** Invocation logs go to the server's logger, warnings and errors only, as the Functions host shows them. */
function invocationLogHandler(logger: Logger): InvocationContextInit['logHandler'] {
  return (level, ...args) => {
    if (level === 'error' || level === 'critical') logger.error(String(args[0]), ...args.slice(1));
    else if (level === 'warning') logger.warn(String(args[0]), ...args.slice(1));
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, options: LocalServerOptions, logHandler: InvocationContextInit['logHandler']): Promise<void> {
  const url = URL.canParse(req.url ?? '/', 'http://localhost') ? new URL(req.url ?? '/', 'http://localhost') : undefined;
  if (!url) { writeJson(res, 400, { error: 'The request target is not a valid URL.' }); return; }
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  if (options.directLine?.handles(url.pathname)) {
    const body = await readBody(req, options.maxBodyBytes);
    if (body === 'too-large') { refuseTooLarge(res, options.maxBodyBytes); return; }
    const reply = await options.directLine.serve((req.method ?? 'GET').toUpperCase(), url, new Headers(headersOf(req)), body, origin);
    writeJson(res, reply.status, reply.body);
    return;
  }
  const found = findRoute(options, url.pathname);
  if (!found) { writeJson(res, 404, { error: `No function at ${url.pathname}.` }); return; }
  const { route, params } = found;

  const method = (req.method ?? 'GET').toUpperCase();
  if (!route.methods.some((allowed) => allowed === method)) {
    res.setHeader('allow', route.methods.join(', '));
    writeJson(res, 405, { error: `Use ${route.methods.join(' or ')} for ${url.pathname}.` }); return;
  }
  if (!params) { writeJson(res, 400, { error: MALFORMED_PATH }); return; }

  const body = await readBody(req, options.maxBodyBytes);
  if (body === 'too-large') { refuseTooLarge(res, options.maxBodyBytes); return; }

  // The query comes from the URL, repeated keys and all.
  const request = new HttpRequest({
    method,
    url: url.toString().replace('http://localhost', origin),
    headers: headersOf(req),
    params,
    body: { bytes: body },
  });
  const context = new InvocationContext({
    functionName: route.name,
    invocationId: randomUUID(),
    logHandler,
  });
  writeResponse(res, await route.handler(request, context));
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // As Azure's front end does: the peer's address, replacing whatever the client sent, because
  // rate limits count clients by it.
  headers['client-ip'] = req.socket.remoteAddress ?? '';
  return headers;
}

/**
 * The request body, read only as far as `limit`. A body declared larger is not read at all, and
 * reading stops at the chunk that passes the limit: a chunked body of any length, endless even,
 * costs at most the limit before the 413.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  if (Number(req.headers['content-length'] ?? '0') > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) { chunks.push(chunk); return; }
      stop();
      req.pause();
      resolve('too-large');
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    // A client that disconnects mid-body makes the request emit 'error' ("aborted"); any other error is the same to us.
    const onError = () => {
      stop();
      reject(new ClientGoneError(pathOf(req)));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The request's path without its query, which may be long or carry something private. */
function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

/** 413, and the connection closed after it: the rest of the body is never read. */
function refuseTooLarge(res: ServerResponse, limit: number): void {
  res.setHeader('connection', 'close');
  writeJson(res, 413, { error: `The request body is larger than the ${String(limit)}-byte limit.` });
}

function writeResponse(res: ServerResponse, response: HttpResponseInit): void {
  const headers = new Headers(response.headers);
  let payload: string | Uint8Array | undefined;
  if (response.jsonBody !== undefined) {
    payload = JSON.stringify(response.jsonBody);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  } else if (typeof response.body === 'string') {
    payload = response.body;
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
  } else if (response.body instanceof Uint8Array) {
    payload = response.body;
  } else if (response.body !== undefined && response.body !== null) {
    // Our handlers return strings, JSON or bytes; a stream here is a programming error.
    throw new Error('Unsupported response body type');
  }
  headers.forEach((value, name) => res.setHeader(name, value));
  res.statusCode = response.status ?? 200;
  res.end(payload);
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
