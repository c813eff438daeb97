import { Matcher } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/** Words that frame a question, in an exam or in chat, name no topic: they must not count against the one it names. */
describe('the stop words', () => {
  const matcher = new Matcher(tinyKnowledgeBase());

  it.each([
    ['explain the term timetable in the context of transport', 'explain timetable transport'],
    ['what is meant by the phrase bus pass', 'what is meant by bus pass'],
    ['which vehicle does that relate to', 'which vehicle does that'],
    ['the bus whats the deal', 'the bus whats the'],
    ['what costs come with the car', 'what costs with the car'],
    ['remind me what the bus is', 'what the bus is'],
  ])('read the exam framing of %j as nothing: the terms of %j', (framed, plain) => {
    expect(matcher.termsOf(framed)).toEqual(matcher.termsOf(plain));
  });
});
