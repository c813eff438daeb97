import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import type { Proactive } from '../bot/TeachingTeam';
import { toError } from '../errors';
import type { StoredConversationReference } from '../tickets/ticket';

/** The audience of the Bot Connector's public cloud, which Teams' service URLs belong to. */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * "Ask the teaching team"'s messages outside a turn, through the adapter's proactive calls:
 * `continueConversationAsync` into a stored conversation, `createConversationAsync` for a new post
 * in the staff channel. The adapter runs a proactive turn through its error handler, which would
 * swallow a refused send, so each send is caught inside the turn and thrown after it: the caller
 * must know whether the message arrived.
 */
export function adapterProactive(adapter: CloudAdapter, appId: string): Proactive {
  const sendIn = async (run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>, activity: Partial<Activity>) => {
    const outcome: { failure?: unknown } = {};
    await run(async (context) => {
      try {
        await context.sendActivity(activity);
      } catch (error) {
        outcome.failure = error;
      }
    });
    if (outcome.failure !== undefined) throw toError(outcome.failure);
  };
  return {
    send: (reference, activity) =>
      sendIn((logic) => adapter.continueConversationAsync(appId, conversationReference(reference), logic), activity),
    postToChannel: async ({ serviceUrl, channelId, tenantId }, activity) => {
      const parameters = {
        isGroup: true,
        bot: { id: appId, name: 'CloudBot' },
        channelData: { channel: { id: channelId }, ...(tenantId === undefined ? {} : { tenant: { id: tenantId } }) },
        ...(tenantId === undefined ? {} : { tenantId }),
        activity: { type: 'message', ...activity },
      } as ConversationParameters;
      // The post itself is the conversation's first activity; the turn that follows has nothing to add.
      await adapter.createConversationAsync(appId, 'msteams', serviceUrl, BOT_CONNECTOR_AUDIENCE, parameters, () => Promise.resolve());
    },
  };
}

/**
 * botbuilder's reference type from the stored one, which keeps every field the channel gave
 * (a Teams conversation's tenant id, say) but types only those a send needs.
 */
function conversationReference(stored: StoredConversationReference): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: { isGroup: false, conversationType: '', name: '', ...stored.conversation },
    bot: { name: '', ...stored.bot },
    ...(stored.user ? { user: { name: '', ...stored.user } } : {}),
    ...(stored.locale === undefined ? {} : { locale: stored.locale }),
  };
}
