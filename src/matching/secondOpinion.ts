import type { MatchingOptions } from './matchingOptions';
import { DECLINE_CLASS, type Opinion } from './questionModel';
import { comparisonAlongScale } from './rules/readingRules';
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
  'oddOneOut',
  // The thing described is matched on its own, by the rules and the model agreeing on it.
  'claimChecked',
  // A part named whole, claimed to be one of a family named whole: the model reads the family's
  // name ("reasons against the cloud") as the family's list, which the claim is not about.
  'partClaimedOfFamily',
  // The model reads the words of a question asked with a "not" as what it asks for (the rule's
  // reason to be), so its opinion of the whole question is no check on the rule.
  'negatedChoice',
  // The same for a choice by what the student will not do, read from the parts' duties.
  'dutiesRuledOut',
  // The same for a choice turned round ("which should I avoid if I want the least effort?"): the
  // model reads what is wanted as what is asked for, the opposite of the one to avoid.
  'rejectedChoice',
  // The same for a choice that rules out two parts ("neither … nor …"), each matched on its own.
  'neitherOfTwo',
  // What the lecture does not tell at all: a name that matches well is no evidence it does.
  'originNotGiven',
  // Two of the lecture's headings, spelt whole and asked about together.
  'twoTitledSiblings',
  // One part picked out by name ("the public one"): the model reads the family set around it as
  // a question about the whole family.
  'partPickedOut',
  // The alternatives are the student and the provider: the model reads the direction words as a
  // comparison across the family, which the question does not ask.
  'partiesWithinPart',
]);

/**
 * Rules that read which entry is meant from how the question puts its names, where the model, which
 * reads the same words as about their family or their subject, has no better reading of it; but the
 * words may not be about the lecture at all ("merging public and private branches", "control
 * over costs"), which a model sure the lecture does not answer may still say:
 * - the one preferred to a sibling ("when would you choose X over Y"), or what that gives up;
 * - the part that combines the parts named ("combining A and B");
 * - the list of a side of the subject described in other words ("what's good about …");
 * - the part that stands between the two named ("which sits between A and B");
 * - the list two of whose parts are asked which matters more, which the lecture never says;
 * - the overview of a family asked to choose from with nothing said to choose by;
 * - the one part called one of its family ("the hybrid deployment model"), whose family's name the
 *   model reads as a question about the whole family.
 */
export const RULES_ONLY_DECLINED: ReadonlySet<string> = new Set(['preferredOver', 'combinationNamed', 'sideOfSubject', 'oneBetweenTwo', 'unrankedChoice', 'choiceWithoutNeeds', 'partCalledOneOfFamily']);

const isSmalltalk = (id: string) => id.startsWith('smalltalk.');

/** Whether the model is asked about a decision at all: the matcher skips classifying when it is not. */
export function isSecondGuessed(decision: Decision & { rule: string }): boolean {
  // A no the facts settle of the one part named ("true or false: SaaS gives the most control" is a
  // no, IaaS giving it), answered with the part they rank: the model reads the part named as what is
  // asked about, which the facts have already weighed. A yes is the part named, and a no about two
  // parts compared ("is PaaS more effort than IaaS?") their overview may answer, as the model prefers.
  const direct = decision.direct;
  const settled = direct?.kind === 'facts' && direct.verdict === 'no' && direct.askedOf !== undefined && direct.askedOf !== decision.id;
  return decision.kind !== 'smalltalk' && !RULES_NOT_SECOND_GUESSED.has(decision.rule) && !settled;
}

type Ruled = Decision & { rule: string };
type OpinionOptions = Pick<MatchingOptions, 'opinionAnswer' | 'opinionDecline' | 'opinionTrusted' | 'opinionOverrule' | 'opinionOffer' | 'opinionAgree' | 'opinionAgreeDecline'>;

/** What each step of the weighing sees: the rules' decision, what they answered (if they did), and the model's opinions, best first. */
interface Weighing {
  decision: Ruled;
  answered: string | null;
  top: Opinion;
  opinions: readonly Opinion[];
  o: OpinionOptions;
  /** The overview an entry is a part of, if any. */
  overviewOf: (id: string) => string | undefined;
}

