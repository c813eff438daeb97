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

/** How a question turn ended, as the staff dashboard counts it. */
export const TURN_OUTCOMES = ['answered', 'clarified', 'declined', 'smalltalk'] as const;
export type TurnOutcome = (typeof TURN_OUTCOMES)[number];

/**
 * Every question turn, for the staff dashboard's counts: how it ended and the entry answered.
 * No words of the question (the `question` records keep those of the badly answered ones, for
 * `kb:review`), and no raw conversation id.
 */
export const TurnRecordSchema = z.object({
  kind: z.literal('turn'),
  outcome: z.enum(TURN_OUTCOMES),
  /** The entry answered, if any. */
  entryId: z.string().nullable(),
  /** Matched from the words typed, or chosen by id: a button, a suggestion's title, a pick from "Did you mean". */
  via: z.enum(['typed', 'button']),
  at: z.iso.datetime(),
  conversation: z.string(),
});

/** One graded quiz answer: which entry's question, and whether the student got it right. */
export const QuizAnswerRecordSchema = z.object({
  kind: z.literal('quiz-answer'),
  entryId: z.string(),
  questionId: z.string(),
  correct: z.boolean(),
  at: z.iso.datetime(),
  conversation: z.string(),
});

export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;
export type TurnRecord = z.infer<typeof TurnRecordSchema>;
export type QuizAnswerRecord = z.infer<typeof QuizAnswerRecordSchema>;
/** What `kb:review` reads: the feedback and the questions answered badly. */
export type CloudBotRecord = FeedbackRecord | QuestionRecord;
/** Every kind of record, as the sink takes them and the staff dashboard reads them. */
export type AnyRecord = CloudBotRecord | TurnRecord | QuizAnswerRecord;
export type RecordKind = AnyRecord['kind'];
export const RECORD_KINDS: readonly RecordKind[] = ['feedback', 'question', 'turn', 'quiz-answer'];

/** Parses a record of any kind, as it is read back from wherever it was kept. */
export const AnyRecordSchema = z.discriminatedUnion('kind', [FeedbackRecordSchema, QuestionRecordSchema, TurnRecordSchema, QuizAnswerRecordSchema]);

/** Where records go. Implementations never throw into a turn: a lost record must not lose an answer. */
export interface RecordSink {
  add(record: AnyRecord): Promise<void>;
}

/** Reads records back, for `kb:review`. */
export interface RecordSource {
  list(): Promise<CloudBotRecord[]>;
}

/** What the staff dashboard reads: every record since a moment, at most `limit` of each kind, newest first. */
export interface RecordHistory {
  since(from: Date, limit: number): Promise<RecentRecords>;
}

export interface RecentRecords {
  records: AnyRecord[];
  /** The kinds that had more than `limit` records in the period: the dashboard says its counts are partial. */
  truncated: RecordKind[];
}

/** Both: what the runtime records to and the dashboard reads from. */
export type RecordStore = RecordSink & RecordHistory;

/** For `RECORD_QUESTIONS=false`: nothing is kept, and nothing is there to read. */
export const discardRecords: RecordStore = Object.freeze({
  add: () => Promise.resolve(),
  since: () => Promise.resolve({ records: [], truncated: [] }),
});

/**
 * Replaces an id with a salted hash: records of one conversation can be told apart, but not
 * traced back to a person. Without a configured salt (local use), a random one per process.
 */
export function idHasher(salt: string = randomBytes(16).toString('hex')): (id: string) => string {
  return (id) => createHash('sha256').update(salt).update('\0').update(id).digest('hex').slice(0, 32);
}
