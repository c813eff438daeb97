/**
 * The matcher's tuning, in one frozen object so that the eval, the benchmark and the bot agree.
 * Scores are cosine similarities from 0 to 1; see `Matcher` for how they are computed.
 */
export interface MatchingOptions {
  /** At or above this, and clear of the runner-up, the best entry is given as the answer. */
  answerThreshold: number;
  /** Between this and `answerThreshold`, or when two entries are too close, the bot asks "Did you mean…?". */
  clarifyThreshold: number;
  /** The best entry must beat the runner-up by this much to be answered without asking. */
  margin: number;
  /** Smalltalk needs a near-exact match: "hi" or "thanks", not a lecture question that says "hi". */
  smalltalkThreshold: number;
  /** How many entries a clarification offers at most. */
  maxClarifyOptions: number;
  /** Weight of a match on an entry's keywords, relative to a match on an alternate question or the title. */
  keywordWeight: number;
}

export const DEFAULT_MATCHING_OPTIONS: Readonly<MatchingOptions> = Object.freeze({
  answerThreshold: 0.55,
  clarifyThreshold: 0.4,
  margin: 0.08,
  smalltalkThreshold: 0.6,
  maxClarifyOptions: 3,
  keywordWeight: 0.9,
});