/** One step: decides, or passes (undefined) to the next, like the matcher's rules. */
type OpinionStep = (w: Weighing) => Ruled | undefined;

/** The rules' candidates for these ids, or, for an id they did not offer, the model's probability as its score. */
function candidatesFor(w: Weighing, ...ids: string[]): Candidate[] {
  return ids.map((id) => w.decision.candidates.find((candidate) => candidate.id === id) ?? { id, score: w.opinions.find((opinion) => opinion.id === id)?.p ?? 0, matched: '' });
}

/** "Did you mean…?" with these entries: two readings that disagree are the mark of a confident wrong answer. */
function doubt(w: Weighing, ...ids: string[]): Ruled {
  return { kind: 'clarify', id: null, confidence: w.decision.confidence, candidates: candidatesFor(w, ...ids), rule: 'secondOpinionDoubts' };
}

/** The model is sure the lecture does not answer: declined, with what the rules would offer. */
function declined(decision: Ruled): Ruled {
  return { kind: 'fallback', id: null, confidence: decision.confidence, candidates: decision.candidates, rule: 'secondOpinionDeclines' };
}

/** The model's best is what the rules answered. */
const agreement: OpinionStep = (w) => (w.answered === w.top.id ? w.decision : undefined);

/**
 * A strong match by the rules is right far more often than a disagreeing model, unless the model
 * is sure. Whichever rule matched: until the fourth session two rules (a choice within a family
 * the question names, and a question after a greeting) were trusted at any score, but once the
 * model had learnt from 6,000 questions, trusting them cost 18 confident wrong answers for 2 right
 * ones, cross-validated (docs/understanding.md).
 */
const trustedAnswer: OpinionStep = (w) => (w.answered !== null && w.decision.confidence >= w.o.opinionTrusted && w.top.p < w.o.opinionOverrule ? w.decision : undefined);

/** The model thinks the lecture does not answer it: decline, or, against a rules' answer it is not sure of, ask. */
const modelDeclines: OpinionStep = (w) => {
  if (w.top.id !== DECLINE_CLASS) return undefined;
  if (w.answered === null || w.top.p >= w.o.opinionDecline) return declined(w.decision);
  return doubt(w, w.answered);
};

/**
 * The model hears smalltalk in what the rules took for a question: ask about the rules' answer, if
 * any. Where the rules declined, a model sure enough to overrule them answers the smalltalk (a
 * student asking what they may ask, a goodbye in a long sentence): cross-validated over every
 * labelled set, 14 right answers for none wrong; at 0.6, 17 for one wrong, a greeting
 * answered in place of a question (docs/understanding.md, seventh session).
 */
const modelHearsSmalltalk: OpinionStep = (w) => {
  if (!isSmalltalk(w.top.id)) return undefined;
  if (w.answered !== null) return doubt(w, w.answered);
  if (w.decision.kind !== 'fallback' || w.top.p < w.o.opinionOverrule) return w.decision;
  return { kind: 'smalltalk', id: w.top.id, confidence: w.top.p, candidates: w.decision.candidates, rule: 'secondOpinionSmalltalk' };
};

/**
 * What the rules said first comes from the lecture's facts: the facts that answer it, or, for a
 * comparison along a scale, that the lecture ranks none of the things compared at that end.
 */
function fromLecture(direct: Decision['direct']): boolean {
  return direct?.kind === 'facts' || (direct?.kind === 'not-stated' && 'scale' in direct.asked);
}

/**
 * A comparison the rules answered with one part of a family, from the lecture's facts ("IaaS
 * takes the most effort", "by elimination, SaaS"), where the model would answer the family's
 * overview: no dispute over what was asked, for the overview, with those facts said first
 * (`Matcher.comparisonFactsKept`), answers the comparison too and describes both things compared.
 * Asking "did you mean…?" between the two would leave the student with no answer to a question
 * both readings answer. Where the rules chose by elimination ("which needs less effort, IaaS or
 * PaaS?" is PaaS, as IaaS takes the most), or the facts choose one of the two a question offers
 * ("which gives more control, public or private?"), their answer stands, however sure the model
 * is: the overview would only say the same less directly, and a follow-up resolved against the
 * topics discussed would not get the topic it resolved to. Cross-validated over every labelled
 * set, keeping the choice between two: 5 more right answers and 5 fewer wrong ones, none on the
 * scored sets (sixteenth session). Nor where the question asks for the one part at an end of the
 * whole family and the facts name it (`single`): the students who ask it want that one, and the
 * sets written to score the bot were labelled so, the overview allowed only by some. Cross-validated
 * over every labelled set, keeping that part: 41 more right answers and 38 fewer confident wrong
 * ones, 30 and 29 of them on the scored sets, and none turned wrong (thirty-eighth session).
 */
