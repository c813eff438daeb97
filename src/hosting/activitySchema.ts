import { z } from 'zod';

/**
 * What an incoming activity must look like before botbuilder sees it. Loose: channels add
 * fields of their own (Teams' channelData, Web Chat's locale), and those pass through untouched.
 * Strict where a bad value would otherwise surface as a 500 deep inside the SDK, or fail the turn.
 */
const Account = z.looseObject({
  // User state is keyed by `from.id`, and botbuilder refuses an empty one.
  id: z.string().min(1, 'must not be empty').max(1024),
  name: z.string().max(1024).nullish(),
});

const isMention = (entity: { type: string }) => entity.type.toLowerCase() === 'mention';

// botbuilder takes every entity typed "mention", in any case, for a mention and reads `mentioned.id`.
const Entity = z
  .looseObject({ type: z.string().max(256) })
  .refine((entity) => !isMention(entity) || Account.safeParse(entity.mentioned).success, {
    error: 'a mention must name who it mentions (mentioned.id)',
    path: ['mentioned'],
  })
  // …and cuts a mention's `text` out of the message as a string: any other type fails the turn.
  .refine((entity) => !isMention(entity) || entity.text === undefined || typeof entity.text === 'string', {
    error: "a mention's text must be a string",
    path: ['text'],
  });

/** Any JSON object, whatever its fields (not an array). */
const AnyObject = z.looseObject({});
const CardActionValue = z.looseObject({ action: AnyObject });

export const ActivitySchema = z
  .looseObject({
    type: z.string().min(1, 'must not be empty').max(64),
    id: z.string().max(1024).nullish(),
    // Conversation state is keyed by channel and conversation: without both, no turn can run.
    channelId: z.string().min(1, 'must not be empty').max(256),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048).nullish(),
    // Long text is not an error: the body limit bounds it and the bot cuts it before matching.
    text: z.string().nullish(),
    // The Bot Framework protocol requires these three on every activity; the SDK assumes them.
    from: Account,
    recipient: Account,
    conversation: z.looseObject({ id: z.string().min(1, 'must not be empty').max(2048) }),
    membersAdded: z.array(Account).max(256).nullish(),
    membersRemoved: z.array(Account).max(256).nullish(),
    // Not null: the SDK tells "no entities" by `undefined` alone.
    entities: z.array(Entity).max(64).optional(),
    deliveryMode: z.string().max(64).nullish(),
    name: z.string().max(256).nullish(),
  })
  // The SDK cuts a mention of the bot out of `text`, which must then be there to cut it from.
  .refine(
    (activity) =>
      typeof activity.text === 'string' ||
      !(activity.entities ?? []).some((entity) => isMention(entity) && Account.safeParse(entity.mentioned).data?.id === activity.recipient.id),
    { error: 'must be a string when the activity mentions the bot', path: ['text'] },
  )
  // CloudBot handles no invoke, but botbuilder parses these two before answering 501, reading
  // `value.action.type` and the search query's fields unchecked: a bad value fails the turn.
  .refine((activity) => !isInvoke(activity, 'adaptiveCard/action') || !activity.value || CardActionValue.safeParse(activity.value).success, {
    error: 'an adaptiveCard/action invoke needs value.action to be an object',
    path: ['value', 'action'],
  })
  .refine((activity) => !isInvoke(activity, 'application/search') || !activity.value || AnyObject.safeParse(activity.value).success, {
    error: 'an application/search invoke needs value to be an object',
    path: ['value'],
  });

function isInvoke(activity: { type: string; name?: string | null }, name: string): boolean {
  return activity.type === 'invoke' && activity.name === name;
}

