import { z } from 'zod';

/**
 * What an incoming activity must look like before botbuilder sees it. Loose: channels add
 * fields of their own (Teams' channelData, Web Chat's locale), and those pass through untouched.
 * Strict where a bad value would otherwise surface as a 500 deep inside the SDK.
 */
const Account = z.looseObject({
  id: z.string().max(1024),
  name: z.string().max(1024).nullish(),
});

export const ActivitySchema = z.looseObject({
  type: z.string().min(1, 'must not be empty').max(64),
  id: z.string().max(1024).nullish(),
  channelId: z.string().max(256).nullish(),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048).nullish(),
  // Long text is not an error: the body limit bounds it and the bot cuts it before matching.
  text: z.string().nullish(),
  // The Bot Framework protocol requires these three on every activity; the SDK assumes them.
  from: Account,
  recipient: Account,
  conversation: z.looseObject({ id: z.string().max(2048) }),
  membersAdded: z.array(Account).max(256).nullish(),
  membersRemoved: z.array(Account).max(256).nullish(),
  entities: z.array(z.looseObject({ type: z.string().max(256) })).max(64).nullish(),
  deliveryMode: z.string().max(64).nullish(),
});
