import type { MatchingOptions } from './matchingOptions';
import { DECLINE_CLASS, type Opinion } from './questionModel';
import type { Candidate, Decision } from './rules/types';

/**
 * Rules that read the message whole (smalltalk, a topic's own phrasing, "ok") are right by
 * construction; the model is not asked about them.
 */
export const RULES_NOT_SECOND_GUESSED: ReadonlySet<string> = new Set([
  'smalltalkPhrase',
  'thanksAfterQuestion',
  'remarkToBot',
  'ownPhrasing',
  'framingKeywordAlone',
  'nothingAsked',
  'smalltalkOverTopics',
]);

/**
 * Rules whose answer stands, whatever its score, unless the model is `opinionOverrule` sure of
 * another class: one that chose within a family the question names ("which benefit is that?"),
 * which a bag of words cannot read, and one that matched the question after a greeting on its
 * own, where the model's opinion is of the whole message. Chosen by cross-validation (`npm run
 * eval:cv`): seven more right answers, no more wrong ones.
 */
export const RULES_TRUSTED: ReadonlySet<string> = new Set(['choiceWithinNamedFamily', 'greetingBeforeQuestion']);

const isSmalltalk = (id: string) => id.startsWith('smalltalk.');

/** Whether the model is asked about a decision at all: the matcher skips classifying when it is not. */
export function isSecondGuessed(decision: Decision & { rule: string }): boolean {
  return decision.kind !== 'smalltalk' && !RULES_NOT_SECOND_GUESSED.has(decision.rule);
}

/**
 * The rules' decision, weighed against the model's opinion of the same question. Agreement
 * stands. A confident model answers what the rules declined or asked about, and overrules what
 * they answered; an unsure model that disagrees with an answer turns it into a question ("Did you
 * mean…?"), because two readings that disagree are the mark of a confident wrong answer. A model
 * that is sure the lecture does not answer it declines. A rules' best candidate that the model
 * also likes best is answered, though neither was sure alone. Cross-validated on the labelled sets,
 * this gives more right answers and fewer confident wrong ones than either alone
 * (docs/understanding.md).
 */
export function secondOpinion(
  decision: Decision & { rule: string },
  opinions: readonly Opinion[],
  options: Pick<MatchingOptions, 'opinionAnswer' | 'opinionDecline' | 'opinionTrusted' | 'opinionOverrule' | 'opinionOffer' | 'opinionAgree' | 'opinionAgreeDecline'>,
): Decision & { rule: string } {
  const top = opinions[0];
  if (top === undefined || !isSecondGuessed(decision)) return decision;
  const answered = decision.kind === 'answer' ? decision.id : null;
  if (answered === top.id) return decision;
  // A strong match by the rules is right far more often than a disagreeing model, unless the model is sure.
  if (answered !== null && (decision.confidence >= options.opinionTrusted || RULES_TRUSTED.has(decision.rule)) && top.p < options.opinionOverrule) return decision;
  const candidates = (...ids: string[]): Candidate[] =>
    ids.map((id) => decision.candidates.find((candidate) => candidate.id === id) ?? { id, score: opinions.find((opinion) => opinion.id === id)?.p ?? 0, matched: '' });
  if (top.id === DECLINE_CLASS) {
    if (answered === null || top.p >= options.opinionDecline) return { kind: 'fallback', id: null, confidence: decision.confidence, candidates: decision.candidates, rule: 'secondOpinionDeclines' };
    return { kind: 'clarify', id: null, confidence: decision.confidence, candidates: candidates(answered), rule: 'secondOpinionDoubts' };
  }
  if (isSmalltalk(top.id)) return answered === null ? decision : { kind: 'clarify', id: null, confidence: decision.confidence, candidates: candidates(answered), rule: 'secondOpinionDoubts' };
  if (top.p >= options.opinionAnswer) return { kind: 'answer', id: top.id, confidence: top.p, candidates: candidates(top.id, ...decision.candidates.map((candidate) => candidate.id).filter((id) => id !== top.id)).slice(0, 5), rule: 'secondOpinionAnswers' };
  // Two weak readings that agree are stronger than either: the rules' best candidate, though they
  // declined or asked, is the model's best too, and the model sees little chance that the lecture
  // does not answer the question at all.
  const declining = opinions.find((opinion) => opinion.id === DECLINE_CLASS)?.p ?? 0;
  if (answered === null && decision.candidates[0]?.id === top.id && top.p >= options.opinionAgree && declining < options.opinionAgreeDecline) {
    return { kind: 'answer', id: top.id, confidence: top.p, candidates: decision.candidates, rule: 'secondOpinionAgrees' };
  }
  if (answered === null) {
    if (decision.kind !== 'fallback' || top.p < options.opinionOffer) return decision;
    // Not sure enough to answer, but the student may well have meant it: the decline offers it first.
    const offered: Candidate = { id: top.id, score: top.p, matched: '' };
    return { ...decision, candidates: [offered, ...decision.candidates.filter((candidate) => candidate.id !== top.id)].slice(0, 5), rule: 'secondOpinionOffers' };
  }
  return { kind: 'clarify', id: null, confidence: decision.confidence, candidates: candidates(answered, top.id), rule: 'secondOpinionDoubts' };
}
