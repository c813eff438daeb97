import { Matcher } from '../../src/matching/Matcher';
import type { QuestionClassifier } from '../../src/matching/questionModel';
import { classifierLeaning, classifierThinking } from '../support/opinions';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/**
 * A choice within the one family a question names, answered by the rules with one part
 * (`choiceWithinNamedFamily`) and by a model sure of the family's overview: the part asked for
 * stands. On the tiny transport lecture, where the rules answer the bus.
 */
function sureOf(id: string, p = 0.9): QuestionClassifier {
  return classifierLeaning(id, p, ['-', 'reasons-not-to-walk']);
}

describe('a part chosen within a named family, against a model sure of the family', () => {
  const kb = tinyKnowledgeBase();
  const situation = 'walking is too slow for the distance and my bag is heavy';

  it('keeps the part the rules chose, where the model would answer the overview', () => {
    const question = `${situation}, which vehicle then`;
    expect(new Matcher(kb).match(question)).toMatchObject({ rule: 'choiceWithinNamedFamily', id: 'vehicles.bus' });
    expect(new Matcher(kb, {}, undefined, sureOf('vehicles')).match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bus', rule: 'choiceWithinNamedFamily' });
  });

  it.each([
    ['a comparison', `${situation}, compare the vehicles, which then`],
    ['a "not"', `${situation}, which vehicle is not for me`],
    ['a choice of several', `${situation}, which kinds of vehicle then`],
  ])('leaves the overview to %s ("%s")', (_, question) => {
    expect(new Matcher(kb).match(question)).toMatchObject({ rule: 'choiceWithinNamedFamily', id: 'vehicles.bus' });
    expect(new Matcher(kb, {}, undefined, sureOf('vehicles')).match(question)).toMatchObject({ kind: 'answer', id: 'vehicles' });
  });

  it('keeps the part where the question offers it and one other, and the model doubts between the part and the family', () => {
    const doubting = new Matcher(kb, {}, undefined, classifierThinking([{ id: 'vehicles', p: 0.5 }, { id: 'vehicles.bus', p: 0.3 }, { id: '-', p: 0.1 }, { id: 'vehicles.car', p: 0.1 }]));
    expect(doubting.match(`${situation}, which vehicle then, the bus or the car`)).toMatchObject({ kind: 'answer', id: 'vehicles.bus', rule: 'choiceWithinNamedFamily' });
    // Offered no two parts, the doubt stands: without that condition, the cross-validation turned 2 answers wrong for 4 right.
    expect(doubting.match(`${situation}, which vehicle then`)).toMatchObject({ kind: 'clarify', rule: 'secondOpinionDoubts' });
  });

  it('leaves a model sure of another part to the weighing as before', () => {
    expect(new Matcher(kb, {}, undefined, sureOf('vehicles.car')).match(`${situation}, which vehicle then`)).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
  });
});

/** Two parts of one family named and compared, answered by the rules with one of the two and by a model sure of their family. */
describe('a part of two compared by name, against a model sure of their family', () => {
  const kb = tinyKnowledgeBase();
  const sure = new Matcher(kb, {}, undefined, sureOf('vehicles', 0.99));

  it('keeps the rules\' part, whose answer sets the two side by side', () => {
    expect(new Matcher(kb).match('compare the bicycle and the bus for hills')).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
    expect(sure.match('compare the bicycle and the bus for hills')).toMatchObject({ kind: 'answer', id: 'vehicles.bike', rule: 'clearWinner' });
  });

  it('leaves the overview where the two are not compared ("tell me about …")', () => {
    expect(new Matcher(kb).match('tell me about the bicycle and the bus for hills')).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
    expect(sure.match('tell me about the bicycle and the bus for hills')).toMatchObject({ kind: 'answer', id: 'vehicles' });
  });
});
