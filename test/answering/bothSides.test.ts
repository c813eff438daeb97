import { Answerer } from '../../src/answering/Answerer';
import { Matcher } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from '../matching/fixtures/tinyKnowledge';

/**
 * "The pros and cons of walking", matched to one side's list (the tiny lecture's "Why walk?"):
 * the reply gives the other side's list after it, whichever side was matched.
 */
describe('a question that asks both sides of a subject', () => {
  const kb = tinyKnowledgeBase();
  const matcher = new Matcher(kb);
  const answerer = new Answerer(kb, matcher);
  /** The reply for a question, as if it had matched this entry, whatever the tiny lecture's scores make of it. */
  const replyAs = (question: string, id: string) => answerer.answerMatch({ ...matcher.match(question), kind: 'answer', id, confidence: 0.9 });
  const FOR = kb.get('reasons-to-walk')?.answer ?? '';
  const AGAINST = kb.get('reasons-not-to-walk')?.answer ?? '';

  it.each([
    ['what are the pros and cons of walking', 'reasons-to-walk', [FOR, AGAINST]],
    ['discuss the disadvantages and advantages of walking', 'reasons-not-to-walk', [AGAINST, FOR]],
    ['walking: the arguments for and against', 'reasons-to-walk', [FOR, AGAINST]],
    ['evaluate walking to class for a first-year student (5 marks)', 'reasons-to-walk', [FOR, AGAINST]],
    ['assess whether we should walk', 'reasons-to-walk', [FOR, AGAINST]],
  ])('gives both lists for "%s", the one matched first', (question, id, [first, second]) => {
    const text = replyAs(question, id).text;
    expect(text).toContain(first);
    expect(text).toContain(second);
    expect(text.indexOf(first ?? '')).toBeLessThan(text.indexOf(second ?? ''));
    expect(replyAs(question, id).suggestions.map((suggestion) => suggestion.id)).not.toContain(id === 'reasons-to-walk' ? 'reasons-not-to-walk' : 'reasons-to-walk');
  });

  it('gives one list where one side is asked ("what are the pros of walking")', () => {
    expect(replyAs('what are the pros of walking', 'reasons-to-walk').text).not.toContain(AGAINST);
  });

  it('gives a part alone, though both of its sides are asked ("the pros and cons of the bus")', () => {
    expect(replyAs('the pros and cons of the bus', 'vehicles.bus').text).not.toContain(AGAINST);
  });
});
