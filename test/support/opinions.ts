import type { Opinion, QuestionClassifier } from '../../src/matching/questionModel';

/**
 * A question model that gives these opinions, in this order, to every question: for tests of how
 * the matcher weighs an opinion, which a trained model could not be made to give on demand. Each
 * call gets its own copies, as the real classifier's callers may keep them.
 */
export function classifierThinking(opinions: readonly Opinion[]): QuestionClassifier {
  return { classify: () => opinions.map((opinion) => ({ ...opinion })) } as unknown as QuestionClassifier;
}

/** A model that gives `id` the probability `p` and shares the rest equally among `others`, in that order. */
export function classifierLeaning(id: string, p: number, others: readonly string[]): QuestionClassifier {
  return classifierThinking([{ id, p }, ...others.map((other) => ({ id: other, p: (1 - p) / others.length }))]);
}
