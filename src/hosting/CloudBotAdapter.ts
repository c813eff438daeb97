import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationError } from 'botframework-connector';

/**
 * What jsonwebtoken names its verification failures (bad signature, algorithm or claim, expired,
 * not yet valid). It is botframework-connector's dependency, not ours, so its classes are not
 * imported; the names are part of its documented API.
 */
const JWT_FAILURES: ReadonlySet<string> = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** The longest library reason that is passed on; some quote a claim of the caller's own token. */
const MAX_REASON_CHARS = 160;

/** A request's token was refused: the caller's fault, answered 401. The message is the library's reason, on one line. */
export class TokenRefusedError extends Error {
  override readonly name = 'TokenRefusedError';
}

/**
 * botbuilder's CloudAdapter with its turn entry point made public. `CloudAdapter.process` is
 * written for Express-style hosts: it re-validates a request body with zod schemas it builds anew
 * on every call, then writes the result to a response object. The Functions handler has already
 * parsed and validated the activity, so it calls the step after that directly: authenticate, run
 * the turn, and return its result (the replies of an `expectReplies` activity, or an invoke
 * response). Authentication is the adapter's own, with every refused token reported as one
 * error type (see `authenticate`); middleware and error handling are unchanged.
 */
export class CloudBotAdapter extends CloudAdapter {
  /** Authenticates `authHeader` for the activity and runs `logic` as its turn; throws `TokenRefusedError` when the token is refused. */
  async runTurn(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const authenticated = await this.authenticate(authHeader, activity);
    return this.processActivity(authenticated, activity, logic);
  }

  /**
   * botframework-connector refuses most bad tokens with an `AuthenticationError`, but lets
   * jsonwebtoken's own errors through unchanged (a bad signature, a disallowed algorithm, a token
   * not yet valid), which a host would answer with 500. Every refusal leaves here as one type. What
   * is not a refusal, such as the signing keys failing to load (an `AuthenticationError` with a 5xx
   * status), is an outage and propagates as it is.
   */
  private async authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult> {
    try {
      return await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (thrown) {
      if (isRefusal(thrown)) throw new TokenRefusedError(oneLine(thrown.message), { cause: thrown });
      throw thrown;
    }
  }
}

function isRefusal(thrown: unknown): thrown is Error {
  if (thrown instanceof AuthenticationError) return thrown.statusCode < 500;
  return thrown instanceof Error && JWT_FAILURES.has(thrown.name);
}

/** The reason as one short line, so that a claim quoted from the token cannot forge log lines. */
function oneLine(reason: string): string {
  const flat = reason.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return flat.length > MAX_REASON_CHARS ? `${flat.slice(0, MAX_REASON_CHARS)}…` : flat;
}
