import { z } from 'zod';
import { EntryIdSchema } from '../knowledge/schema';

/**
 * What the bot remembers about a conversation between turns. It comes back from storage,
 * which is a boundary like any other: anything unreadable is treated as a fresh conversation.
 */
export const ConversationDataSchema = z.object({
  /** The entry last answered, for follow-up questions. */
  lastTopic: EntryIdSchema.nullable().default(null),
  /** The entries offered by the last "Did you mean…?", so that "2" can pick one. */
  pendingClarification: z.array(EntryIdSchema).default([]),
});

export type ConversationData = z.infer<typeof ConversationDataSchema>;

export function readConversationData(stored: unknown): ConversationData {
  const parsed = ConversationDataSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : ConversationDataSchema.parse({});
}
