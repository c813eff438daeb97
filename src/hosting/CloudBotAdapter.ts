import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * botbuilder's CloudAdapter with its turn entry point made public. `CloudAdapter.process` is
 * written for Express-style hosts: it re-validates a request body with zod schemas it builds anew
 * on every call, then writes the result to a response object. The Functions handler has already
 * parsed and validated the activity, so it calls the step after that directly: authenticate, run
 * the turn, and return its result (the replies of an `expectReplies` activity, or an invoke
 * response). Authentication, middleware and error handling are the adapter's own, unchanged.
 */
export class CloudBotAdapter extends CloudAdapter {
  /** Authenticates `authHeader` for the activity and runs `logic` as its turn; throws `AuthenticationError` when refused. */
  runTurn(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
