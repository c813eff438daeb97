import { Matcher } from '../../src/matching/Matcher';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * Comparisons the lecture leaves open, on the real knowledge base, by the rules alone: the tiny
 * lecture of rules.test.ts has no sub-topic named by a scale's own word, as the costs and control
 * drawbacks are here.
 */
describe('a comparison of two sub-topics on a scale the lecture ranks neither on', () => {
  const matcher = new Matcher(realKnowledgeBase());

  it.each([
    ['is a private cloud cheaper than a public one', 'cost', 'least'],
    ['which costs less, hybrid or public?', 'cost', 'least'],
  ])('"%s" is answered with the overview, the lecture not ranking them said first', (question, scale, rank) => {
    expect(matcher.match(question)).toMatchObject({
      rule: 'comparisonAlongScale',
      kind: 'answer',
      id: 'deployment-models',
      direct: { kind: 'not-stated', asked: { scale, rank }, instead: [] },
    });
  });

  it.each(['is cost a bigger problem than latency', 'is control a bigger drawback than security'])(
    '"%s" names one of the two by the scale\'s own word, so it is not such a comparison',
    (question) => {
      const result = matcher.match(question);
      expect(result.reading.comparison).toBeDefined();
      expect(result.direct?.kind).not.toBe('not-stated');
    },
  );
});
