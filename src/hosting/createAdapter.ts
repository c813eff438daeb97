import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { toError } from '../errors';
import type { Logger } from '../logger';
import { CachingBotFrameworkAuthentication } from './cachingAuthentication';
import { CloudBotAdapter } from './CloudBotAdapter';

/** What a user reads when a turn fails: no stack trace, nothing for them to fix. */
export const TURN_ERROR_MESSAGE = 'Sorry, something went wrong on my side. Please try asking again in a moment.';

/**
 * Builds the CloudAdapter once per instance, authenticating with the configured app
 * registration. With no app id it accepts unauthenticated requests, as the Emulator sends.
 */
export function createAdapter(config: Config, logger: Logger): CloudBotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudBotAdapter(new CachingBotFrameworkAuthentication(auth));
  adapter.onTurnError = (context, error) => handleTurnError(context, error, logger);
  return adapter;
}

/** Logs the fault and tells the user, without ever throwing: a failed apology must not crash the host. */
export async function handleTurnError(context: TurnContext, thrown: unknown, logger: Logger): Promise<void> {
  const error = toError(thrown);
  logger.error(
    `Turn failed (channel ${context.activity.channelId}, conversation ${context.activity.conversation.id}):`,
    error,
  );
  try {
    await context.sendActivity(TURN_ERROR_MESSAGE);
  } catch (sendFailure) {
    logger.error('Could not tell the user about the failed turn:', toError(sendFailure));
  }
}
