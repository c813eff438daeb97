/**
 * The matcher's tuning, in one frozen object so that the eval, the benchmark and the bot agree.
 * Scores are cosine similarities from 0 to 1; see `Matcher` for how they are computed.
 */
export interface MatchingOptions {
  /** At or above this, and clear of the runner-up, the best entry is given as the answer. */
  answerThreshold: number;
  /**
   * A lone candidate (nothing else within reach) is answered from this score, lower than
   * `answerThreshold`, when at least `corroboratingTerms` of the question's words are in its
   * vocabulary, each a word that at most `corroboratingEntries` entries' phrasings use.
   */
  corroboratedThreshold: number;
  corroboratingTerms: number;
  corroboratingEntries: number;
  /** Between this and `answerThreshold`, or when two entries are too close, the bot asks "Did you mean…?". */
  clarifyThreshold: number;
  /** The best entry must beat the runner-up by this share of its own score to be answered without asking. */
  margin: number;
  /** Smalltalk needs a near-exact match: "hi" or "thanks", not a lecture question that says "hi". */
  smalltalkThreshold: number;
  /** How many entries a clarification offers at most. */
  maxClarifyOptions: number;
  /** Weight of a match on an entry's keywords, relative to a match on an alternate question or the title. */
  keywordWeight: number;
  /** Share of the score from the closest phrasing; the rest is how much of the question the entry's vocabulary covers. */
  phrasingWeight: number;
  /** Weight of a word the knowledge base never uses, relative to the rarest word it does use. */
  unknownWeight: number;
  /** How much a word counts towards coverage when only the entry's answer uses it, not its phrasings. */
  answerVocabularyWeight: number;
}

export const DEFAULT_MATCHING_OPTIONS: Readonly<MatchingOptions> = Object.freeze({
  answerThreshold: 0.55,
  corroboratedThreshold: 0.48,
  corroboratingTerms: 2,
  corroboratingEntries: 3,
  clarifyThreshold: 0.4,
  margin: 0.12,
  smalltalkThreshold: 0.6,
  maxClarifyOptions: 3,
  keywordWeight: 0.9,
  phrasingWeight: 0.4,
  unknownWeight: 1.2,
  answerVocabularyWeight: 0.5,
});