const overviewOfComparison: OpinionStep = (w) => {
  if (w.answered === null || w.decision.rule !== comparisonAlongScale.name || !fromLecture(w.decision.direct)) return undefined;
  if (w.overviewOf(w.answered) !== w.top.id) return undefined;
  if (w.decision.direct?.kind === 'facts' && (w.decision.direct.chosen !== undefined || w.decision.direct.between !== undefined || w.decision.direct.single === true)) return w.decision;
  if (w.top.p < w.o.opinionAnswer) return undefined;
  return { kind: 'answer', id: w.top.id, confidence: w.top.p, candidates: candidatesFor(w, w.top.id, w.answered), rule: 'secondOpinionOverview' };
};

/**
 * The rules answered from what the lecture states, an end of a scale or a side of a thing ("IaaS
 * takes the most effort"), or that it ranks none of the things compared ("the lecture does not say
 * which costs least"), and the model prefers another entry: ask between the two unless the model
 * is sure enough to overrule. The model learns rankings only from examples, and the rules only
 * read them; where the two disagree, either may have read the direction wrong, and the wrong end
 * is the worst answer a student can get. Cross-validated over every labelled set (ninth session):
 * 11 fewer right answers for 5 fewer confident wrong ones, 2 for 1 on the sets written to score
 * the bot. With the comparisons the lecture leaves open (twelfth session), this step and the rule
 * that answers them (`comparisonAlongScale`), measured together: 2 fewer wrong answers for none
 * fewer right (docs/understanding.md).
 */
const factDisputed: OpinionStep = (w) => (w.answered !== null && fromLecture(w.decision.direct) && w.top.p < w.o.opinionOverrule ? doubt(w, w.answered, w.top.id) : undefined);

/**
 * The reverse of `overviewOfComparison`: a comparison the rules answered with a family's overview,
 * from the lecture's facts or from its silence about the parts compared ("is IaaS more or less
 * expensive than SaaS?": IaaS often costs more; "is a private cloud more or less work than a
 * public one?": the lecture does not rank them), where the model, not sure enough to overrule,
 * prefers one part of that family (from its silence, one of those compared): it read the part
 * named first as what is asked about. The overview, with what the lecture says of the comparison
 * first, describes every part compared; asking "did you mean…?" between the two would leave the
 * student with no answer to a question the overview answers. Not the lecture's silence on which
 * one of a whole family is at an end ("which deployment model leaves the least control?"), where
 * the part the model reads may be what the lecture implies: keeping the overview there too had
 * turned two cross-validated questions back, and one of a sealed set, into confident wrong answers,
 * for one right answer (docs/understanding.md, thirty-third session).
 */
const partOfComparedFamily: OpinionStep = (w) => {
  const direct = w.decision.direct;
  if (w.answered === null || w.decision.rule !== comparisonAlongScale.name || !fromLecture(direct)) return undefined;
  if (direct?.kind === 'not-stated' && !(direct.compared ?? []).includes(w.top.id)) return undefined;
  return w.overviewOf(w.top.id) === w.answered && w.top.p < w.o.opinionOverrule ? w.decision : undefined;
};

/**
 * A choice the lecture's facts settle by elimination among the parts a question leaves ("which
 * needs the least effort, IaaS or PaaS?" is PaaS: IaaS takes the most): a model preferring another
 * part of that family read the end asked for (SaaS is the least effort of all), not the choice
 * left. The facts' choice stands. Not a choice between two that the facts rank (`between`): the
 * rules read "between the most basic and the least-effort one" as such a choice.
 */
const choiceSettled: OpinionStep = (w) => {
  const direct = w.decision.direct;
  if (w.answered === null || direct?.kind !== 'facts' || direct.chosen === undefined) return undefined;
  const family = w.overviewOf(w.answered);
  return family !== undefined && w.top.id !== w.answered && w.overviewOf(w.top.id) === family ? w.decision : undefined;
};

