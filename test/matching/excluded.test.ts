import { withoutExcluded } from '../../src/matching/asking';
import { Matcher } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/**
 * What a question sets aside ("rather than …", "instead of …", to the end of its clause; "apart
 * from …", "not the …", "… aside" opening a clause) is not what it asks about, so it is left out
 * before the question is read.
 */
describe('withoutExcluded', () => {
  it.each([
    ['tell me about the bus rather than the bike', 'tell me about the bus  '],
    ['the bus instead of the bike, which is cheaper?', 'the bus  , which is cheaper?'],
    ['is the bus cheap', 'is the bus cheap'],
  ])('turns %j into %j', (question, kept) => {
    expect(withoutExcluded(question)).toBe(kept);
  });

  it.each([
    ['Instead of buying a car you just take the bus. Which vehicle is that?', '  you just take the bus. Which vehicle is that?'],
    ['It rains. Rather than cycling we take the bus, which is cheaper?', 'It rains.  we take the bus, which is cheaper?'],
    ['instead of the bike, which is cheaper?', ' , which is cheaper?'],
    ['we take the bus instead of the bike you lent us', 'we take the bus  '],
  ])('turns %j, which opens a sentence by setting something aside with no comma, into %j: up to the subject of its own clause there, to the end of the clause elsewhere', (question, kept) => {
    expect(withoutExcluded(question)).toBe(kept);
  });

  it.each([
    ['apart from the bus, what else is there?', ' , what else is there?'],
    ['Besides the bike, which vehicle is cheap?', ' , which vehicle is cheap?'],
    ['which is cheap? not the bike please', 'which is cheap? '],
    ['the bike aside, which is cheap?', ' , which is cheap?'],
    ['tell me the upsides, nothing about the bike.', 'tell me the upsides, .'],
    ['besides the bus what else is there?', '  what else is there?'],
    ['except the bike which one is cheap?', '  which one is cheap?'],
    ['excluding the car, which is easiest?', ' , which is easiest?'],
  ])('turns %j, which sets something aside as it opens a clause, into %j', (question, kept) => {
    expect(withoutExcluded(question)).toBe(kept);
  });

  it.each([
    ['we know the bus but nothing about the bike'],
    ['a vehicle other than the bus, is there one?'],
    ['we have money set aside for the bus'],
    ['why is the bike not the cheapest'],
    ['apart from the price the bus seems great, what is bad about it?'],
    ['we are not the sort of people who ride a bike, which vehicle?'],
    ['the trip is short, nothing about it needs a car, which vehicle?'],
    ['our office sets a bike aside, is that cheap?'],
  ])('keeps %j, where the words describe the situation, not what is set aside', (question) => {
    expect(withoutExcluded(question)).toBe(question);
  });

  it('keeps a question that is nothing but what it sets aside', () => {
    expect(withoutExcluded('instead of the bus')).toBe('instead of the bus');
    expect(withoutExcluded('besides the bus and the bike?')).toBe('besides the bus and the bike?');
  });
});

describe('a Matcher reading a question that sets something aside', () => {
  const matcher = new Matcher(tinyKnowledgeBase());

  it('answers what is asked about ("the bus rather than the bike"), not the overview of both', () => {
    expect(matcher.match('tell me about the bus rather than the bike')).toMatchObject({ kind: 'answer', id: 'vehicles.bus' });
    expect(matcher.match('tell me about the bus and the bike')).toMatchObject({ kind: 'answer', id: 'vehicles' });
  });

  it.each([['apart from the bike, tell me about the bus'], ['the bike aside, tell me about the bus']])('answers what is asked about in %j, not the overview of both', (question) => {
    expect(matcher.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bus' });
  });
});
