import { Matcher } from '../../src/matching/Matcher';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * The odd one out on the real knowledge base, by the rules alone: questions that say "not a"
 * without naming a family right after it are no odd one out, though they mention parts of two
 * families ("if latency matters" is a condition, not one of the things listed). The rule's own
 * cases are in rules.test.ts, on a made-up lecture.
 */
describe('oddOneOut on the real knowledge base', () => {
  const matcher = new Matcher(realKnowledgeBase());

  it.each([
    'which cloud is not a good fit if latency matters, public, private or hybrid?',
    'which of the service models is not a good fit if i want control: iaas, paas, saas?',
    'which service model is not a good idea if costs matter, iaas paas or saas?',
    'which service model is not a good fit for security, iaas or saas or paas',
  ])('"%s" names no family after "not a": no odd one out', (question) => {
    expect(matcher.match(question).rule).not.toBe('oddOneOut');
  });

  it.each([
    ['which of these is not a benefit: elasticity, security, reach?', 'drawbacks.security', 'benefits'],
    ['which is not a drawback of the cloud: latency, scalability, intellectual property?', 'benefits.scalability', 'drawbacks'],
  ])('"%s" is the one part of another family', (question, id, family) => {
    expect(matcher.match(question)).toMatchObject({ rule: 'oddOneOut', id, direct: { kind: 'odd-one-out', family } });
  });
});