/**
 * "A disadvantage of the public cloud?", answered with the subject's list of that side, which the
 * knowledge base says is the part's too (`sharesList`): a model preferring the part read its name,
 * which the rules read as well and answered through the list. No dispute over what was asked.
 */
const partsListKept: OpinionStep = (w) => (w.decision.direct?.kind === 'subject-list' && w.top.id === w.decision.direct.part ? w.decision : undefined);

/** The model is sure of a topic: it answers. */
const modelIsSure: OpinionStep = (w) => {
  if (w.top.p < w.o.opinionAnswer) return undefined;
  const others = w.decision.candidates.map((candidate) => candidate.id).filter((id) => id !== w.top.id);
  return { kind: 'answer', id: w.top.id, confidence: w.top.p, candidates: candidatesFor(w, w.top.id, ...others).slice(0, 5), rule: 'secondOpinionAnswers' };
};

/**
 * Two weak readings that agree are stronger than either: the rules' best candidate, though they
 * declined or asked, is the model's best too, and the model sees little chance that the lecture
 * does not answer the question at all.
 */
const weakReadingsAgree: OpinionStep = (w) => {
  const declining = w.opinions.find((opinion) => opinion.id === DECLINE_CLASS)?.p ?? 0;
  if (w.answered !== null || w.decision.candidates[0]?.id !== w.top.id || w.top.p < w.o.opinionAgree || declining >= w.o.opinionAgreeDecline) return undefined;
  return { kind: 'answer', id: w.top.id, confidence: w.top.p, candidates: w.decision.candidates, rule: 'secondOpinionAgrees' };
};

/** The rules declined or asked and the model is unsure: their decision stands, a decline offering the model's topic first when it leans to one. */
const unsureModel: OpinionStep = (w) => {
  if (w.answered !== null) return undefined;
  if (w.decision.kind !== 'fallback' || w.top.p < w.o.opinionOffer) return w.decision;
  const offered: Candidate = { id: w.top.id, score: w.top.p, matched: '' };
  return { ...w.decision, candidates: [offered, ...w.decision.candidates.filter((candidate) => candidate.id !== w.top.id)].slice(0, 5), rule: 'secondOpinionOffers' };
};

/** The rules answered weakly and the model, unsure, prefers another topic: ask between the two. */
const disagreement: OpinionStep = (w) => (w.answered === null ? undefined : doubt(w, w.answered, w.top.id));

/** The weighing, in order; the first step that decides wins. */
const OPINION_STEPS: readonly OpinionStep[] = [agreement, trustedAnswer, modelDeclines, modelHearsSmalltalk, partsListKept, overviewOfComparison, partOfComparedFamily, choiceSettled, factDisputed, modelIsSure, weakReadingsAgree, unsureModel, disagreement];

/**
 * The rules' decision, weighed against the model's opinion of the same question, by the steps
 * above. Agreement stands. A confident model answers what the rules declined or asked about, and
 * overrules what they answered weakly; an unsure model that disagrees with a weak answer turns it
 * into a question ("Did you mean…?"), as does one not sure enough to overrule an answer the
 * lecture's facts give. A model that is sure the lecture does not answer it declines. A rules' best candidate that the model also likes best is answered, though neither
 * was sure alone. Cross-validated on the labelled sets, this gives more right answers and fewer
 * confident wrong ones than the rules alone (docs/understanding.md).
 */
export function secondOpinion(decision: Ruled, opinions: readonly Opinion[], options: OpinionOptions, overviewOf: (id: string) => string | undefined = () => undefined): Ruled {
  const top = opinions[0];
  if (top === undefined || !isSecondGuessed(decision)) return decision;
  if (RULES_ONLY_DECLINED.has(decision.rule)) {
    return top.id === DECLINE_CLASS && top.p >= options.opinionDecline ? declined(decision) : decision;
  }
  const weighing: Weighing = { decision, answered: decision.kind === 'answer' ? decision.id : null, top, opinions, o: options, overviewOf };
  for (const step of OPINION_STEPS) {
    const decided = step(weighing);
    if (decided !== undefined) return decided;
  }
  return decision;
}
