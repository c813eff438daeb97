import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type HttpHandler, HttpRequest, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { Logger } from '../logger';
import { LOCAL_STAFF_MARK } from '../tickets/localStaff';
import { decodePathSegment } from './decodePathSegment';
import type { TokenSource } from '../web/directLineToken';

/** Where the bot's replies come back to: the connector (`serviceUrl`) this emulation plays. */
const CONNECTOR_PREFIX = '/directline-connector';
const DIRECT_LINE_PREFIX = '/v3/directline';
const TOKEN_LIFETIME_SECONDS = 3600;
/** A local tool, but still bounded: an open tab must not grow memory for ever. */
const MAX_ACTIVITIES_PER_CONVERSATION = 1000;
const MAX_CONVERSATIONS = 1000;

interface LocalConversation {
  id: string;
  userId: string;
  /**
   * The secret in the `serviceUrl` the bot is given for this conversation: the bot posts its
   * replies under it, and no one else knows it. With no app id, as `npm start` runs, the bot sends
   * its replies without a token; with one, it would send an Entra ID token, which cannot be checked
   * here without going online. So the connector accepts a post only under this key.
   */
  connectorKey: string;
  activities: Record<string, unknown>[];
  /** Set for a conversation of the `/staff` page: the member of staff, by the name the page gave. */
  staff?: { name: string };
}

/** Who a conversation is for: a student (the chat page), or a named member of staff (the `/staff` page). */
export interface LocalAudience {
  staffName?: string;
}

export interface LocalReply {
  status: number;
  body: unknown;
}

const MALFORMED_PATH: LocalReply = { status: 400, body: { error: { code: 'BadArgument', message: 'The path has a malformed percent-escape.' } } };

/** An activity as Web Chat posts it: we keep its fields and add the ones a channel adds. */
const IncomingActivitySchema = z.looseObject({ type: z.string().min(1) });
/** `channelData`, when a page sends an object; anything else is dropped, as a channel would not pass it on. */
const ChannelDataSchema = z.record(z.string(), z.unknown()).catch({});

/**
 * A Direct Line 3.0-compatible endpoint for `npm start`, so that the chat page works on a laptop
 * with the real `createDirectLine({ domain, token, webSocket: false })` client, polling. It hands
 * each activity to the same `/api/messages` handler the Functions host calls, and plays the
 * connector (`serviceUrl`) that receives the bot's replies: the bot's code path is exactly the
 * one production channels use.
 */
export class LocalDirectLine {
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly tokens = new Map<string, { userId: string; conversationId: string }>();

  constructor(
    private readonly messages: HttpHandler,
    private readonly logger: Logger,
  ) {}

  /**
   * The token source behind `POST /api/directline/token` when there is no Direct Line secret, and,
   * with a staff name, behind the `/staff` page's local-only token endpoint.
   */
  tokenSource(audience: LocalAudience = {}): TokenSource {
    return (userId, origin) => {
      const conversationId = randomUUID();
      this.conversations.set(conversationId, {
        id: conversationId,
        userId,
        connectorKey: randomBytes(24).toString('base64url'),
        activities: [],
        ...(audience.staffName === undefined ? {} : { staff: { name: audience.staffName } }),
      });
      if (this.conversations.size > MAX_CONVERSATIONS) {
        const oldest = this.conversations.keys().next().value;
        if (oldest !== undefined) this.conversations.delete(oldest);
      }
      const token = this.issue(userId, conversationId);
      return Promise.resolve({ token, conversationId, expiresIn: TOKEN_LIFETIME_SECONDS, domain: `${origin}${DIRECT_LINE_PREFIX}`, webSocket: false });
    };
  }

  /** Whether this emulation serves the path. */
  handles(pathname: string): boolean {
    return pathname.startsWith(`${DIRECT_LINE_PREFIX}/`) || pathname.startsWith(`${CONNECTOR_PREFIX}/`);
  }

  /** One request to the emulated Direct Line API or connector. */
  async serve(method: string, url: URL, headers: Headers, body: Buffer, origin: string): Promise<LocalReply> {
    const path = url.pathname;
    const connector = new RegExp(`^${CONNECTOR_PREFIX}/([^/]+)/v3/conversations/([^/]+)/activities(?:/[^/]+)?$`).exec(path);
    if (connector && method === 'POST') {
      const conversationId = decodePathSegment(connector[2] ?? '');
      return conversationId === undefined ? MALFORMED_PATH : this.fromBot(connector[1] ?? '', conversationId, body);
    }
    if (path.startsWith(`${CONNECTOR_PREFIX}/`)) return { status: 404, body: { error: { code: 'BadArgument', message: 'The connector takes only replies, under their conversation.' } } };

    const auth = this.authorise(headers);
    if (!auth) return { status: 403, body: { error: { code: 'BadArgument', message: 'A valid token is required.' } } };

    if (path === `${DIRECT_LINE_PREFIX}/tokens/refresh` && method === 'POST') {
      return { status: 200, body: { conversationId: auth.conversationId, token: this.issue(auth.userId, auth.conversationId), expires_in: TOKEN_LIFETIME_SECONDS } };
    }
    if (path === `${DIRECT_LINE_PREFIX}/conversations` && method === 'POST') {
      return { status: 201, body: { conversationId: auth.conversationId, token: auth.token, expires_in: TOKEN_LIFETIME_SECONDS } };
    }
    const activities = new RegExp(`^${DIRECT_LINE_PREFIX}/conversations/([^/]+)/activities$`).exec(path);
    const conversationId = activities ? decodePathSegment(activities[1] ?? '') : undefined;
    if (activities && conversationId === undefined) return MALFORMED_PATH;
    const conversation = conversationId === undefined ? undefined : this.conversations.get(conversationId);
    if (conversation?.id !== auth.conversationId) return { status: 404, body: { error: { code: 'BadArgument', message: 'No such conversation.' } } };
    if (method === 'GET') {
      const watermark = Math.max(0, Number.parseInt(url.searchParams.get('watermark') ?? '0', 10) || 0);
      return { status: 200, body: { activities: conversation.activities.slice(watermark), watermark: String(conversation.activities.length) } };
    }
    if (method === 'POST') return this.fromUser(conversation, body, origin);
    return { status: 405, body: { error: { code: 'BadArgument', message: 'Method not allowed.' } } };
  }

