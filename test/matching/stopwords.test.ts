import { Matcher } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';

/** Words that frame a question name no topic: they must not count against the one it names. */
describe('the stop words', () => {
  const matcher = new Matcher(tinyKnowledgeBase());

  it.each([
    ['explain the term timetable in the context of transport', 'explain timetable transport'],
    ['what is meant by the phrase bus pass', 'what is meant by bus pass'],
    ['which vehicle does that relate to', 'which vehicle does that'],
  ])('read the exam framing of %j as nothing: the terms of %j', (framed, plain) => {
    expect(matcher.termsOf(framed)).toEqual(matcher.termsOf(plain));
  });
});
