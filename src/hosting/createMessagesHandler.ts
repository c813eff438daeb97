import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { HttpError, toError } from '../errors';
import { readActivity } from './readActivity';
import { ResponseRecorder } from './ResponseRecorder';

export interface MessagesHandlerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  maxBodyBytes: number;
  /** With an app id configured, a request with no token is refused before the SDK sees it. */
  requireAuth: boolean;
}

/**
 * The Bot Framework endpoint: validates the request, hands it to `CloudAdapter.process`, and
 * returns whatever status and body the adapter produced. Only this invocation can fail.
 */
/** An HTTP handler that always answers with a plain response, never a streamed one. */
export type JsonHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export function createMessagesHandler(deps: MessagesHandlerDeps): JsonHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    try {
      if (request.method !== 'POST') {
        return { status: 405, headers: { allow: 'POST' }, jsonBody: { error: 'Use POST to send an activity.' } };
      }
      if (deps.requireAuth && !request.headers.get('authorization')) {
        throw new HttpError(401, 'A Bot Framework token is required.');
      }
      const activity = await readActivity(request, deps.maxBodyBytes);
      const recorder = new ResponseRecorder();
      await deps.adapter.process(
        { method: 'POST', headers: Object.fromEntries(request.headers), body: activity },
        recorder,
        (turn) => deps.bot.run(turn),
      );
      return withoutInternals(recorder.toResponse(), context);
    } catch (thrown) {
      return errorResponse(thrown, context);
    }
  };
}

/** The adapter puts exception messages in 401 and 500 bodies; a caller needs only the status. */
function withoutInternals(response: HttpResponseInit, context: InvocationContext): HttpResponseInit {
  const status = response.status ?? 200;
  if (status === 401) return { status, jsonBody: { error: 'The Bot Framework token is missing or invalid.' } };
  if (status >= 500) {
    context.error(`CloudAdapter answered ${status}:`, response.body ?? response.jsonBody);
    return { status, jsonBody: { error: 'CloudBot could not process this activity.' } };
  }
  return response;
}

function errorResponse(thrown: unknown, context: InvocationContext): HttpResponseInit {
  if (thrown instanceof HttpError) {
    context.warn(`Rejected request (${thrown.status}): ${thrown.message}`);
    return { status: thrown.status, jsonBody: { error: thrown.message } };
  }
  const error = toError(thrown);
  context.error(`Unexpected error in invocation ${context.invocationId}:`, error);
  return { status: 500, jsonBody: { error: 'CloudBot could not process this activity.' } };
}
