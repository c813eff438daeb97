import { Matcher } from '../../src/matching/Matcher';
import type { Opinion, QuestionClassifier } from '../../src/matching/questionModel';
import { classifierThinking } from '../support/opinions';
import { SAYS, tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/**
 * What a question sets aside ("apart from the bus, …") on the tiny transport lecture, with a
 * model that is sure of one answer whatever it is asked: the model reads only what the question
 * keeps, so it cannot know what was set aside.
 */
function sureOf(id: string): QuestionClassifier {
  const opinions: Opinion[] = [
    { id, p: 0.97 },
    { id: 'vehicles', p: 0.02 },
    { id: '-', p: 0.01 },
  ];
  return classifierThinking(opinions);
}

describe('a question that sets a topic aside', () => {
  const kb = tinyKnowledgeBase();

  it('in a choice ("apart from the bus, which…"), is not answered with it, however sure the model is', () => {
    const matcher = new Matcher(kb, {}, undefined, sureOf('vehicles.bus'));
    expect(matcher.match('apart from the bus, which vehicle needs the least effort?')).toMatchObject({
      kind: 'answer',
      id: 'vehicles.car',
      direct: { kind: 'facts', says: [SAYS.busLeastEffort, SAYS.bikeMostEffort], chosen: 'vehicles.car' },
    });
  });

  it('in a comparison that does not say "which" ("apart from the bus, what is…"), the same', () => {
    const matcher = new Matcher(kb, {}, undefined, sureOf('vehicles.bus'));
    expect(matcher.match('apart from the bus, what is the easiest vehicle?')).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
  });

  it('without setting it aside, the same model and question are answered with it', () => {
    const matcher = new Matcher(kb, {}, undefined, sureOf('vehicles.bus'));
    expect(matcher.match('which vehicle needs the least effort?')).toMatchObject({ kind: 'answer', id: 'vehicles.bus' });
  });

  it('outside a choice, keeps the model\'s opinion of it: a name set aside may be a part of what is asked', () => {
    const matcher = new Matcher(kb, {}, undefined, sureOf('vehicles.bus'));
    // The rules alone ask between the bus and the car, which both have seats.
    expect(new Matcher(kb).match('apart from the bus pass, what about seats?').kind).toBe('clarify');
    expect(matcher.match('apart from the bus pass, what about seats?')).toMatchObject({ kind: 'answer', id: 'vehicles.bus' });
  });
});
