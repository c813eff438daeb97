import { Matcher } from '../../src/matching/Matcher';
import { DEFAULT_MATCHING_OPTIONS } from '../../src/matching/matchingOptions';
import type { QuestionClassifier } from '../../src/matching/questionModel';
import { classifierLeaning } from '../support/opinions';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/**
 * A choice within the one family a question names, where neither the rules nor the model is sure
 * enough alone: the rules' best part of the family, when it is the model's best entry, answers.
 * On the tiny transport lecture, with the rule that chooses within a named family by scores alone
 * (`choiceWithinNamedFamily`) held off by its floor, so that only the agreement can answer.
 */
function unsureOf(id: string, p = 0.45): QuestionClassifier {
  return classifierLeaning(id, p, ['-', 'vehicles']);
}

describe('a choice within a named family that the rules and the model agree on', () => {
  const kb = tinyKnowledgeBase();
  const matcher = (thinks: string, p?: number) => new Matcher(kb, { familyChoiceFloor: 0.9 }, undefined, unsureOf(thinks, p));
  // "Slow", "distance" and "healthy" score the reasons (not) to walk above any vehicle; "helmet" is the bike's.
  const question = 'slow long distance healthy helmet which vehicle';

  it('is answered with the part both read best, though another family scores higher', () => {
    expect(matcher('vehicles.bike').scores(question)[0]?.id).toBe('reasons-not-to-walk');
    expect(matcher('vehicles.bike').match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike', rule: 'familyChoiceAgreed', confidence: 0.45 });
  });

  it('is not answered where the model gives the part less than it needs to offer it (`opinionOffer`)', () => {
    expect(matcher('vehicles.bike', DEFAULT_MATCHING_OPTIONS.opinionOffer - 0.05).match(question)).toMatchObject({ kind: 'clarify', id: null });
    expect(matcher('vehicles.bike', DEFAULT_MATCHING_OPTIONS.opinionOffer).match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
  });

  it('is not answered where the question asks for the family\'s list ("…, what is the full list of vehicles")', () => {
    expect(matcher('vehicles.bike').match('slow long distance healthy helmet, what is the full list of vehicles')).toMatchObject({ kind: 'clarify', id: null });
  });

  it('is not answered where the model reads another part best', () => {
    expect(matcher('vehicles.car').match(question)).toMatchObject({ kind: 'clarify', id: null });
  });

  it.each([
    ['names no family', 'slow long distance healthy helmet, what is that'],
    ['names a part of the family too', 'slow long distance healthy helmet, which vehicle is it, the bus?'],
  ])('is not answered where the question %s ("%s")', (_, text) => {
    expect(matcher('vehicles.bike').match(text)).not.toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
  });
});
