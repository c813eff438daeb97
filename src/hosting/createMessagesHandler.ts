import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ActivityHandler, ActivityTimestamps, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { HttpError, toError } from '../errors';
import { type CloudBotAdapter, SigningKeysUnavailableError, TokenRefusedError } from './CloudBotAdapter';
import { readActivity } from './readActivity';

export interface MessagesHandlerDeps {
  adapter: CloudBotAdapter;
  bot: ActivityHandler;
  maxBodyBytes: number;
  /** With an app id configured, a request without a well-formed token is refused before the SDK sees it. */
  requireAuth: boolean;
}

/** A compact JWT after the scheme the SDK expects: three base64url segments, the signature not empty. */
const BEARER_JWT = /^Bearer ([\w-]+)\.([\w-]+)\.[\w-]+$/;

/** What a JWT's header and payload must each decode to. */
const JsonObject = z.record(z.string(), z.unknown());

/** An HTTP handler that always answers with a plain response, never a streamed one. */
export type JsonHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * The Bot Framework endpoint: validates the request, authenticates it and runs the turn through
 * the adapter, and returns the status and body of the turn's result (the replies, for an
 * `expectReplies` activity). Only this invocation can fail.
 *
 * It runs the turn with `CloudBotAdapter.runTurn`, not `CloudAdapter.process`, which re-checks
 * the body we have just validated with zod schemas it builds anew on every request: about a
 * tenth of a turn's CPU and allocations. What else `process` does, this does too: the same
 * activity fix-up (`withDates`), the same authentication, the same statuses, but one: every
 * refused token is a 401, where `process` answers some of them (a bad signature, a token not yet
 * valid) with 500.
 */
export function createMessagesHandler(deps: MessagesHandlerDeps): JsonHandler {
  const logic = (turn: TurnContext) => deps.bot.run(turn);
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    try {
      if (request.method !== 'POST') {
        return { status: 405, headers: { allow: 'POST' }, jsonBody: { error: 'Use POST to send an activity.' } };
      }
      const authHeader = request.headers.get('authorization');
      // A token sent without an app id configured is still checked by the SDK, so it must be well formed too.
      if (deps.requireAuth || authHeader) checkTokenShape(authHeader);
      // The schema has checked every field the SDK relies on.
      const activity = withDates((await readActivity(request, deps.maxBodyBytes)) as unknown as ActivityTimestamps);
      const result = await deps.adapter.runTurn(authHeader ?? '', activity, logic);
      return turnResponse(result?.status ?? 200, result?.body);
    } catch (thrown) {
      return errorResponse(thrown, context);
    }
  };
}

/**
 * The activity's timestamps as the SDK reads them: `CloudAdapter.process` turns `timestamp`,
 * `localTimestamp` and `expiration` into dates and keeps the text it was sent in `raw…` (in
 * `validateAndFixActivity`, which botbuilder does not export), and replies and transcripts read
 * them so. The same here, on the activity just parsed, which nothing else holds.
 */
function withDates(activity: ActivityTimestamps): ActivityTimestamps {
  const fields = [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const;
  for (const [field, raw] of fields) {
    const sent: unknown = activity[field];
    if (typeof sent === 'string') {
      activity[raw] = sent;
      activity[field] = new Date(sent);
    }
  }
  return activity;
}

/**
 * Refuses a missing or malformed token with 401 before the SDK sees it. The SDK decodes the token
 * before it checks anything, and a payload that is not JSON makes that decoding throw a bare
 * `SyntaxError`, which nothing could tell from a fault of ours.
 */
function checkTokenShape(authHeader: string | null): void {
  if (!authHeader) throw new HttpError(401, 'A Bot Framework token is required.');
  const segments = BEARER_JWT.exec(authHeader);
  if (!segments || !decodesToObject(segments[1]) || !decodesToObject(segments[2])) {
    throw new HttpError(401, 'The Bot Framework token is malformed: send "Bearer" and a signed JWT.');
  }
}

function decodesToObject(segment: string | undefined): boolean {
  if (segment === undefined) return false;
  try {
    return JsonObject.safeParse(JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))).success;
  } catch {
    return false;
  }
}

/** The turn's result as `CloudAdapter.process` would have written it: a body only when there is one. */
function turnResponse(status: number, body: unknown): HttpResponseInit {
  if (body === undefined || body === null || body === '') return { status };
  if (typeof body === 'string') return { status, body };
  return { status, jsonBody: body };
}

/** Expected failures keep their status and a short reason, logged as warnings; only an unexpected fault is an error, and says nothing internal. */
function errorResponse(thrown: unknown, context: InvocationContext): HttpResponseInit {
  if (thrown instanceof HttpError) {
    context.warn(`Rejected request (${thrown.status}): ${thrown.message}`);
    return { status: thrown.status, jsonBody: { error: thrown.message } };
  }
  if (thrown instanceof TokenRefusedError) {
    // The library's reason only: the token is the caller's credential, and a stack says nothing here.
    context.warn(`Rejected request (401): the Bot Framework token was refused (${thrown.message}).`);
    return { status: 401, jsonBody: { error: `The Bot Framework token was refused: ${thrown.message}` } };
  }
  if (thrown instanceof SigningKeysUnavailableError) {
    // One line, no stack: the reason is all there is to know. Logged as an error when the outage is found, a warning while it is remembered.
    if (thrown.outage.remembered) context.warn(`Answered 503: ${thrown.message}`);
    else context.error(`Answered 503: ${thrown.message}`);
    return {
      status: 503,
      headers: { 'retry-after': String(thrown.outage.retryAfterSeconds) },
      jsonBody: { error: 'CloudBot cannot check Bot Framework tokens just now. Please try again shortly.' },
    };
  }
  const error = toError(thrown);
  context.error(`Unexpected error in invocation ${context.invocationId}:`, error);
  return { status: 500, jsonBody: { error: 'CloudBot could not process this activity.' } };
}
