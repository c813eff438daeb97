import { randomBytes } from 'node:crypto';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import type { Logger } from '../logger';
import { clientKey, type RateLimiter } from './rateLimiter';

/** What the page receives: enough to connect, never the secret. */
export interface ChatSession {
  token: string;
  userId: string;
  conversationId: string;
  expiresIn: number;
  /** The Direct Line base URL for `createDirectLine({ domain })`. */
  domain: string;
  webSocket: boolean;
}

/**
 * Issues a conversation token for a user id: the Direct Line service, or the local emulation,
 * which also needs the origin the page was loaded from, to point it back at the same server.
 */
export type TokenSource = (userId: string, origin: string) => Promise<Omit<ChatSession, 'userId'>>;

const GeneratedSchema = z.object({ conversationId: z.string().min(1), token: z.string().min(1), expires_in: z.number().int().positive() });

/** Raised when Direct Line refuses or fails; the page gets a 502 with a plain message. */
class UpstreamError extends Error {}

/**
 * Production: exchanges `DIRECT_LINE_SECRET` for a conversation token with Direct Line's
 * `tokens/generate`. The secret stays on the server; the base URL is configurable so that tests
 * can point it at a local fake.
 */
export function directLineTokenSource(secret: string, endpoint: string, timeoutMs = 5000): TokenSource {
  const base = endpoint.replace(/\/+$/, '');
  return async (userId) => {
    let response: Response;
    try {
      response = await fetch(`${base}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new UpstreamError('Direct Line did not answer', { cause: error });
    }
    if (!response.ok) throw new UpstreamError(`Direct Line answered ${String(response.status)}`);
    const generated = GeneratedSchema.safeParse(await response.json().catch(() => undefined));
    if (!generated.success) throw new UpstreamError('Direct Line sent an unexpected token response');
    return {
      token: generated.data.token,
      conversationId: generated.data.conversationId,
      expiresIn: generated.data.expires_in,
      domain: `${base}/v3/directline`,
      webSocket: true,
    };
  };
}

/**
 * The cookie that keeps a student's user id across visits, so that "my questions" finds the
 * questions they sent the teaching team last time, and an answer that came while they were away.
 * The id is made here and only ever read back from this cookie, which scripts cannot read
 * (`HttpOnly`) and other sites cannot send (`SameSite=Strict`): the page still cannot choose an id.
 */
export const STUDENT_COOKIE = 'cloudbot_student';
const USER_ID = /^dl_[0-9a-f]{24}$/;
/** A term's worth and more: long enough to ask before an exam about a question sent in week one. */
const STUDENT_COOKIE_SECONDS = 180 * 24 * 3600;

/** The user id a student's earlier visit was given, if their browser sent it back. */
function rememberedUserId(cookieHeader: string | null): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === STUDENT_COOKIE && value !== undefined && USER_ID.test(value)) return value;
  }
  return undefined;
}

/**
 * `POST /api/directline/token`: a token for the chat page, for a user id created here (the page
 * cannot choose one to impersonate) or the one this browser was given before, rate-limited per
 * client. 503 when no secret is configured.
 */
export function createDirectLineTokenHandler(
  source: TokenSource | undefined,
  limiter: RateLimiter,
  logger: Logger,
  /** Other sites that may ask for tokens (CORS); the app's own pages always may. */
  allowedOrigins: readonly string[] = [],
  /**
   * The app's own public origin, when the host knows it (`https://` and `WEBSITE_HOSTNAME` in
   * Azure). Behind Azure's front end the request URL may name an internal host or `http:`, which
   * the browser's `Origin` never matches; without it, the request URL's origin is the app's own.
   */
  ownOrigin?: string,
): HttpHandler {
  return async (request): Promise<HttpResponseInit> => {
    const own = ownOrigin ?? new URL(request.url).origin;
    const origin = request.headers.get('origin');
    const crossOrigin = origin !== null && origin !== own;
    if (crossOrigin && !allowedOrigins.includes(origin)) {
      return { status: 403, headers: SECURITY_HEADERS, jsonBody: { error: 'Chats cannot be started from this site.' } };
    }
    const headers = crossOrigin ? { ...SECURITY_HEADERS, 'access-control-allow-origin': origin, vary: 'Origin' } : SECURITY_HEADERS;
    const respond = (response: HttpResponseInit): HttpResponseInit => ({ ...response, headers: { ...headers, ...(response.headers as Record<string, string> | undefined) } });
    return respond(await issue(request, own));
  };

  async function issue(request: Parameters<HttpHandler>[0], own: string): Promise<HttpResponseInit> {
    if (!source) {
      return { status: 503, jsonBody: { error: 'Web Chat is not set up on this server: DIRECT_LINE_SECRET is not configured.' } };
    }
    const allowed = limiter.take(clientKey(request.headers));
    if (!allowed.ok) {
      return {
        status: 429,
        headers: { 'retry-after': String(allowed.retryAfterSeconds) },
        jsonBody: { error: 'Too many chat sessions started from here; please wait a moment.' },
      };
    }
    const userId = rememberedUserId(request.headers.get('cookie')) ?? `dl_${randomBytes(12).toString('hex')}`;
    try {
      const session: ChatSession = { ...(await source(userId, own)), userId };
      // Secure wherever the app is served over HTTPS; the local server is plain HTTP on loopback.
      const secure = own.startsWith('https:') ? '; Secure' : '';
      const cookie = `${STUDENT_COOKIE}=${userId}; Path=/api/directline; Max-Age=${String(STUDENT_COOKIE_SECONDS)}; HttpOnly; SameSite=Strict${secure}`;
      return { status: 200, headers: { 'set-cookie': cookie }, jsonBody: session };
    } catch (error) {
      logger.error('Could not get a Direct Line token.', error);
      return { status: 502, jsonBody: { error: 'CloudBot could not start a chat just now. Please try again shortly.' } };
    }
  }
}

/** A token is a credential: never cached, never sniffed as anything but JSON. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
