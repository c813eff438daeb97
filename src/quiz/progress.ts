import { z } from 'zod';

/**
 * What a student has mastered, per knowledge entry: a small Leitner-style spaced-repetition
 * record. A right answer moves the entry up a box and schedules it later; a wrong one sends it
 * back to the first box, due again in minutes.
 */
export const MasterySchema = z.object({
  box: z.number().int().min(0).max(5),
  /** When the entry is next due, in ms since the epoch. */
  due: z.number(),
  right: z.number().int().min(0),
  wrong: z.number().int().min(0),
});

/** The last round finished or stopped: its score, and the questions missed, for "what was my score?" after it. */
export const LastRoundSchema = z.object({
  right: z.number().int().min(0),
  answered: z.number().int().min(0),
  /** Question ids answered wrong or revealed, in the order asked. */
  missed: z.array(z.string()).default([]),
});

export const ProgressSchema = z.object({ entries: z.record(z.string(), MasterySchema).default({}), lastRound: LastRoundSchema.optional() });

export type Mastery = z.infer<typeof MasterySchema>;
export type Progress = z.infer<typeof ProgressSchema>;
export type LastRound = z.infer<typeof LastRoundSchema>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long each box waits before the entry is due again. */
const INTERVALS = [0, DAY, 2 * DAY, 4 * DAY, 8 * DAY, 16 * DAY] as const;
/** A wrong answer comes back within the same study session. */
const RETRY_AFTER_WRONG = 10 * MINUTE;
/** An entry is "mastered" from this box on: answered right at least twice in a row. */
export const MASTERED_BOX = 2;

export function emptyProgress(): Progress {
  return { entries: {} };
}

export function readProgress(stored: unknown): Progress {
  const parsed = ProgressSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : emptyProgress();
}

/** A never-seen entry: the weakest box, due now. */
export function masteryOf(progress: Progress, entryId: string, now: number): Mastery {
  return progress.entries[entryId] ?? { box: 0, due: now, right: 0, wrong: 0 };
}

/** The progress after one graded answer about an entry. */
export function grade(progress: Progress, entryId: string, right: boolean, now: number): Progress {
  const before = masteryOf(progress, entryId, now);
  const box = right ? Math.min(before.box + 1, INTERVALS.length - 1) : 0;
  const after: Mastery = {
    box,
    due: now + (right ? (INTERVALS[box] ?? DAY) : RETRY_AFTER_WRONG),
    right: before.right + (right ? 1 : 0),
    wrong: before.wrong + (right ? 0 : 1),
  };
  return { ...progress, entries: { ...progress.entries, [entryId]: after } };
}
