import { framingKeywordAlone, greetingBeforeQuestion, nothingAsked, originNotGiven, ownPhrasing, remarkToBot, smalltalkPhrase, thanksAfterQuestion } from './messageRules';
import { bothSidesAsked, choiceWithinNamedFamily, choiceWithoutNeeds, claimChecked, combinationNamed, comparisonAlongScale, dutiesRuledOut, listMeansOverview, negatedChoice, neitherOfTwo, oddOneOut, oneBetweenTwo, partClaimedOfFamily, partiesWithinPart, partPickedOut, preferredOver, rejectedChoice, sideOfNamedTopic, sideOfSubject, unrankedChoice, unrankedSuperlative } from './readingRules';
import {
  askBetween,
  clearLeadInLongQuestion,
  clearWinner,
  closeCallSettled,
  halfMatches,
  loneCandidate,
  namedAmongSiblings,
  namedSubjectOfLongQuestion,
  negationSettles,
  onlyDescriptiveWords,
  partCalledOneOfFamily,
  smalltalkOverTopics,
  tooWeak,
  twoNamedSiblings,
  twoTitledSiblings,
} from './scoreRules';
import type { Decision, Rule, RuleContext } from './types';

/**
 * The matcher's decision, as an ordered list of named rules: the first that decides wins. The
 * message rules come first because they need no scoring; the reading rules before the score
 * rules because a direction or a side changes which entry is meant; `askBetween` always decides.
 */
export const DECISION_RULES: readonly Rule[] = Object.freeze([
  smalltalkPhrase,
  greetingBeforeQuestion,
  thanksAfterQuestion,
  remarkToBot,
  originNotGiven,
  oddOneOut,
  claimChecked,
  partClaimedOfFamily,
  rejectedChoice,
  negatedChoice,
  dutiesRuledOut,
  neitherOfTwo,
  oneBetweenTwo,
  preferredOver,
  combinationNamed,
  partiesWithinPart,
  comparisonAlongScale,
  sideOfNamedTopic,
  bothSidesAsked,
  unrankedSuperlative,
  unrankedChoice,
  sideOfSubject,
  ownPhrasing,
  framingKeywordAlone,
  nothingAsked,
  listMeansOverview,
  partPickedOut,
  choiceWithoutNeeds,
  choiceWithinNamedFamily,
  smalltalkOverTopics,
  onlyDescriptiveWords,
  partCalledOneOfFamily,
  clearLeadInLongQuestion,
  namedSubjectOfLongQuestion,
  tooWeak,
  clearWinner,
  loneCandidate,
  closeCallSettled,
  negationSettles,
  namedAmongSiblings,
  twoTitledSiblings,
  twoNamedSiblings,
  halfMatches,
  askBetween,
]);

/**
 * "What is X", "what are X", "define X", "what does X mean": a question that asks what a thing
 * is, which the lecture answers only for what it names. "What is so great about the cloud" and
 * "what's bad about it" ask what X is like, not what it is.
 */
const WHAT_IS = /^(?:so )?(?:what (?:is|are)|define|meaning of) (?!so\b)(?!.*\babout\b)|^what does .+ mean$/;

/**
 * Students ask "what is a taxi" or "what is software": a short "what is X" answered with an entry
 * must name it, because the lecture mentions a taxi and software but defines neither. A longer
 * subject describes its topic in other words, which is a question about it.
 */
export function unnamedWhatIs(decision: Decision, ctx: RuleContext): Decision {
  if (decision.kind !== 'answer' || decision.id === null || decision.direct !== undefined) return decision;
  const { normalised } = ctx.q.analysis;
  // "What is the cloud good for?" asks a side of it, which the list of that side answers; "what
  // are the arguments for and against the cloud?" both, the list of the side named first.
  const side = ctx.q.reading.side ?? ctx.q.reading.bothSides;
  if (side !== undefined && decision.id === ctx.k.listing(side)) return decision;
  if (!WHAT_IS.test(normalised) || ctx.q.terms.size > ctx.o.shortSubjectTerms || ctx.k.namesIt(decision.id, ctx.q.terms)) return decision;
  return { kind: 'fallback', id: null, confidence: decision.confidence, candidates: decision.candidates };
}

/** Rules whose answers are certain or already checked: a topic's own phrasing, a part matched on its own, a fact. */
const UNSCORED: ReadonlySet<Rule> = new Set([smalltalkPhrase, greetingBeforeQuestion, thanksAfterQuestion, ownPhrasing, framingKeywordAlone, nothingAsked, oddOneOut, claimChecked, rejectedChoice, negatedChoice, dutiesRuledOut, neitherOfTwo, comparisonAlongScale, sideOfNamedTopic, unrankedSuperlative]);

/** Runs the rules in order; the name of the one that decided goes with the decision. */
export function decide(ctx: RuleContext): Decision & { rule: string } {
  for (const rule of DECISION_RULES) {
    const decision = rule(ctx);
    if (decision !== undefined) return { ...(UNSCORED.has(rule) ? decision : unnamedWhatIs(decision, ctx)), rule: rule.name };
  }
  // Unreachable: `askBetween` always decides. Kept so that the list can change without a crash.
  return { kind: 'fallback', id: null, confidence: 0, candidates: [], rule: 'none' };
}
