import { Answerer } from '../../src/answering/Answerer';
import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { Matcher } from '../../src/matching/Matcher';
import type { Opinion, QuestionClassifier } from '../../src/matching/questionModel';
import { classifierThinking } from '../support/opinions';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * "Which one is more secure?" after the public and the private cloud compares the two on a scale,
 * though the scale's word ("secure") also names a sub-topic of its own, the security drawback, on
 * the real knowledge base (the tiny one names no sub-topic by a scale's word). The matcher is
 * given a question model sure of whatever entry a test names, as a model that reads "secure" as
 * the drawback answers the question alone.
 */
const kb = realKnowledgeBase();
const afterTwoClouds = { ...freshMemory(), lastTopic: 'deployment-models.private', seenTopics: ['deployment-models.public', 'deployment-models.private'] };

function sureOf(id: string): QuestionClassifier {
  const opinions: Opinion[] = [
    { id, p: 0.97 },
    { id: '-', p: 0.03 },
  ];
  return classifierThinking(opinions);
}

function replyTo(text: string, modelSureOf: string) {
  const matcher = new Matcher(kb, {}, undefined, sureOf(modelSureOf));
  return new Conversation(kb, matcher, new Answerer(kb, matcher)).respond(text, afterTwoClouds).reply;
}

describe('a comparison after two topics, by a scale word that also names a topic', () => {
  it.each(['which one is more secure?', 'so which is more secure then?'])('"%s": the two clouds\' overview, saying the lecture does not rank them on security, not the security drawback the question alone gets', (text) => {
    expect(new Matcher(kb, {}, undefined, sureOf('drawbacks.security')).match(text).id).toBe('drawbacks.security');
    const reply = replyTo(text, 'drawbacks.security');
    expect(reply).toMatchObject({ kind: 'answer', id: 'deployment-models' });
    expect(reply.text).toMatch(/does not say which/);
  });

  it('a scale the lecture ranks them on is still answered from its fact: "which gives more control?" is the private cloud', () => {
    expect(replyTo('which gives more control?', 'drawbacks.control').id).toBe('deployment-models.private');
  });

  it('a comparison asked again in a few words ("what about more control?") is the same choice along the new scale', () => {
    const matcher = new Matcher(kb);
    expect(new Conversation(kb, matcher, new Answerer(kb, matcher)).respond('what about more control?', afterTwoClouds).reply.id).toBe('deployment-models.private');
  });

  it('so is one the model would decline alone ("and cheaper?"): the two clouds\' overview, saying the lecture does not rank them on cost', () => {
    const reply = replyTo('and cheaper?', '-');
    expect(reply).toMatchObject({ kind: 'answer', id: 'deployment-models' });
    expect(reply.text).toMatch(/does not say which has the least cost/);
  });

  it('a question naming the drawback by more than the scale\'s word is about it: "what is the security drawback?"', () => {
    expect(replyTo('what is the security drawback?', 'drawbacks.security').id).toBe('drawbacks.security');
  });
});
