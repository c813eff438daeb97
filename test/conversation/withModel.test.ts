import { Answerer } from '../../src/answering/Answerer';
import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { Matcher } from '../../src/matching/Matcher';
import { QuestionClassifier } from '../../src/matching/questionModel';
import { committedQuestionModel } from '../../scripts/eval/runEval';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * Follow-ups resolve against what was discussed before any matching, so the question model, which
 * weighs in on matching alone, must not change them: each conversation below gets, turn by turn,
 * the same replies from the bot as it runs (with the model) as from the rules alone.
 */
const CONVERSATIONS: readonly (readonly string[])[] = [
  ['what is fault tolerance', 'why?', 'give me an example'],
  ['what is fault tolerance', 'what is disaster mitigation', "what's the difference"],
  ['what is a public cloud', 'and private?', 'which gives more control'],
  ['what is paas', 'any downsides?', 'and saas?'],
  ['what is iaas', 'which needs less effort, that or paas?'],
  ['what is iaas', 'who sets up the OS?'],
  // "Scaling" names the benefit, but IaaS's own answer names it too: who does it there.
  ['what is iaas', 'who handles scaling?'],
  // "Them" is the service models, not IaaS.
  ['what is iaas', 'which of them is intermediate?'],
  // A situation changed after one answered with a part: "they" are the students, not PaaS.
  ['a uni lab gives students a ready Jupyter environment, which model is that?', 'and if they had to install Python themselves on rented VMs?', 'what if they just used a web app?'],
];

function replies(conversation: Conversation, messages: readonly string[]): { kind: string; id: string | null }[] {
  let memory = freshMemory();
  return messages.map((message) => {
    const turn = conversation.respond(message, memory);
    memory = turn.memory;
    return { kind: turn.reply.kind, id: turn.reply.id };
  });
}

describe('follow-ups with the question model', () => {
  const kb = realKnowledgeBase();
  const conversationWith = (matcher: Matcher) => new Conversation(kb, matcher, new Answerer(kb, matcher));
  const rulesAlone = conversationWith(new Matcher(kb));
  const withModel = conversationWith(new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb))));

  it.each(CONVERSATIONS.map((messages) => [messages.join(' → '), messages] as const))('%s: the same replies as the rules alone', (_, messages) => {
    const expected = replies(rulesAlone, messages);
    expect(replies(withModel, messages)).toEqual(expected);
    // Each follow-up is answered about a topic, so that agreement on declines proves nothing.
    expect(expected.slice(1).filter((reply) => reply.kind === 'answer').length).toBeGreaterThan(0);
  });
});

describe('a follow-up that carries on, with the question model', () => {
  const kb = realKnowledgeBase();
  const matcher = new Matcher(kb, {}, undefined, new QuestionClassifier(committedQuestionModel(kb)));
  const conversation = new Conversation(kb, matcher, new Answerer(kb, matcher));

  it('"do I have to handle scaling too?" after IaaS\'s disadvantages asks whether the student does the scaling there, though "scaling" names a benefit and the words alone are declined', () => {
    let memory = freshMemory();
    const [, asked] = ['what are the disadvantages of IaaS?', 'do i have to handle scaling too?'].map((message) => {
      const turn = conversation.respond(message, memory);
      memory = turn.memory;
      return turn.reply;
    });
    expect(asked?.id).toBe('service-models.iaas');
    expect(asked?.text.split('\n\n')[0]).toBe('**In short:** Yes: in IaaS you do the scaling.');
  });

  it.each([
    ['what is a private cloud?', 'who runs it?', '**Private cloud**: In a private cloud, computers are bought, put off-site and run by you or your company over a network.'],
    ['what is a public cloud?', 'who else provides public cloud?', '**Public cloud**: Providers include Microsoft Azure, Alibaba Cloud and Google Cloud Services.'],
  ])('after "%s", a detail asked ("%s") is the sentence that says it, under the part\'s title, not the whole answer again', (topic, detail, said) => {
    const first = conversation.respond(topic, freshMemory());
    const reply = conversation.respond(detail, first.memory).reply;
    expect(reply.text.split('\n\n')[0]).toBe(said);
  });

  it('"what\'s the practical problem?" after the hybrid cloud gets its disadvantages, not the whole answer again; "is it a good idea?" still weighs both', () => {
    const first = conversation.respond('what is a hybrid cloud?', freshMemory());
    expect(conversation.respond("what's the practical problem?", first.memory).reply.text.split('\n\n')[0]).toBe('**Hybrid cloud**: In practice, a hybrid cloud may mean duplication of effort. Latency (you want large data transfers to stay local) is particularly a problem with the hybrid cloud.');
    expect(conversation.respond('is it a good idea?', first.memory).reply.text).toContain('In theory it is the best of both worlds; in practice it may mean duplication of effort.');
  });

  it('"which should I use for email?" after SaaS chooses by the lecture\'s example of it, which the model alone declines; a choice with nothing of its own stays unanswered', () => {
    expect(matcher.match('which should I use for email?').kind).toBe('fallback');
    expect(replies(conversation, ['what is saas?', 'which should I use for email?']).map((reply) => reply.id)).toEqual(['service-models.saas', 'service-models.saas']);
    expect(replies(conversation, ['what is security as a drawback?', 'so which should I pick?'])[1]?.kind).toBe('fallback');
  });

  it('"any other definition?" after what the cloud is stays with it, where its words alone match the public cloud ("other users")', () => {
    expect(matcher.match('any other definition?').id).toBe('deployment-models.public');
    expect(replies(conversation, ['what is cloud computing?', 'any other definition?']).map((reply) => reply.id)).toEqual(['cloud-computing', 'cloud-computing']);
  });

  it('"so is it secure?" after IaaS puts "IaaS" in the pronoun\'s place, not its whole title, whose "as a service" read as a claim that IaaS is a service model', () => {
    let memory = freshMemory();
    const texts = ['what is iaas', 'so is it secure?'].map((message) => {
      const turn = conversation.respond(message, memory);
      memory = turn.memory;
      return turn.reply.text;
    });
    expect(texts[1]).not.toMatch(/^\*\*In short:\*\* Yes/);
  });

  it('"is it safe then?" after what the cloud is puts "the cloud" in the pronoun\'s place, not its title, a question: the security drawback', () => {
    expect(replies(conversation, ['is the cloud just the internet?', 'is it safe then?']).map((reply) => reply.id)).toEqual(['cloud-computing', 'drawbacks.security']);
  });
});
