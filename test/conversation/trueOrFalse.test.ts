import { Answerer } from '../../src/answering/Answerer';
import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { Matcher } from '../../src/matching/Matcher';
import { SAYS, tinyKnowledgeBase } from '../matching/fixtures/tinyKnowledge';

/**
 * "True or false: …" is read as "is it true that …", whose "it" and "that" are the reading's own:
 * they point back at no topic, so the statement is judged as it stands, not with the last topic
 * put in (which had answered the statement about another part with a "Yes").
 */
describe('a Conversation judging a "true or false" after a topic', () => {
  const kb = tinyKnowledgeBase();
  const matcher = new Matcher(kb);
  const conversation = new Conversation(kb, matcher, new Answerer(kb, matcher));

  it('judges the statement as it stands ("true or false: the bike is the least effort" after the car)', () => {
    const after = conversation.respond('tell me about the car', freshMemory()).memory;
    const reply = conversation.respond('true or false: the bike is the least effort', after).reply;
    expect(reply.id).toBe('vehicles.bus');
    expect(reply.text.split('\n\n')[0]).toBe(`**In short:** No: ${SAYS.busLeastEffort}`);
  });

  it('still reads a real pointer back ("is it the least effort?" after the bike) as the last topic', () => {
    const after = conversation.respond('tell me about the bike', freshMemory()).memory;
    expect(conversation.respond('is it the least effort?', after).reply.text.split('\n\n')[0]).toBe(`**In short:** No: ${SAYS.busLeastEffort}`);
  });
});
