import { z } from 'zod';
import { EntryIdSchema } from '../knowledge/schema';

/**
 * What CloudBot remembers about a conversation between turns. The bot keeps it in botbuilder's
 * `ConversationState`; `ask --session` keeps it in a variable. It comes back from storage, which
 * is a boundary like any other: anything unreadable is treated as a fresh conversation.
 */
export const ConversationMemorySchema = z.object({
  /** The entry last answered, for follow-ups such as "and its disadvantages?". */
  lastTopic: EntryIdSchema.nullable().default(null),
  /** The entries offered by the last "Did you mean…?", so that "2" or "the first one" can pick one. */
  pendingClarification: z.array(EntryIdSchema).default([]),
});

export type ConversationMemory = z.infer<typeof ConversationMemorySchema>;

export const FRESH_MEMORY: ConversationMemory = Object.freeze({ lastTopic: null, pendingClarification: [] });

export function readConversationMemory(stored: unknown): ConversationMemory {
  const parsed = ConversationMemorySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : { ...FRESH_MEMORY, pendingClarification: [] };
}
