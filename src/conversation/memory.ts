import { z } from 'zod';
import { EntryIdSchema } from '../knowledge/schema';
import { QuizSessionSchema } from '../quiz/Quiz';
import { ExchangeSchema } from '../tickets/ticket';

/** The statements of a situation kept, and the longest kept whole; a longer one is no situation but a message pasted in. */
export const SITUATION_KEPT = 3;
export const SITUATION_CHARS = 300;
/** Questions in a row after which what the student told is taken to be behind them. */
export const SITUATION_QUESTIONS = 3;

/**
 * What CloudBot remembers about a conversation between turns. The bot keeps it in botbuilder's
 * `ConversationState`; `ask --session` keeps it in a variable. It comes back from storage, which
 * is a boundary like any other: anything unreadable is treated as a fresh conversation.
 */
export const ConversationMemorySchema = z.object({
  /** The entry last answered, for follow-ups such as "and its disadvantages?"; cleared by a declined question. */
  lastTopic: EntryIdSchema.nullable().default(null),
  /** Whether the last question was declined: "any downsides?" after it is about what was declined, not the cloud's. */
  afterDecline: z.boolean().default(false),
  /** The entries offered by the last "Did you mean…?", so that "2" or "the first one" can pick one. */
  pendingClarification: z.array(EntryIdSchema).default([]),
  /** Whether those entries answer "An example of what?": the one picked gives its example. */
  pendingExample: z.boolean().default(false),
  /** Topics answered so far, oldest first, at most `SEEN_TOPICS_KEPT`: follow-ups offer unseen ones first. */
  seenTopics: z.array(EntryIdSchema).default([]),
  /**
   * What the student has told of their situation, oldest first: statements, not questions ("we're
   * a small startup", "we don't want to manage servers"), so that "so which model should we pick?"
   * is answered for all of it. Forgotten after `SITUATION_QUESTIONS` questions in a row.
   */
  situation: z.array(z.string().max(SITUATION_CHARS)).max(SITUATION_KEPT).catch([]).default([]),
  /** Questions asked since the last statement of the situation. */
  askedSinceSituation: z.number().int().min(0).catch(0).default(0),
  /** The quiz round in progress, if any. */
  quiz: QuizSessionSchema.nullable().default(null),
  /**
   * The last few exchanges, oldest first, for the card a question to the teaching team carries.
   * Kept only while asking the teaching team is on; `RECORD_QUESTIONS=false` keeps none.
   */
  recent: z.array(ExchangeSchema).max(5).catch([]).default([]),
});

export const SEEN_TOPICS_KEPT = 12;

export type ConversationMemory = z.infer<typeof ConversationMemorySchema>;

/**
 * What a turn changes, as a function of the memory it applies to: when two turns of one
 * conversation race on two instances, the loser re-applies its change to the winner's memory
 * instead of overwriting it.
 */
export type MemoryUpdate = (memory: ConversationMemory) => ConversationMemory;

export function freshMemory(): ConversationMemory {
  return { lastTopic: null, afterDecline: false, pendingClarification: [], pendingExample: false, seenTopics: [], situation: [], askedSinceSituation: 0, quiz: null, recent: [] };
}

export function readConversationMemory(stored: unknown): ConversationMemory {
  const parsed = ConversationMemorySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : freshMemory();
}