  private issue(userId: string, conversationId: string): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { userId, conversationId });
    return token;
  }

  private authorise(headers: Headers): { token: string; userId: string; conversationId: string } | undefined {
    const token = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1];
    const grant = token === undefined ? undefined : this.tokens.get(token);
    return token !== undefined && grant ? { token, ...grant } : undefined;
  }

  /** Records an activity for the page to poll, without its `serviceUrl`, which holds the connector's key. */
  private append(conversation: LocalConversation, activity: Record<string, unknown>): string {
    const id = `${conversation.id}|${String(conversation.activities.length).padStart(7, '0')}`;
    const visible = Object.fromEntries(Object.entries(activity).filter(([name]) => name !== 'serviceUrl'));
    conversation.activities.push({ ...visible, id, timestamp: new Date().toISOString() });
    if (conversation.activities.length > MAX_ACTIVITIES_PER_CONVERSATION) conversation.activities.shift();
    return id;
  }

  /**
   * The student's (or staff member's) activity: recorded (Web Chat waits for its echo), then handed
   * to the bot. The staff mark is the emulation's to set, as only Teams can say who is in the staff
   * channel: a page's own is removed, and a `/staff` conversation's activities all carry it.
   */
  private async fromUser(conversation: LocalConversation, body: Buffer, origin: string): Promise<LocalReply> {
    const incoming = parseActivity(body);
    if (!incoming.ok) return incoming.reply;
    const sent = ChannelDataSchema.parse(incoming.activity.channelData ?? {});
    const channelData = Object.fromEntries(Object.entries(sent).filter(([name]) => name !== LOCAL_STAFF_MARK));
    const activity = {
      ...incoming.activity,
      channelId: 'directline',
      serviceUrl: `${origin}${CONNECTOR_PREFIX}/${conversation.connectorKey}`,
      conversation: { id: conversation.id },
      channelData: conversation.staff ? { ...channelData, [LOCAL_STAFF_MARK]: true } : channelData,
      from: { id: conversation.userId, name: conversation.staff?.name ?? 'Student', role: 'user' },
      recipient: { id: 'cloudbot', name: 'CloudBot', role: 'bot' },
    };
    const id = this.append(conversation, activity);
    const response = await this.messages(
      new HttpRequest({
        method: 'POST',
        url: `${origin}/api/messages`,
        headers: { 'content-type': 'application/json' },
        body: { string: JSON.stringify({ ...activity, id }) },
      }),
      new InvocationContext({ functionName: 'messages', invocationId: randomUUID(), logHandler: () => undefined }),
    );
    if ((response.status ?? 200) >= 400) this.logger.warn(`The bot answered a Direct Line activity with ${String(response.status)}.`);
    return { status: 200, body: { id } };
  }

  /** A reply the bot posted to its `serviceUrl`, under the conversation's key, for the page to pick up when it next polls. */
  private fromBot(key: string, conversationId: string, body: Buffer): LocalReply {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return { status: 404, body: { error: { code: 'BadArgument', message: 'No such conversation.' } } };
    if (!sameSecret(key, conversation.connectorKey)) {
      return { status: 401, body: { error: { code: 'Unauthorized', message: 'Only the bot may post to this conversation.' } } };
    }
    const parsed = parseActivity(body);
    return parsed.ok ? { status: 200, body: { id: this.append(conversation, parsed.activity) } } : parsed.reply;
  }
}

/** An activity from either side, or the 400 Direct Line would answer. */
function parseActivity(body: Buffer): { ok: true; activity: Record<string, unknown> } | { ok: false; reply: LocalReply } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, reply: { status: 400, body: { error: { code: 'BadArgument', message: 'The body is not JSON.' } } } };
  }
  const activity = IncomingActivitySchema.safeParse(parsed);
  if (activity.success) return { ok: true, activity: activity.data };
  return { ok: false, reply: { status: 400, body: { error: { code: 'BadArgument', message: 'An activity needs a type.' } } } };
}

/** Compares a key in constant time, so that how long a refusal takes says nothing about the key. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
