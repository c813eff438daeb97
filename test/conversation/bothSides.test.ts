import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { realAnswerer, realKnowledgeBase, realMatcher } from '../support/knowledge';

/**
 * "Pros and cons?" after a topic whose answer gives both its sides (IaaS's good and bad points,
 * the hybrid cloud's theory and practice): those sides, not the lecture's two lists, which are
 * the cloud's as a whole. The knowledge base's own answers are what is checked, so each test
 * names the sentence it expects.
 */
const conversation = new Conversation(realKnowledgeBase(), realMatcher(), realAnswerer());
const after = (lastTopic: string, text: string) => conversation.respond(text, { ...freshMemory(), lastTopic }).reply;

describe('both sides asked after a topic', () => {
  it.each(['pros and cons?', 'and the pros and cons', 'advantages and disadvantages?'])('after IaaS, "%s" gives its good and its bad point, the good first', (text) => {
    const reply = after('service-models.iaas', text);
    expect(reply).toMatchObject({ kind: 'answer', id: 'service-models.iaas' });
    expect(reply.text).toMatch(/Good point: .*Bad point: /s);
  });

  it('asked the cons first ("cons and pros?"), gives the bad point first', () => {
    expect(after('service-models.iaas', 'cons and pros?').text).toMatch(/Bad point: .*Good point: /s);
  });

  it('after the hybrid cloud, gives its one sentence of theory and practice once, and its latency problem', () => {
    const { text } = after('deployment-models.hybrid', 'pros and cons?');
    expect(text.match(/best of both worlds/g)).toHaveLength(1);
    expect(text).toMatch(/latency/);
  });

  it('with a topic of its own named ("pros and cons of PaaS?"), answers that, not the last topic', () => {
    expect(after('service-models.iaas', 'pros and cons of PaaS?').id).not.toBe('service-models.iaas');
  });
});
