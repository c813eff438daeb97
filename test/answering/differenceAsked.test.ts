import { Answerer } from '../../src/answering/Answerer';
import { Matcher } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from '../matching/fixtures/tinyKnowledge';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * "What's the difference between X and Y", asked in one message and matched to X: both answers,
 * as after the follow-up "what's the difference". The answerer is given the match, so that each
 * case says which topic the question was matched to.
 */
describe('a question asking how the topic it was matched to differs from a sibling it names', () => {
  const kb = tinyKnowledgeBase();
  const matcher = new Matcher(kb);
  const answerer = new Answerer(kb, matcher);
  const matchedTo = (question: string, id: string) => answerer.answerMatch({ ...matcher.match(question), kind: 'answer', id, confidence: 0.9 });

  it('gets both answers, the matched topic first, with its id', () => {
    const reply = matchedTo('what is the difference between the bus and the bike', 'vehicles.bike');
    expect(reply.id).toBe('vehicles.bike');
    expect(reply.text.split('\n\n').slice(0, 3)).toEqual([
      'The difference between "The bike" and "The bus", in the lecture\'s words:',
      `**The bike**: ${kb.get('vehicles.bike')?.answer.trim() ?? ''}`,
      `**The bus**: ${kb.get('vehicles.bus')?.answer.trim() ?? ''}`,
    ]);
  });

  it.each([
    ['it names two siblings but asks no difference', 'tell me about the bus and the bike', 'vehicles.bus'],
    ['it names only one', 'how is the bus different', 'vehicles.bus'],
    ['it was matched to a topic it does not name', 'what is the difference between the bus and the bike', 'vehicles.car'],
  ])('gets the one answer when %s', (_, question, id) => {
    const reply = matchedTo(question, id);
    expect(reply.id).toBe(id);
    expect(reply.text.startsWith('The difference between')).toBe(false);
  });

  it('gets the one answer for siblings whose overview compares them in a table: the overview answers such a question', () => {
    const real = realKnowledgeBase();
    const realMatcher = new Matcher(real);
    const reply = new Answerer(real, realMatcher).answerMatch({ ...realMatcher.match('is saas different from paas'), kind: 'answer', id: 'service-models.saas', confidence: 0.9 });
    expect(real.get('service-models')).toHaveProperty('comparison');
    expect(reply.text.startsWith('The difference between')).toBe(false);
  });
});
