import { Matcher } from '../../src/matching/Matcher';
import { DEFAULT_MATCHING_OPTIONS } from '../../src/matching/matchingOptions';
import { DECLINE_CLASS, flattenWeights, type Opinion, QUESTION_MODEL_FORMAT, QuestionClassifier, SIGNAL_MARK, WORD_MARK } from '../../src/matching/questionModel';
import { DECISION_RULES } from '../../src/matching/rules/index';
import type { Candidate, Decision } from '../../src/matching/rules/types';
import { RULES_NOT_SECOND_GUESSED, RULES_ONLY_DECLINED, secondOpinion } from '../../src/matching/secondOpinion';
import { gardeningKnowledgeBase } from './fixtures/gardening';
import { housingKnowledgeBase } from './fixtures/housing';
import { SAYS, tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/**
 * `secondOpinion`: the rules' decision weighed against the question model's opinion, one branch at
 * a time, on hand-made decisions and opinions. The probabilities are derived from the default
 * thresholds, so that a retune moves them with it. The last tests put a hand-made model into a
 * `Matcher` over the tiny transport lecture (fixtures/tinyKnowledge.ts).
 */

const O = DEFAULT_MATCHING_OPTIONS;
/** A rules' confidence the model may overrule, and one it may not unless it is sure. */
const UNTRUSTED = O.opinionTrusted - 0.1;
const TRUSTED = O.opinionTrusted;

type Ruled = Decision & { rule: string };

const candidate = (id: string, score: number): Candidate => ({ id, score, matched: `a phrasing of ${id}` });
const answer = (id: string, confidence: number, others: Candidate[] = [], rule = 'clearWinner'): Ruled => ({
  kind: 'answer',
  id,
  confidence,
  candidates: [candidate(id, confidence), ...others],
  rule,
});
const fallback = (candidates: Candidate[] = [candidate('vehicles.bus', 0.3)], rule = 'tooWeak'): Ruled => ({
  kind: 'fallback',
  id: null,
  confidence: candidates[0]?.score ?? 0,
  candidates,
  rule,
});
const clarify = (candidates: Candidate[], rule = 'askBetween'): Ruled => ({ kind: 'clarify', id: null, confidence: candidates[0]?.score ?? 0, candidates, rule });
/** The model's opinions, best first as `QuestionClassifier.classify` gives them: the best, then the rest shared out. */
const thinks = (id: string, p: number, rest: readonly string[] = ['vehicles.bike', 'vehicles.bus', 'vehicles.car', DECLINE_CLASS]): Opinion[] => {
  const others = rest.filter((other) => other !== id);
  return [{ id, p }, ...others.map((other) => ({ id: other, p: (1 - p) / others.length }))];
};
const ids = (decision: Decision) => decision.candidates.map((option) => option.id);
/** "Did you mean the bus?", about an untrusted answer of the bus. */
const doubtAboutBus: Ruled = { kind: 'clarify', id: null, confidence: UNTRUSTED, candidates: [candidate('vehicles.bus', UNTRUSTED)], rule: 'secondOpinionDoubts' };

describe('secondOpinion', () => {
  describe('when the rules decide alone', () => {
    it('keeps the decision when there is no opinion', () => {
      const decision = fallback();
      expect(secondOpinion(decision, [], O)).toBe(decision);
    });

    it('keeps a smalltalk decision, whatever the model thinks', () => {
      const decision: Ruled = { kind: 'smalltalk', id: 'smalltalk.greeting', confidence: 1, candidates: [candidate('smalltalk.greeting', 1)], rule: 'greetingBeforeQuestion' };
      expect(secondOpinion(decision, thinks('vehicles.car', 0.99), O)).toBe(decision);
    });

    it.each([...RULES_NOT_SECOND_GUESSED])('keeps what rule %s decided, though a sure model would answer otherwise', (rule) => {
      const declined = fallback([], rule);
      const answered = answer('vehicles.bus', UNTRUSTED, [], rule);
      expect(secondOpinion(declined, thinks('vehicles.car', 0.99), O)).toBe(declined);
      expect(secondOpinion(answered, thinks('vehicles.car', 0.99), O)).toBe(answered);
      expect(secondOpinion(answered, thinks(DECLINE_CLASS, 0.99), O)).toBe(answered);
    });

    it('names only rules that exist among the decision rules', () => {
      const names = DECISION_RULES.map((rule) => rule.name);
      expect([...RULES_NOT_SECOND_GUESSED].filter((name) => !names.includes(name))).toEqual([]);
    });
  });

  describe('when the model agrees with the answer', () => {
    it('keeps the decision itself, with what it says first (`direct`), however unsure either is', () => {
      const decision: Ruled = { ...answer('vehicles.bus', 0.2, [candidate('vehicles.car', 0.19)]), direct: { kind: 'facts', says: ['The bus needs the least effort.'] } };
      const kept = secondOpinion(decision, thinks('vehicles.bus', O.opinionAnswer - 0.3), O);
      expect(kept).toBe(decision);
      expect(kept.direct).toEqual({ kind: 'facts', says: ['The bus needs the least effort.'] });
    });
  });

  describe('when the rules answered confidently (at least opinionTrusted)', () => {
    it('keeps the answer against a model below opinionOverrule', () => {
      const decision = answer('vehicles.bus', TRUSTED);
      expect(secondOpinion(decision, thinks('vehicles.car', O.opinionOverrule - 0.01), O)).toBe(decision);
    });

    it('keeps the answer against the decline class below opinionOverrule, though at or above opinionDecline', () => {
      const decision = answer('vehicles.bus', TRUSTED);
      const p = O.opinionOverrule - 0.01;
      expect(p).toBeGreaterThanOrEqual(O.opinionDecline);
      expect(secondOpinion(decision, thinks(DECLINE_CLASS, p), O)).toBe(decision);
    });

    it('gives the model\'s answer when the model is at opinionOverrule', () => {
      const result = secondOpinion(answer('vehicles.bus', TRUSTED), thinks('vehicles.car', O.opinionOverrule), O);
      expect(result).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers', confidence: O.opinionOverrule });
    });

    it('gives the model\'s answer over an answer just below opinionTrusted, from opinionAnswer', () => {
      const result = secondOpinion(answer('vehicles.bus', O.opinionTrusted - 0.01), thinks('vehicles.car', O.opinionAnswer), O);
      expect(result).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers' });
    });
  });

  describe('when the rules declined or asked, and their best candidate is the model\'s best too', () => {
    /** The model likes `id` best at `p`, and gives the decline class `declining`. */
    const leans = (id: string, p: number, declining: number): Opinion[] => [
      { id, p },
      { id: DECLINE_CLASS, p: declining },
      { id: 'vehicles.bike', p: 1 - p - declining },
    ];

    it.each([
      ['a fallback', fallback([candidate('vehicles.car', 0.3), candidate('vehicles.bus', 0.2)])],
      ['a clarification', clarify([candidate('vehicles.car', 0.45), candidate('vehicles.bus', 0.44)])],
    ])('answers %s with that candidate from opinionAgree, when the decline class is below opinionAgreeDecline', (_, decision) => {
      const result = secondOpinion(decision, leans('vehicles.car', O.opinionAgree, O.opinionAgreeDecline - 0.01), O);
      expect(result).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAgrees', confidence: O.opinionAgree });
      expect(result.candidates).toEqual(decision.candidates);
    });

    it('does not answer below opinionAgree, nor when the model gives the decline class opinionAgreeDecline or more', () => {
      const decision = fallback([candidate('vehicles.car', 0.3)]);
      expect(secondOpinion(decision, leans('vehicles.car', O.opinionAgree - 0.01, 0), O).kind).toBe('fallback');
      expect(secondOpinion(decision, leans('vehicles.car', O.opinionAgree, O.opinionAgreeDecline), O).kind).toBe('fallback');
    });

    it('does not answer when the model\'s best is only the rules\' second candidate', () => {
      const decision = clarify([candidate('vehicles.bus', 0.45), candidate('vehicles.car', 0.44)]);
      expect(secondOpinion(decision, leans('vehicles.car', O.opinionAgree, 0), O)).toBe(decision);
    });
  });

  describe('when the rules declined and the model is unsure', () => {
    it('offers the model\'s topic first under the decline from opinionOffer, with its probability as the score', () => {
      const result = secondOpinion(fallback([candidate('vehicles.bus', 0.3)]), thinks('vehicles.car', O.opinionOffer), O);
      expect(result).toMatchObject({ kind: 'fallback', id: null, rule: 'secondOpinionOffers' });
      expect(result.candidates[0]).toEqual({ id: 'vehicles.car', score: O.opinionOffer, matched: '' });
      expect(ids(result)).toEqual(['vehicles.car', 'vehicles.bus']);
    });

    it('offers nothing new below opinionOffer, and leaves a clarification as it is', () => {
      const decision = fallback();
      expect(secondOpinion(decision, thinks('vehicles.car', O.opinionOffer - 0.01), O)).toBe(decision);
      const asked = clarify([candidate('vehicles.bus', 0.45), candidate('vehicles.bike', 0.44)]);
      expect(secondOpinion(asked, thinks('vehicles.car', O.opinionOffer), O)).toBe(asked);
    });
  });

  describe('when a rule answered with a low score, whichever rule it was', () => {
    it.each(['choiceWithinNamedFamily', 'greetingBeforeQuestion', 'clearLeadInLongQuestion'])('gives the model\'s answer over %s when the model is at opinionAnswer', (rule) => {
      const result = secondOpinion(answer('vehicles.bus', UNTRUSTED, [], rule), thinks('vehicles.car', O.opinionAnswer), O);
      expect(result).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
    });

    it('names rules that exist', () => {
      const names = DECISION_RULES.map((rule) => rule.name);
      expect(['choiceWithinNamedFamily', 'greetingBeforeQuestion', 'clearLeadInLongQuestion'].filter((name) => !names.includes(name))).toEqual([]);
    });
  });

  describe('when the model thinks the lecture does not answer it (the decline class)', () => {
    it('declines an answer from opinionDecline, keeping the rules\' confidence and candidates', () => {
      const decision = answer('vehicles.bus', UNTRUSTED, [candidate('vehicles.car', 0.3)]);
      expect(secondOpinion(decision, thinks(DECLINE_CLASS, O.opinionDecline), O)).toEqual({
        kind: 'fallback',
        id: null,
        confidence: UNTRUSTED,
        candidates: decision.candidates,
        rule: 'secondOpinionDeclines',
      });
    });

    it('turns an answer into a question about it below opinionDecline', () => {
      const decision = answer('vehicles.bus', UNTRUSTED, [candidate('vehicles.car', 0.3)]);
      expect(secondOpinion(decision, thinks(DECLINE_CLASS, O.opinionDecline - 0.01), O)).toEqual(doubtAboutBus);
    });

    it.each([
      ['a clarification', clarify([candidate('vehicles.bus', 0.45), candidate('vehicles.car', 0.44)])],
      ['a fallback', fallback()],
    ])('declines %s however unsure the model is', (_, decision) => {
      expect(secondOpinion(decision, thinks(DECLINE_CLASS, O.opinionDecline / 2), O)).toEqual({
        kind: 'fallback',
        id: null,
        confidence: decision.confidence,
        candidates: decision.candidates,
        rule: 'secondOpinionDeclines',
      });
    });
  });

  describe('when the model thinks it is smalltalk', () => {
    it('turns an answer into a question about it', () => {
      const decision = answer('vehicles.bus', UNTRUSTED);
      expect(secondOpinion(decision, thinks('smalltalk.greeting', 0.99), O)).toEqual(doubtAboutBus);
    });

    it('answers a fallback with the smalltalk when sure enough to overrule (opinionOverrule)', () => {
      const decision = fallback();
      expect(secondOpinion(decision, thinks('smalltalk.help', O.opinionOverrule), O)).toEqual({
        kind: 'smalltalk',
        id: 'smalltalk.help',
        confidence: O.opinionOverrule,
        candidates: decision.candidates,
        rule: 'secondOpinionSmalltalk',
      });
    });

    it('keeps a fallback when less sure than that', () => {
      const decision = fallback();
      expect(secondOpinion(decision, thinks('smalltalk.help', O.opinionOverrule - 0.05), O)).toBe(decision);
    });

    it('keeps a clarification, and does not answer with smalltalk', () => {
      const decision = clarify([candidate('vehicles.bus', 0.45), candidate('vehicles.car', 0.44)]);
      expect(secondOpinion(decision, thinks('smalltalk.greeting', 0.99), O)).toBe(decision);
    });
  });

  describe('when the model is confident (at least opinionAnswer) of another entry', () => {
    it('answers a fallback with its entry, first among the rules\' candidates', () => {
      const decision = fallback([candidate('vehicles.bus', 0.3), candidate('vehicles.bike', 0.2)]);
      expect(secondOpinion(decision, thinks('vehicles.car', O.opinionAnswer), O)).toEqual({
        kind: 'answer',
        id: 'vehicles.car',
        confidence: O.opinionAnswer,
        candidates: [{ id: 'vehicles.car', score: O.opinionAnswer, matched: '' }, candidate('vehicles.bus', 0.3), candidate('vehicles.bike', 0.2)],
        rule: 'secondOpinionAnswers',
      });
    });

    it('answers a clarification, moving its entry first and keeping the rules\' candidate for it', () => {
      const decision = clarify([candidate('vehicles.bus', 0.45), candidate('vehicles.car', 0.44), candidate('vehicles.bike', 0.2)]);
      const result = secondOpinion(decision, thinks('vehicles.car', O.opinionAnswer + 0.01), O);
      expect(result).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers', confidence: O.opinionAnswer + 0.01 });
      expect(result.candidates).toEqual([candidate('vehicles.car', 0.44), candidate('vehicles.bus', 0.45), candidate('vehicles.bike', 0.2)]);
    });

    it('overrules an answer from a fact only at opinionOverrule, and drops what it said first (`direct`), which was about the other entry', () => {
      const decision: Ruled = { ...answer('vehicles.bus', UNTRUSTED), direct: { kind: 'facts', says: ['The bus needs the least effort.'] } };
      const result = secondOpinion(decision, thinks('vehicles.car', O.opinionOverrule), O);
      expect(result).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers' });
      expect(result).not.toHaveProperty('direct');
      expect(ids(result)).toEqual(['vehicles.car', 'vehicles.bus']);
    });

    it('asks between an answer from a fact and its own entry below opinionOverrule, though at opinionAnswer', () => {
      const decision: Ruled = { ...answer('vehicles.bus', UNTRUSTED), direct: { kind: 'facts', says: ['The bus needs the least effort.'] } };
      const result = secondOpinion(decision, thinks('vehicles.car', Math.max(O.opinionAnswer, O.opinionOverrule - 0.01)), O);
      expect(result).toMatchObject({ kind: 'clarify', id: null, rule: 'secondOpinionDoubts' });
      expect(ids(result)).toEqual(['vehicles.bus', 'vehicles.car']);
    });

    describe('when the rules compared along a scale and the model prefers the overview of their answer', () => {
      const overviewOf = (id: string) => (id.startsWith('vehicles.') ? 'vehicles' : undefined);
      const compared: Ruled = { ...answer('vehicles.bike', UNTRUSTED, [], 'comparisonAlongScale'), direct: { kind: 'facts', says: [SAYS.bikeMostEffort] } };
      const between = Math.max(O.opinionAnswer, O.opinionOverrule - 0.01);

      it('answers the overview, which answers the comparison too, where it would otherwise ask', () => {
        expect(secondOpinion(compared, thinks('vehicles', between), O, overviewOf)).toMatchObject({ kind: 'answer', id: 'vehicles', rule: 'secondOpinionOverview' });
        expect(secondOpinion(compared, thinks('vehicles', between), O)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
      });

      it('asks as before when the model is less sure than opinionAnswer', () => {
        expect(secondOpinion(compared, thinks('vehicles', O.opinionAnswer - 0.05), O, overviewOf)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
      });

      it('keeps an answer chosen by elimination, however sure the model is of the overview', () => {
        const eliminated: Ruled = { ...compared, id: 'vehicles.car', candidates: [candidate('vehicles.car', UNTRUSTED)], direct: { kind: 'facts', says: [SAYS.bikeMostEffort], chosen: 'vehicles.car' } };
        expect(secondOpinion(eliminated, thinks('vehicles', 0.99), O, overviewOf)).toBe(eliminated);
      });

      it('keeps an answer the facts choose between the two the question offers, however sure the model is of the overview', () => {
        const chosen: Ruled = { ...compared, direct: { kind: 'facts', says: [SAYS.bikeMostEffort], between: ['vehicles.bike', 'vehicles.car'] } };
        expect(secondOpinion(chosen, thinks('vehicles', 0.99), O, overviewOf)).toBe(chosen);
      });

      it('keeps the one part a "which …?" asks for at an end, however sure the model is of the overview', () => {
        const single: Ruled = { ...compared, direct: { kind: 'facts', says: [SAYS.bikeMostEffort], single: true } };
        expect(secondOpinion(single, thinks('vehicles', 0.99), O, overviewOf)).toBe(single);
      });

      it('only for a comparison: another rule\'s answer from a fact is asked about as before', () => {
        const other: Ruled = { ...compared, rule: 'sideOfNamedTopic' };
        expect(secondOpinion(other, thinks('vehicles', between), O, overviewOf)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
      });
    });

    describe('when the rules compared along a scale with the overview and the model prefers one of its parts', () => {
      const overviewOf = (id: string) => (id.startsWith('vehicles.') ? 'vehicles' : undefined);
      const below = Math.max(O.opinionAnswer, O.opinionOverrule - 0.01);
      const fromFacts: Ruled = { ...answer('vehicles', UNTRUSTED, [], 'comparisonAlongScale'), direct: { kind: 'facts', says: [SAYS.bikeMostEffort] } };
      const unranked: Ruled = { ...answer('vehicles', UNTRUSTED, [], 'comparisonAlongScale'), direct: { kind: 'not-stated', asked: { scale: 'comfort', rank: 'most' }, instead: [], compared: ['vehicles.car', 'vehicles.bike'] } };

      it('keeps the overview, which describes every part compared, below opinionOverrule', () => {
        expect(secondOpinion(fromFacts, thinks('vehicles.bike', below), O, overviewOf)).toBe(fromFacts);
        expect(secondOpinion(unranked, thinks('vehicles.car', below), O, overviewOf)).toBe(unranked);
      });

      it('asks as before where the lecture is silent on which one of the whole family is at that end, or the model prefers a part not compared', () => {
        const wholeFamily: Ruled = { ...unranked, direct: { kind: 'not-stated', asked: { scale: 'comfort', rank: 'most' }, instead: [] } };
        expect(secondOpinion(wholeFamily, thinks('vehicles.car', below), O, overviewOf)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
        expect(secondOpinion(unranked, thinks('vehicles.bus', below), O, overviewOf)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
      });

      it('lets a model sure enough to overrule answer its part', () => {
        expect(secondOpinion(fromFacts, thinks('vehicles.bike', O.opinionOverrule), O, overviewOf)).toMatchObject({ kind: 'answer', id: 'vehicles.bike', rule: 'secondOpinionAnswers' });
      });

      it('asks as before where the model prefers an entry of another family, or no overview is known', () => {
        expect(secondOpinion(fromFacts, thinks('walking', below, ['vehicles.bike', DECLINE_CLASS]), O, overviewOf)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
        expect(secondOpinion(fromFacts, thinks('vehicles.bike', below), O)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
      });

      it('only for a comparison: another rule\'s overview from a fact is asked about as before', () => {
        expect(secondOpinion({ ...fromFacts, rule: 'sideOfNamedTopic' }, thinks('vehicles.bike', below), O, overviewOf)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
      });
    });

    it('asks, the same way, between an answer saying the lecture ranks none of the things compared and its own entry', () => {
      const decision: Ruled = { ...answer('vehicles', UNTRUSTED), direct: { kind: 'not-stated', asked: { scale: 'comfort', rank: 'most' }, instead: [] } };
      expect(secondOpinion(decision, thinks('vehicles.car', Math.max(O.opinionAnswer, O.opinionOverrule - 0.01)), O)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
      expect(secondOpinion(decision, thinks('vehicles.car', O.opinionOverrule), O)).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers' });
    });

    it('overrules an answer saying the lecture names no side of a thing from opinionAnswer: a side is not a ranking the model could read the wrong way', () => {
      const decision: Ruled = { ...answer('vehicles.bus', UNTRUSTED), direct: { kind: 'not-stated', asked: { side: 'disadvantage' }, instead: [] } };
      expect(secondOpinion(decision, thinks('vehicles.car', O.opinionAnswer), O)).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers' });
    });

    it('overrules an answer that no fact supports from opinionAnswer', () => {
      const result = secondOpinion(answer('vehicles.bus', UNTRUSTED), thinks('vehicles.car', O.opinionAnswer), O);
      expect(result).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers' });
    });

    it('offers at most 5 candidates, its own first', () => {
      const many = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, rank) => candidate(`vehicles.${id}`, 0.35 - rank / 100));
      const result = secondOpinion(fallback(many), thinks('vehicles.car', O.opinionAnswer + 0.01), O);
      expect(ids(result)).toEqual(['vehicles.car', 'vehicles.a', 'vehicles.b', 'vehicles.c', 'vehicles.d']);
    });
  });

  describe('when the model is unsure (below opinionAnswer) of another entry', () => {
    it('turns an answer into "Did you mean" offering the rules\' entry and the model\'s', () => {
      const decision = answer('vehicles.bus', UNTRUSTED, [candidate('vehicles.bike', 0.3)]);
      const p = O.opinionAnswer - 0.01;
      expect(secondOpinion(decision, thinks('vehicles.car', p), O)).toEqual({
        kind: 'clarify',
        id: null,
        confidence: UNTRUSTED,
        candidates: [candidate('vehicles.bus', UNTRUSTED), { id: 'vehicles.car', score: p, matched: '' }],
        rule: 'secondOpinionDoubts',
      });
    });

    it('offers the rules\' own candidate for the model\'s entry when they had one', () => {
      const decision = answer('vehicles.bus', UNTRUSTED, [candidate('vehicles.car', 0.3)]);
      expect(secondOpinion(decision, thinks('vehicles.car', O.opinionAnswer - 0.01), O).candidates).toEqual([candidate('vehicles.bus', UNTRUSTED), candidate('vehicles.car', 0.3)]);
    });

    it('keeps a clarification', () => {
      const decision = clarify([candidate('vehicles.bus', 0.45), candidate('vehicles.bike', 0.44)]);
      expect(secondOpinion(decision, thinks('vehicles.car', O.opinionAnswer - 0.01), O)).toBe(decision);
    });

    it('keeps a fallback a decline, offering the model\'s entry first', () => {
      expect(secondOpinion(fallback(), thinks('vehicles.car', O.opinionAnswer - 0.01), O)).toMatchObject({ kind: 'fallback', rule: 'secondOpinionOffers', candidates: [{ id: 'vehicles.car' }, { id: 'vehicles.bus' }] });
    });
  });
});

describe('a Matcher with a question model', () => {
  const kb = tinyKnowledgeBase();
  /** A model with the given weights over two classes, the decline class and the car. */
  const classifierOf = (bias: [number, number], weights: Record<string, number[]> = {}) =>
    new QuestionClassifier({ format: QUESTION_MODEL_FORMAT, inputs: 'f'.repeat(64), classes: [DECLINE_CLASS, 'vehicles.car'], bias, ...flattenWeights(Object.entries(weights)) });
  /** Certain, for any question, that it is about the car. */
  const alwaysCar = classifierOf([0, 50]);
  /** A matcher with a model certain, for any question, that it is about this entry. */
  const sureOf = (id: string, base = kb) =>
    new Matcher(base, {}, undefined, new QuestionClassifier({ format: QUESTION_MODEL_FORMAT, inputs: 'f'.repeat(64), classes: [DECLINE_CLASS, id], bias: [0, 50], ...flattenWeights([]) }));
  const rulesAlone = new Matcher(kb);
  const withModel = new Matcher(kb, {}, undefined, alwaysCar);
  /** Off-topic, but with words the tiny lecture uses ("helmet"), so that the rules score it and decline it as too weak. */
  const declined = 'where can i buy a helmet for my dog';

  it('declines the question by the rules alone', () => {
    expect(rulesAlone.match(declined)).toMatchObject({ kind: 'fallback', id: null });
  });

  it('answers it with the model\'s entry', () => {
    expect(withModel.match(declined)).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers' });
  });

  describe('where the rules and the model answer twins whose titles differ by a "not"', () => {
    /** Certain, for any question, that it asks "Why walk?". */
    const alwaysWhy = sureOf('reasons-to-walk');

    it('keeps the twin with the "not" where the question has one ("why wouldn\'t everyone walk?")', () => {
      expect(alwaysWhy.match("why wouldn't everyone walk?")).toMatchObject({ kind: 'answer', id: 'reasons-not-to-walk' });
    });

    it.each([
      ['after what the twins share', 'why walk, not drive?'],
      ['before a "why" that opens a question of its own', "I'm not sure, why walk?"],
      ['in a clause of its own after it', 'why walk if we do not have a car?'],
    ])('leaves it to the model where the "not" does not govern what the twins share: %s ("%s")', (_, question) => {
      expect(rulesAlone.match(question)).toMatchObject({ id: 'reasons-not-to-walk' });
      expect(alwaysWhy.match(question)).toMatchObject({ kind: 'answer', id: 'reasons-to-walk' });
    });

    it('leaves it to the model where the only "not" is a tag asking for agreement ("walking is healthy, isn\'t it?")', () => {
      expect(rulesAlone.match("walking is healthy, isn't it?")).toMatchObject({ id: 'reasons-not-to-walk' });
      expect(alwaysWhy.match("walking is healthy, isn't it?")).toMatchObject({ kind: 'answer', id: 'reasons-to-walk' });
    });
  });

  it('keeps a choice the facts settle by elimination ("the car or the bike, which needs less effort?"), where the model prefers the part at that end of all (the bus)', () => {
    const alwaysBus = sureOf('vehicles.bus');
    expect(alwaysBus.match('the car or the bike, which needs less effort')).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'comparisonAlongScale' });
  });

  describe('where the rules answered why (not) to use a named part, and the model the list of that side', () => {
    /** Certain, for any question, that it asks "Why not walk?", the tiny lecture's list of disadvantages. */
    const alwaysWhyNot = sureOf('reasons-not-to-walk');

    it('keeps the part ("why wouldn\'t I use the bike?"): the model reads "why not use" as the list', () => {
      expect(alwaysWhyNot.match("why wouldn't I use the bike?")).toMatchObject({ kind: 'answer', id: 'vehicles.bike', rule: 'sideOfNamedTopic' });
    });

    it('keeps the list of the side named first where both are asked ("the cons and pros of walking"), and a part named ("the pros and cons of the bus")', () => {
      const alwaysWhy = sureOf('reasons-to-walk');
      expect(alwaysWhy.match('the cons and pros of walking')).toMatchObject({ kind: 'answer', id: 'reasons-not-to-walk', rule: 'bothSidesAsked' });
      expect(alwaysWhy.match('what are the pros and cons of the bus')).toMatchObject({ kind: 'answer', id: 'vehicles.bus', rule: 'bothSidesAsked' });
    });

    it('leaves a side asked in other words to the model ("what\'s bad about the bike")', () => {
      expect(alwaysWhyNot.match("what's bad about the bike")).toMatchObject({ kind: 'answer', id: 'reasons-not-to-walk' });
    });
  });

  describe('where the rules read one end of a scale, and the model prefers the entry the lecture ranks at the other', () => {
    it('keeps the rules\' answer: the car is the most expensive, never the cheapest ("which vehicle is the cheapest?")', () => {
      expect(rulesAlone.match('which vehicle is the cheapest?')).toMatchObject({ kind: 'answer', id: 'vehicles', rule: 'comparisonAlongScale' });
      expect(sureOf('vehicles.car').match('which vehicle is the cheapest?')).toMatchObject({ kind: 'answer', id: 'vehicles', rule: 'comparisonAlongScale' });
    });

    it('keeps the end the facts give: the bus, not the bike, is the least effort, and the bike, not the bus, the most of the two compared', () => {
      expect(sureOf('vehicles.bike').match('which vehicle needs the least effort?')).toMatchObject({ kind: 'answer', id: 'vehicles.bus', rule: 'comparisonAlongScale' });
      expect(sureOf('vehicles.bus').match('which takes the most effort, the bus or the bike?')).toMatchObject({ kind: 'answer', id: 'vehicles.bike', rule: 'comparisonAlongScale' });
    });

    it('keeps a yes or no the facts settle ("does the car need the most effort?" is a no, the bike taking it), against the part named, which the model prefers', () => {
      expect(sureOf('vehicles.car').match('does the car need the most effort?')).toMatchObject({ kind: 'answer', id: 'vehicles.bike', rule: 'comparisonAlongScale', direct: { verdict: 'no' } });
    });

    it('keeps the rules\' "the lecture does not say" on a scale the lecture ranks nothing on ("which vehicle is the most comfortable?"), against a part the model prefers', () => {
      expect(sureOf('vehicles.car').match('which vehicle is the most comfortable?')).toMatchObject({ kind: 'answer', id: 'vehicles', rule: 'comparisonAlongScale', direct: { kind: 'not-stated' } });
    });

    it('leaves to the model an entry the facts do not rank at the other end ("which vehicle is the cheapest?", the bike)', () => {
      expect(sureOf('vehicles.bike').match('which vehicle is the cheapest?')).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
    });
  });

  it('says the lecture ranks none of a side\'s list where the model answers a superlative with it ("which is the biggest advantage of walking?")', () => {
    const alwaysWhy = sureOf('reasons-to-walk');
    const result = alwaysWhy.match('which is the biggest advantage of walking?');
    expect(result).toMatchObject({ kind: 'answer', id: 'reasons-to-walk', direct: { kind: 'unranked', side: 'advantage' } });
    expect(result.rule).not.toBe('unrankedSuperlative');
    // Without a superlative, nothing is said first.
    expect(alwaysWhy.match('which advantages does walking have?').direct).toBeUndefined();
  });

  it('answers two of the lecture\'s titles asked about together ("bus pass and bike helmet") though the model is sure the lecture does not answer it, and declines them named otherwise', () => {
    const sureItDeclines = new Matcher(kb, {}, undefined, classifierOf([50, 0]));
    expect(sureItDeclines.match('bus pass and bike helmet')).toMatchObject({ kind: 'answer', id: 'vehicles.bus', rule: 'twoTitledSiblings' });
    expect(sureItDeclines.match('bus pass and bicycle helmet')).toMatchObject({ kind: 'fallback' });
  });

  it('still answers a smalltalk phrase as smalltalk', () => {
    expect(withModel.match('hi')).toMatchObject({ kind: 'smalltalk', id: 'smalltalk.greeting', rule: 'smalltalkPhrase' });
  });

  it('does not second-guess `matchPart`, the rest of a message matched on its own', () => {
    const part = withModel.matchPart(declined);
    expect(part).toMatchObject({ kind: 'fallback', id: null });
    expect(part).toEqual(rulesAlone.matchPart(declined));
  });

  it('gives the model the question\'s terms with the unknown ones marked', () => {
    // "dog" is not a word of the tiny lecture: the model sees "?dog", never "dog".
    expect(withModel.questionText(declined).terms).toContain('?dog');
    expect(new Matcher(kb, {}, undefined, classifierOf([0, 0], { '?dog': [1, 50] })).match(declined)).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
    expect(new Matcher(kb, {}, undefined, classifierOf([0, 0], { dog: [1, 50] })).match(declined)).toMatchObject({ kind: 'fallback', id: null });
  });

  it('gives the model the question\'s own words too, stemmed, the ones the rules set aside kept', () => {
    const { words } = withModel.questionText('Do the dogs not ride trains?');
    expect(words).toEqual(['do', 'the', 'dog', 'not', 'ride', 'train']);
    // Read at run time as in training: a weight on a word pair decides the match.
    expect(new Matcher(kb, {}, undefined, classifierOf([0, 0], { [`${WORD_MARK}my dog`]: [1, 50] })).match(declined)).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
  });

  describe('a comparison the rules answered from a lecture fact, which a sure model answers otherwise', () => {
    /** Certain, for any question, that the lecture does not answer it. */
    const sureItIsNot = (base = kb) =>
      new Matcher(base, {}, undefined, new QuestionClassifier({ format: QUESTION_MODEL_FORMAT, inputs: 'f'.repeat(64), classes: [DECLINE_CLASS, 'elsewhere'], bias: [50, 0], ...flattenWeights([]) }));
    const compared = 'which takes the most effort, the bus or the bike?';

    it('is answered from the fact by the rules alone', () => {
      expect(rulesAlone.match(compared)).toMatchObject({ kind: 'answer', id: 'vehicles.bike', direct: { kind: 'facts', says: [SAYS.bikeMostEffort] } });
    });

    const asked = 'does the bike take more effort than the bus?';

    // Not the bus, which the facts rank at the other end: that answer is kept from the model (below).
    it.each([
      ['which takes the most effort, the car or the bike?', 'vehicles.car', 'secondOpinionAnswers'],
      [asked, 'vehicles', 'secondOpinionOverview'],
    ])('keeps the fact, said first, when the model answers another entry it compares or their overview ("%s", %s)', (question, id, rule) => {
      expect(rulesAlone.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike', direct: { kind: 'facts', says: [SAYS.bikeMostEffort] } });
      expect(sureOf(id).match(question)).toMatchObject({ kind: 'answer', id, rule, direct: { kind: 'facts', says: [SAYS.bikeMostEffort] } });
    });

    it('checks a claim only where the model\'s best for the thing described is the rules\' answer too', () => {
      const claim = 'is a helmet an example of the bus?';
      expect(sureOf('vehicles.bike').match(claim)).toMatchObject({ rule: 'claimChecked', id: 'vehicles.bike' });
      expect(sureOf('vehicles.car').match(claim).rule).not.toBe('claimChecked');
    });

    it('keeps the one preferred to a sibling ("… the bus over the car?"), when the model answers their overview', () => {
      expect(sureOf('vehicles').match('when would I take the bus over the car?')).toMatchObject({ kind: 'answer', id: 'vehicles.bus', rule: 'preferredOver' });
    });

    it('keeps the part that combines the parts named ("combining renting and owning"), when the model answers their overview', () => {
      expect(sureOf('homes', housingKnowledgeBase()).match('combining renting and owning')).toMatchObject({ kind: 'answer', id: 'homes.shared', rule: 'combinationNamed' });
    });

    it('keeps a question of origin declined, when the model is sure of the thing it names', () => {
      expect(sureOf('vehicles.bus').match('who invented the bus?')).toMatchObject({ kind: 'fallback', id: null, rule: 'originNotGiven' });
    });

    it('keeps the list of a side of the subject, when the model is sure of the subject itself', () => {
      expect(sureOf('gardening', gardeningKnowledgeBase()).match('what is good about growing plants in soil yourself')).toMatchObject({ kind: 'answer', id: 'for', rule: 'sideOfSubject' });
    });

    it.each([
      ['preferredOver', kb, 'when would I take the bus over the car?'],
      ['combinationNamed', housingKnowledgeBase(), 'combining renting and owning'],
      ['sideOfSubject', gardeningKnowledgeBase(), 'what is good about growing plants in soil yourself'],
    ])('lets a model sure the lecture does not answer decline what %s answered', (rule, base, question) => {
      expect(RULES_ONLY_DECLINED.has(rule)).toBe(true);
      expect(new Matcher(base).match(question).rule).toBe(rule);
      expect(sureItIsNot(base).match(question)).toMatchObject({ kind: 'fallback', id: null, rule: 'secondOpinionDeclines' });
    });

    it('keeps the rules\' answer to a choice between the two, which the facts make, when the model answers their overview', () => {
      expect(sureOf('vehicles').match(compared)).toMatchObject({ kind: 'answer', id: 'vehicles.bike', rule: 'comparisonAlongScale', direct: { kind: 'facts', says: [SAYS.bikeMostEffort] } });
    });

    it('keeps a choice by elimination when the model answers the other entry compared, which the facts rank at the other end (until the nineteenth session the model answered it, the facts said first)', () => {
      const choice = 'which needs less effort, the car or the bike?';
      expect(rulesAlone.match(choice)).toMatchObject({ id: 'vehicles.car', direct: { kind: 'facts', chosen: 'vehicles.car' } });
      expect(sureOf('vehicles.bike').match(choice)).toMatchObject({ kind: 'answer', id: 'vehicles.car', direct: { kind: 'facts', chosen: 'vehicles.car' } });
    });

    it('drops the fact when the model answers an entry the question does not compare', () => {
      const answered = sureOf('vehicles.car').match(compared);
      expect(answered).toMatchObject({ kind: 'answer', id: 'vehicles.car', rule: 'secondOpinionAnswers' });
      expect(answered.direct).toBeUndefined();
    });

    it.each([
      ['a fact', 'what is the disadvantage of the bike, the one that takes the most effort?', { kind: 'facts', says: [SAYS.bikeDisadvantage] }],
      ['a side the lecture does not state', 'any disadvantage of the bus being the least effort', { kind: 'not-stated', asked: { side: 'disadvantage' }, instead: [] }],
    ])('drops a side\'s direct answer (%s) when the question also reads as a comparison: it is about the entry named', (_, question, direct) => {
      const ruled = rulesAlone.match(question);
      expect(ruled).toMatchObject({ rule: 'sideOfNamedTopic', direct, reading: { comparison: { scale: 'effort' } } });
      const answered = sureOf('vehicles').match(question);
      expect(answered).toMatchObject({ kind: 'answer', id: 'vehicles', rule: 'secondOpinionAnswers' });
      expect(answered.direct).toBeUndefined();
    });

    it('drops a side\'s fact, which is about the entry named, not a comparison', () => {
      const side = 'what is the disadvantage of the bike?';
      expect(rulesAlone.match(side)).toMatchObject({ id: 'vehicles.bike', direct: { kind: 'facts', says: [SAYS.bikeDisadvantage] } });
      const answered = sureOf('vehicles.bus').match(side);
      expect(answered).toMatchObject({ kind: 'answer', id: 'vehicles.bus' });
      expect(answered.direct).toBeUndefined();
    });
  });

  it('gives the model the matcher\'s reading of the question, in training as at run time', () => {
    const cheapest = 'where can i buy the cheapest helmet for my dog';
    expect(withModel.questionText(cheapest).signals).toContain('cost least');
    expect(withModel.questionText(declined).signals).toEqual([]);
    expect(new Matcher(kb, {}, undefined, classifierOf([0, 0], { [`${SIGNAL_MARK}cost least`]: [1, 50] })).match(cheapest)).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
    expect(new Matcher(kb, {}, undefined, classifierOf([0, 0], { [`${SIGNAL_MARK}cost least`]: [1, 50] })).match(declined)).toMatchObject({ kind: 'fallback', id: null });
  });
});
