import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * What CloudBot keeps for knowledge-base authors, as Azure's own question answering does for
 * "active learning": how students rated answers, and the questions it could not answer well.
 * Never a raw user or conversation id: only salted hashes.
 */
export const CandidateSchema = z.object({ id: z.string(), score: z.number() });

export const FeedbackRecordSchema = z.object({
  kind: z.literal('feedback'),
  vote: z.enum(['up', 'down']),
  entryId: z.string(),
  question: z.string(),
  confidence: z.number(),
  at: z.iso.datetime(),
  user: z.string(),
});

export const QuestionRecordSchema = z.object({
  kind: z.literal('question'),
  /** Why it was recorded: the bot declined, asked, or answered without much confidence. */
  outcome: z.enum(['fallback', 'clarify', 'low-confidence']),
  question: z.string(),
  confidence: z.number(),
  candidates: z.array(CandidateSchema),
  at: z.iso.datetime(),
  conversation: z.string(),
});

export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;
export type CloudBotRecord = FeedbackRecord | QuestionRecord;

/** Where records go. Implementations never throw into a turn: a lost record must not lose an answer. */
export interface RecordSink {
  add(record: CloudBotRecord): Promise<void>;
}

/** Reads records back, for `kb:review`. */
export interface RecordSource {
  list(): Promise<CloudBotRecord[]>;
}

/** For `RECORD_QUESTIONS=false`, and for local runs without storage: nothing is kept. */
export const discardRecords: RecordSink = Object.freeze({ add: () => Promise.resolve() });

/**
 * Replaces an id with a salted hash: records of one conversation can be told apart, but not
 * traced back to a person. Without a configured salt (local use), a random one per process.
 */
export function idHasher(salt: string = randomBytes(16).toString('hex')): (id: string) => string {
  return (id) => createHash('sha256').update(salt).update('\0').update(id).digest('hex').slice(0, 32);
}
