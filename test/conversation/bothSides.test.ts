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

  it('after PaaS, whose answer gives no sides, gives its fact on the side it has and says the lecture names none on the other', () => {
    const reply = after('service-models.paas', 'pros and cons?');
    expect(reply).toMatchObject({ kind: 'answer', id: 'service-models.paas' });
    expect(reply.text).toMatch(/With PaaS you do not set up the operating system.*The lecture names no disadvantage of PaaS in particular\./s);
  });

  it('after the public cloud, whose disadvantages are the lecture\'s list as a whole, points to that list', () => {
    expect(after('deployment-models.public', 'pros and cons?').text).toMatch(/The lecture names no disadvantage of the public cloud in particular; see "Why not use the cloud\?"/);
  });

  it('with a topic of its own named ("pros and cons of PaaS?"), answers that, not the last topic', () => {
    expect(after('service-models.iaas', 'pros and cons of PaaS?').id).not.toBe('service-models.iaas');
  });
});
