import { type Activity, CloudAdapter, DeliveryModes, INVOKE_RESPONSE_KEY, type InvokeResponse, StatusCodes, type TurnContext } from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import { z } from 'zod';
import { withTimeout } from '../timeout';

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
 * Bot Framework's signing keys could not be had, so no token can be checked: an outage, answered
 * 503. `remembered` when the request was answered from a recent failure, without trying again;
 * `retryAfterSeconds` until the next try.
 */
export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
  constructor(
    message: string,
    readonly outage: { remembered: boolean; retryAfterSeconds: number },
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface SigningKeyOptions {
  /** A token check that waits longer for the keys is abandoned: a turn must answer within the channel's 15 s. */
  timeoutMs: number;
  /** After the keys failed to load, tokens are refused with 503 at once for this long, without another download. */
  cooldownMs: number;
  now?: () => number;
}

export const DEFAULT_SIGNING_KEY_OPTIONS: Readonly<SigningKeyOptions> = Object.freeze({ timeoutMs: 5000, cooldownMs: 10_000 });

/**
 * botbuilder's CloudAdapter, run through its public API. `CloudAdapter.process` is written for
 * Express-style hosts: it re-validates a request body with zod schemas it builds anew on every
 * call, then writes the result to a response object. The Functions handler has already parsed and
 * validated the activity, so it authenticates the request itself (with the adapter's
 * `BotFrameworkAuthentication`, every refused token reported as one error type, see
 * `authenticate`), hands the result to `processActivityDirect`, which runs the turn through the
 * middleware and `onTurnError` as `process` does, and reads the turn's result off the turn: the
 * replies of an `expectReplies` activity, or an invoke response.
 */
export class CloudBotAdapter extends CloudAdapter {
  private keysDownUntil = 0;
  private readonly now: () => number;

  constructor(
    private readonly authentication: BotFrameworkAuthentication,
    private readonly keys: SigningKeyOptions = DEFAULT_SIGNING_KEY_OPTIONS,
  ) {
    super(authentication);
    this.now = keys.now ?? Date.now;
  }

  /**
   * Authenticates `authHeader` for the activity and runs `logic` as its turn; throws
   * `TokenRefusedError` when the token is refused. A fault the turn's `onTurnError` does not take
   * (no connector for the service URL, a failing `onTurnError`) leaves `processActivityDirect` as
   * a plain `Error` with the original stack in its message, which the handler answers with 500.
   */
  async runTurn(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const authenticated = await this.authenticate(authHeader, activity);
    let turn: TurnRecord | undefined;
    await this.processActivityDirect(authenticated, activity, async (context) => {
      // botbuilder revokes the context when the turn ends, so what the result is read from is kept now.
      turn = { activity: context.activity, replies: context.bufferedReplyActivities, state: context.turnState };
      await logic(context);
    });
    return turn && turnResult(turn);
  }

  /**
   * botframework-connector refuses most bad tokens with an `AuthenticationError`, but lets
   * jsonwebtoken's own errors through unchanged (a bad signature, a disallowed algorithm, a token
   * not yet valid), which a host would answer with 500. Every refusal leaves here as one type.
   *
   * The signing keys failing to load is an outage, not a refusal. The library downloads them with
   * no timeout, and again for every token while they fail, so the wait is bounded here, and a
   * failure is remembered for a short while: tokens get a 503 at once instead of a download each.
   * A request without a token needs no keys and is never held up by their outage.
   */
  private async authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult> {
    const waitMs = this.keysDownUntil - this.now();
    if (authHeader !== '' && waitMs > 0) {
      throw new SigningKeysUnavailableError("Bot Framework's signing keys failed to load moments ago; not trying again yet.", {
        remembered: true,
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    const fresh = { remembered: false, retryAfterSeconds: Math.ceil(this.keys.cooldownMs / 1000) };
    try {
      return await withTimeout(
        this.authentication.authenticateRequest(activity, authHeader),
        this.keys.timeoutMs,
        () => new SigningKeysUnavailableError(`Bot Framework's signing keys did not load within ${String(this.keys.timeoutMs)} ms.`, fresh),
      );
    } catch (thrown) {
      if (isRefusal(thrown)) throw new TokenRefusedError(oneLine(thrown.message), { cause: thrown });
      if (!(thrown instanceof SigningKeysUnavailableError) && !isKeyDownloadFailure(thrown)) throw thrown;
      this.keysDownUntil = this.now() + this.keys.cooldownMs;
      if (thrown instanceof SigningKeysUnavailableError) throw thrown;
      throw new SigningKeysUnavailableError(`Bot Framework's signing keys failed to load: ${oneLine(thrown.message)}`, fresh, { cause: thrown });
    }
  }
}

/** The `invokeResponse` activity a handler leaves on the turn under `INVOKE_RESPONSE_KEY`. */
const InvokeResponseActivity = z.object({ value: z.object({ status: z.number().int(), body: z.unknown() }) });

/** What a turn's HTTP answer is read from: the objects themselves, which outlive the turn's context. */
interface TurnRecord {
  activity: Activity;
  replies: Partial<Activity>[];
  state: TurnContext['turnState'];
}

/**
 * What the turn answers over HTTP, as the SDK's `CloudAdapter.process` answers it (its
 * `processTurnResults`, which `processActivityDirect` runs but does not return): the buffered
 * replies of an `expectReplies` activity, the invoke response an invoke left on the turn (501
 * when it left none), else nothing but 200. The replies are those of the turn, so a reply sent by
 * `onTurnError` after a failure is among them.
 */
function turnResult(turn: TurnRecord): InvokeResponse | undefined {
  if (turn.activity.deliveryMode === DeliveryModes.ExpectReplies) {
    return { status: StatusCodes.OK, body: { activities: turn.replies } };
  }
  if (turn.activity.type === 'invoke') {
    const invoked = InvokeResponseActivity.safeParse(turn.state.get(INVOKE_RESPONSE_KEY));
    return invoked.success ? invoked.data.value : { status: StatusCodes.NOT_IMPLEMENTED };
  }
  return undefined;
}

function isRefusal(thrown: unknown): thrown is Error {
  if (thrown instanceof AuthenticationError) return thrown.statusCode < 500;
  return thrown instanceof Error && JWT_FAILURES.has(thrown.name);
}

/**
 * How the key download fails: the metadata or key set answered with an error status (an
 * `AuthenticationError` with a 5xx status), or node-fetch, which downloads them, could not
 * connect or read the answer (its documented `FetchError`).
 */
function isKeyDownloadFailure(thrown: unknown): thrown is Error {
  if (thrown instanceof AuthenticationError) return thrown.statusCode >= 500;
  return thrown instanceof Error && thrown.name === 'FetchError';
}

/** The reason as one short line, so that a claim quoted from the token cannot forge log lines. */
function oneLine(reason: string): string {
  const flat = reason.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return flat.length > MAX_REASON_CHARS ? `${flat.slice(0, MAX_REASON_CHARS)}…` : flat;
}
