import { Matcher, withoutExcluded } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/**
 * What a question sets aside ("rather than …", "instead of …", to the end of its clause) is not
 * what it asks about, so it is left out before the question is read.
 */
describe('withoutExcluded', () => {
  it.each([
    ['tell me about the bus rather than the bike', 'tell me about the bus  '],
    ['the bus instead of the bike, which is cheaper?', 'the bus  , which is cheaper?'],
    ['is the bus cheap', 'is the bus cheap'],
  ])('turns %j into %j', (question, kept) => {
    expect(withoutExcluded(question)).toBe(kept);
  });

  it('keeps a question that is nothing but what it sets aside', () => {
    expect(withoutExcluded('instead of the bus')).toBe('instead of the bus');
  });
});

describe('a Matcher reading a question that sets something aside', () => {
  const matcher = new Matcher(tinyKnowledgeBase());

  it('answers what is asked about ("the bus rather than the bike"), not the overview of both', () => {
    expect(matcher.match('tell me about the bus rather than the bike')).toMatchObject({ kind: 'answer', id: 'vehicles.bus' });
    expect(matcher.match('tell me about the bus and the bike')).toMatchObject({ kind: 'answer', id: 'vehicles' });
  });
});
