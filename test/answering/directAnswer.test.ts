import { Answerer } from '../../src/answering/Answerer';
import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { Matcher } from '../../src/matching/Matcher';
import { gardeningKnowledgeBase } from '../matching/fixtures/gardening';
import { housingKnowledgeBase } from '../matching/fixtures/housing';
import { SAYS, tinyKnowledgeBase } from '../matching/fixtures/tinyKnowledge';
import { twoFamiliesKnowledgeBase } from '../matching/fixtures/twoFamilies';
import { realKnowledgeBase } from '../support/knowledge';

/**
 * What a direct question gets before the entry's answer, on the tiny made-up lecture of the
 * matcher's rule tests: the fact that answers it, an honest "the lecture does not say", or for a
 * yes-or-no question the sentence of the answer that speaks to it.
 */
describe('a direct sentence before the answer', () => {
  const kb = tinyKnowledgeBase();
  const answerer = new Answerer(kb, new Matcher(kb));
  const parts = (question: string) => answerer.answerQuestion(question).text.split('\n\n');

  it('gives the fact that ranks an entry at the end asked for, then that entry\'s answer', () => {
    const reply = answerer.answerQuestion('which vehicle needs the least effort');
    expect(reply.id).toBe('vehicles.bus');
    expect(parts('which vehicle needs the least effort').slice(0, 2)).toEqual([`**In short:** ${SAYS.busLeastEffort}`, kb.get('vehicles.bus')?.answer]);
  });

  it.each([
    ['does the bike need the least effort?', `No: ${SAYS.busLeastEffort}`],
    ['is the bike more effort than the bus?', `Yes: ${SAYS.bikeMostEffort}`],
  ])('answers a yes or no the facts settle ("%s") with the yes or no first', (question, said) => {
    expect(parts(question)[0]).toBe(`**In short:** ${said}`);
  });

  it('says where the lecture gives what the question believes happens within a part, before that part\'s answer', () => {
    const reply = answerer.answerQuestion('with the bus do i pedal up hills?');
    expect(reply.id).toBe('vehicles.bus');
    expect(parts('with the bus do i pedal up hills?').slice(0, 2)).toEqual(['**In short:** Not in "The bus": the lecture gives that under "The bike".', kb.get('vehicles.bus')?.answer]);
  });

  it('says which part a choice "not about" something rules out, and which it leaves, before the family\'s list', () => {
    const reply = answerer.answerQuestion('which vehicle is not about a helmet?');
    expect(reply.id).toBe('vehicles');
    expect(parts('which vehicle is not about a helmet?').slice(0, 2)).toEqual([
      `**In short:** Not "${kb.get('vehicles.bike')?.title}", which the question describes without its negation. That leaves "${kb.get('vehicles.bus')?.title}" and "${kb.get('vehicles.car')?.title}".`,
      kb.get('vehicles')?.answer,
    ]);
  });

  it('says plainly that the lecture does not rank that end, and what it does rank, before the overview', () => {
    const reply = answerer.answerQuestion('which vehicle is cheapest');
    expect(reply.id).toBe('vehicles');
    expect(parts('which vehicle is cheapest')[0]).toBe(`**In short:** The lecture does not say which has the least cost. What it does say: ${SAYS.carMostCost}`);
  });

  it('names the one the facts leave, by elimination, before the facts that rank the others and its answer', () => {
    const question = 'apart from the bus, which vehicle needs the least effort?';
    expect(answerer.answerQuestion(question).id).toBe('vehicles.car');
    expect(parts(question).slice(0, 2)).toEqual([`**In short:** By elimination, the car. ${SAYS.busLeastEffort} ${SAYS.bikeMostEffort}`, kb.get('vehicles.car')?.answer]);
  });

  it('says the lecture does not say which of the others, when the one it ranks at that end is set aside', () => {
    expect(parts('apart from the car, which vehicle is the most expensive?')[0]).toBe(`**In short:** The lecture does not say which of the others has the most cost. What it does say: ${SAYS.carMostCost}`);
  });

  it('answers a side a sub-topic shares with the subject ("the disadvantage of an allotment") with the subject\'s list, saying whose it is, and one item of it asked for with that item alone', () => {
    const garden = new Answerer(gardeningKnowledgeBase(), new Matcher(gardeningKnowledgeBase()));
    const list = garden.answerQuestion('what is the disadvantage of an allotment?');
    expect(list.id).toBe('against');
    expect(list.text.split('\n\n')[0]).toBe('**In short:** The lecture names no disadvantage of the allotment in particular; it gives these under "Why not garden?".');
    const item = garden.answerQuestion('what is the disadvantage of an allotment in a frost?');
    expect(item.id).toBe('against.weather');
    expect(item.text.split('\n\n')[0]).toBe(gardeningKnowledgeBase().get('against.weather')?.answer);
  });

  it('gives a named sub-topic\'s facts on the side asked for, or says the lecture names none', () => {
    expect(parts('what is the advantage of the bus')[0]).toBe(`**In short:** ${SAYS.busAdvantage}`);
    expect(parts('the advantage of the car')[0]).toBe('**In short:** The lecture does not name an advantage of the car in particular.');
  });

  it('says under which overview the odd one out is, and under which it is not, before its answer', () => {
    const grocer = twoFamiliesKnowledgeBase();
    const reply = new Answerer(grocer, new Matcher(grocer)).answerQuestion('which of these is not a fruit: apple, pear, carrot?');
    expect(reply.id).toBe('vegetables.carrot');
    expect(reply.text.split('\n\n').slice(0, 2)).toEqual(['**In short:** The carrot is not under "Fruit": the lecture gives it under "Vegetables".', grocer.get('vegetables.carrot')?.answer]);
  });

  it.each([
    ['is a helmet an example of the bus?', 'vehicles.bike', 'Not quite: the lecture gives that under "The bike", not "The bus".'],
    ['is a helmet the bike?', 'vehicles.bike', 'Yes: the lecture gives that under "The bike".'],
    ['is the bike the car?', 'vehicles.bike', 'Not quite: the lecture gives "The bike" and "The car" as different things.'],
    ['every morning I put on my helmet and pedal up the hills. Is that the bus?', 'vehicles.bike', 'Not quite: the lecture gives that under "The bike", not "The bus".'],
    ['every morning I put on my helmet and pedal up the hills. Would that be the bike?', 'vehicles.bike', 'Yes: the lecture gives that under "The bike".'],
  ])('corrects or confirms a claim that a thing is a part ("%s") before the answer of what it is', (question, id, sentence) => {
    expect(answerer.answerQuestion(question).id).toBe(id);
    expect(parts(question).slice(0, 2)).toEqual([`**In short:** ${sentence}`, kb.get(id)?.answer]);
  });

  it('says which parts a choice by what the student will not do rules out, and what they do there, before the one left ("which one does not make me pedal?")', () => {
    expect(parts('which one does not make me pedal or drive?').slice(0, 2)).toEqual(['**In short:** "The bus", by elimination: in "The bike" you pedal, which the question rules out.', kb.get('vehicles.bus')?.answer]);
  });

  it.each([
    ['which should I avoid if I do not want to pedal?', 'vehicles.bike', '"The bike" is the one to avoid: there you pedal, which the question rules out.'],
    ['the bike or the car, which should I avoid if I want to drive?', 'vehicles.bike', '"The bike" is the one to avoid: there you do not drive, which the question wants to. In "The car" you do.'],
    ['which vehicle should I avoid if I need a bus pass?', 'vehicles', 'What the question wants describes "The bus": that is the one not to avoid.'],
  ])('says why the part answered is the one to avoid in a choice turned round ("%s")', (question, id, sentence) => {
    expect(answerer.answerQuestion(question).id).toBe(id);
    expect(parts(question).slice(0, 2)).toEqual([`**In short:** ${sentence}`, kb.get(id)?.answer]);
  });

  it.each([
    ['is the carrot a fruit?', 'vegetables.carrot', 'No: the lecture gives "The carrot" under "Vegetables", not "Fruit".'],
    ['is the leek one of the vegetables?', 'vegetables.leek', 'Yes: the lecture gives "The leek" under "Vegetables".'],
  ])('says yes or no to a question whether a part is one of a family it names ("%s"), before the part\'s answer', (question, id, sentence) => {
    // Answered as the part, whatever the tiny lecture's scores make of so short a question.
    const grocer = twoFamiliesKnowledgeBase();
    const matcher = new Matcher(grocer);
    const reply = new Answerer(grocer, matcher).answerMatch({ ...matcher.match(question), kind: 'answer', id, confidence: 0.9 });
    expect(reply.text.split('\n\n').slice(0, 2)).toEqual([`**In short:** ${sentence}`, grocer.get(id)?.answer]);
  });

  it('says no yes or no where the question asks about a part, not whether it is one of a family ("does the carrot grow near fruit?")', () => {
    const grocer = twoFamiliesKnowledgeBase();
    const matcher = new Matcher(grocer);
    const reply = new Answerer(grocer, matcher).answerMatch({ ...matcher.match('does the carrot grow near fruit?'), kind: 'answer', id: 'vegetables.carrot', confidence: 0.9 });
    expect(reply.text).not.toMatch(/(?:Yes|No): the lecture gives/);
  });

  it('says the sentence a yes or no speaks to with the one its "it" points back to, never the pronoun alone ("does the car need a licence?")', () => {
    expect(parts('does the car need a licence?')[0]).toBe('**In short:** The car is the most expensive to run: fuel, insurance and parking. It needs a licence.');
  });

  it('says what a choice asked with a "not" describes without it, before the answer of the one left', () => {
    const homes = housingKnowledgeBase();
    const reply = new Answerer(homes, new Matcher(homes)).answerQuestion('which home does not mean paying a landlord?');
    expect(reply.id).toBe('homes.owning');
    expect(reply.text.split('\n\n').slice(0, 2)).toEqual(['**In short:** "Owning", by elimination: without its negation, the question describes "Renting".', homes.get('homes.owning')?.answer]);
  });

  it('names the two a "neither … nor" choice rules out, before the answer of the one left', () => {
    expect(answerer.answerQuestion('which vehicle is neither the bus nor the car?').id).toBe('vehicles.bike');
    expect(parts('which vehicle is neither the bus nor the car?').slice(0, 2)).toEqual(['**In short:** "The bike", by elimination: the question rules out "The bus" and "The car".', kb.get('vehicles.bike')?.answer]);
  });

  it('answers a yes-or-no question with the answer\'s sentence that shares its words first', () => {
    expect(parts('does the bike get wet in the rain')[0]).toBe('**In short:** A bike gets wet in the rain.');
  });

  it('gives no one sentence to a yes-or-no question about two sub-topics answered with their overview: each sentence of an overview is about one, or names them all', () => {
    const question = 'is the bus or the car a way to get around town';
    expect(answerer.answerQuestion(question).id).toBe('vehicles');
    expect(parts(question)[0]).toBe(kb.get('vehicles')?.answer);
  });

  it('says the lecture does not rank a side before the overview that lists it, when asked for the biggest', () => {
    const reply = answerer.answerQuestion('what is the biggest drawback of walking');
    expect(reply.id).toBe('reasons-not-to-walk');
    expect(parts('what is the biggest drawback of walking')[0]).toBe('**In short:** The lecture does not rank its disadvantages: it gives them all, none as the biggest.');
  });

  it('answers who or where asked of a part with the sentence of its answer that says it, which may come last', () => {
    expect(answerer.answerQuestion('who gets a cheap bus pass?').id).toBe('vehicles.bus');
    expect(parts('who gets a cheap bus pass?').slice(0, 2)).toEqual(['**In short:** A bus pass is cheap for students.', kb.get('vehicles.bus')?.answer]);
  });

  it('says nothing first to who or where when the sentence that says it opens the answer, nor in a description ("the vehicle where you pedal")', () => {
    expect(answerer.answerQuestion('with the bus who drives?').id).toBe('vehicles.bus');
    expect(parts('with the bus who drives?')[0]).toBe(kb.get('vehicles.bus')?.answer);
    expect(parts('the vehicle where you pedal up hills')[0]).toBe(kb.get('vehicles.bike')?.answer);
  });

  it.each([
    ['with the bike, who wears a helmet?', 'vehicles.bike', 'You do: in the bike you wear a helmet.'],
    ['with the car do i buy fuel?', 'vehicles.car', 'Yes: in the car you buy fuel.'],
  ])('says the student does a duty the part lists, asked who does it or whether they do ("%s")', (question, id, said) => {
    expect(answerer.answerQuestion(question).id).toBe(id);
    expect(parts(question).slice(0, 2)).toEqual([`**In short:** ${said}`, kb.get(id)?.answer]);
  });

  it('answers whether a part can be used without a duty the other way round: no where the part lists it ("can I take the bike without wearing a helmet?")', () => {
    expect(parts('can I take the bike without wearing a helmet?')[0]).toBe('**In short:** No: in the bike you wear a helmet.');
    expect(parts('can I take the car without buying fuel?')[0]).toBe('**In short:** No: in the car you buy fuel.');
  });

  it('says who does a duty within the part under discussion, where only a sibling lists it: not the student, who does it in that sibling', () => {
    const matcher = new Matcher(kb);
    const conversation = new Conversation(kb, matcher, new Answerer(kb, matcher));
    let memory = freshMemory();
    const said = ['tell me about the bus', 'who parks?', 'do i have to buy fuel?'].map((message) => {
      const turn = conversation.respond(message, memory);
      memory = turn.memory;
      return [turn.reply.id, turn.reply.text.split('\n\n')[0]];
    });
    expect(said.slice(1)).toEqual([
      ['vehicles.bus', '**In short:** Not you: in the bus you do not park. In the car you do.'],
      ['vehicles.bus', '**In short:** No: in the bus you do not buy fuel. In the car you do.'],
    ]);
  });

  it('says no yes or no of a duty where the matcher placed it in the part that lists it, nor of one negated', () => {
    expect(parts('with the bike do i park?')[0]).toBe('**In short:** Not in "The bike": the lecture gives that under "The car".');
    expect(parts('with the car who does not park?')[0]).toBe(kb.get('vehicles.car')?.answer);
  });

  it('answers no first when two parts set side by side were asked whether they are the same ("is that the same as the bike?" after the bus), and nothing first when the difference is asked', () => {
    const matcher = new Matcher(kb);
    const conversation = new Conversation(kb, matcher, new Answerer(kb, matcher));
    const first = conversation.respond('tell me about the bus', freshMemory());
    const same = conversation.respond('is that the same as the bike?', first.memory).reply;
    expect(same.text.split('\n\n')[0]).toBe('**In short:** No: the lecture gives "The bus" and "The bike" as different things.');
    const difference = conversation.respond("what's the difference from the bike?", first.memory).reply;
    expect(difference.text).toMatch(/^The difference between "The bus" and "The bike"/);
    // Asked in one question, on the real lecture: two reasons to use the cloud it gives apart.
    const real = realKnowledgeBase();
    const lecture = new Answerer(real, new Matcher(real));
    expect(lecture.answerQuestion('is fault tolerance the same thing as disaster mitigation?').text.split('\n\n')[0]).toBe('**In short:** No: the lecture gives "Fault tolerance" and "Disaster mitigation" as different things.');
  });

  it('says a list has no others before it, when "any other reasons?" follows the list itself', () => {
    const garden = gardeningKnowledgeBase();
    const matcher = new Matcher(garden);
    const conversation = new Conversation(garden, matcher, new Answerer(garden, matcher));
    const first = conversation.respond('why garden?', freshMemory());
    const again = conversation.respond('any other reasons?', first.memory).reply;
    expect(again.id).toBe('for');
    expect(again.text.split('\n\n').slice(0, 2)).toEqual(['**In short:** The lecture gives no others under "Why garden?": these are all.', garden.get('for')?.answer]);
  });

  it('says which list a part is on when asked to choose between the two sides, not one of its sentences, which leaves the choice open', () => {
    const garden = new Answerer(gardeningKnowledgeBase(), new Matcher(gardeningKnowledgeBase()));
    const reply = garden.answerQuestion('is the weather a benefit or a drawback?');
    expect(reply.id).toBe('against.weather');
    expect(reply.text.split('\n\n')[0]).toBe('**In short:** The lecture gives "Weather" under "Why not garden?".');
    const real = realKnowledgeBase();
    const lecture = new Answerer(real, new Matcher(real));
    expect(lecture.answerQuestion('is security a reason to use the cloud or not to use it?').text.split('\n\n')[0]).toBe('**In short:** The lecture gives "Security" under "Why not use the cloud?".');
  });

  it('says no, with the sentence that says the opposite, to a belief the answer denies ("do I drive the bus?"), but not to that belief negated or offered as a choice', () => {
    expect(answerer.answerQuestion('do i drive the bus?').id).toBe('vehicles.bus');
    expect(parts('do i drive the bus?')[0]).toBe('**In short:** No: The bus is the least effort: you sit down and someone else drives.');
    expect(parts('i drive the bus, right?')[0]).toBe('**In short:** No: The bus is the least effort: you sit down and someone else drives.');
    expect(parts('on the bus i do not drive, right?')[0]).not.toMatch(/^\*\*In short:\*\* No/);
    expect(parts('on the bus do i drive or does someone else?')[0]).not.toMatch(/^\*\*In short:\*\* No/);
  });

  it('says no to a belief the part asked about denies, asked within it ("with the bus do I drive?"), though its words place it in another part', () => {
    expect(parts('with the bus do i drive?')[0]).toBe('**In short:** No: The bus is the least effort: you sit down and someone else drives.');
  });

  it('does not place a belief in another part whose own answer denies it ("with the car do I drive the bus?" is not the bus\'s)', () => {
    expect(answerer.answerQuestion('with the car do i drive the bus?').id).toBe('vehicles.car');
    expect(parts('with the car do i drive the bus?')[0]).toBe(kb.get('vehicles.car')?.answer);
    // A belief the other part does give is still placed there.
    expect(parts('with the bus do i pedal up hills?')[0]).toBe('**In short:** Not in "The bus": the lecture gives that under "The bike".');
  });

  it('says the lecture gives no reason when "why" is answered by a fact that gives none ("why is the car the most expensive")', () => {
    expect(parts('why is the car the most expensive')[0]).toBe(`**In short:** The lecture gives no reason; it says only: ${SAYS.carMostCost}`);
    // A fact that explains itself after a colon is the reason; and "which" asks no reason.
    expect(parts('why does the bus need the least effort')[0]).toBe(`**In short:** ${SAYS.busLeastEffort}`);
    expect(parts('which vehicle is the most expensive')[0]).toBe(`**In short:** ${SAYS.carMostCost}`);
    // Why to use a thing asks its advantages, whose facts are the reasons, though they give none of their own.
    expect(parts('why choose the bus')[0]).toBe(`**In short:** ${SAYS.busAdvantage}`);
  });

  it('checks a claim about to be confirmed against what the answer denies, however it is asked ("the bus is the one with a bus pass where I drive?")', () => {
    expect(parts('the bus is the one with a bus pass where i drive?')[0]).toBe('**In short:** No: The bus is the least effort: you sit down and someone else drives.');
  });

  it('adds nothing to an open question', () => {
    expect(parts('tell me about buses')[0]).toBe(kb.get('vehicles.bus')?.answer);
  });

});

/**
 * "What's an example of X?" about a topic the lecture gives no example for: said first, so that
 * the answer below it is not taken for the example. The answerer is given the match, so that each
 * case says which topic the question was matched to.
 */
describe('an example asked of a topic with none', () => {
  const kb = tinyKnowledgeBase();
  const matcher = new Matcher(kb);
  const answerer = new Answerer(kb, matcher);
  const first = (question: string, id: string) => answerer.answerMatch({ ...matcher.match(question), kind: 'answer', id, confidence: 0.9 }).text.split('\n\n')[0];

  it.each([['what is an example of the bus?'], ['explain the bus with an example'], ['give two examples of the bus'], ['what about the bus? example?']])('"%s" says the lecture gives none, then answers', (question) => {
    expect(first(question, 'vehicles.bus')).toBe('**In short:** The lecture gives no example of "The bus".');
  });

  it('does not take "for example" for a request: it introduces the student\'s own', () => {
    expect(first('for example I take the bus every day, is that wise', 'vehicles.bus')).not.toMatch(/no example/);
    expect(first('the bus is cheap for example', 'vehicles.bus')).not.toMatch(/no example/);
  });

  it('gives an overview\'s parts\' examples where it has none of its own (the real lecture\'s reasons not to use the cloud)', () => {
    const real = realKnowledgeBase();
    const realMatcher = new Matcher(real);
    const reply = new Answerer(real, realMatcher).answerMatch({ ...realMatcher.match('give an example of why not to use the cloud'), kind: 'answer', id: 'drawbacks', confidence: 0.9 });
    expect(reply.text.split('\n\n')[0]).toBe('**In short:** The lecture gives no example of "Why not use the cloud?" as a whole; it gives these for its parts. Security: For example, hospital data would not be put on the cloud.');
  });

  it('gives each part\'s example, and names those with none, when an example of each is asked (the real lecture\'s service models)', () => {
    const real = realKnowledgeBase();
    const realMatcher = new Matcher(real);
    const reply = new Answerer(real, realMatcher).answerMatch({ ...realMatcher.match('give an example of each service model'), kind: 'answer', id: 'service-models', confidence: 0.9 });
    const first = reply.text.split('\n\n')[0] ?? '';
    expect(first).toMatch(/^\*\*In short:\*\* The lecture's examples: Platform as a service \(PaaS\): [^\n]*Jupyter[^\n]* Software as a service \(SaaS\): [^\n]*web mail/);
    expect(first).toMatch(/It gives none for "Infrastructure as a service \(IaaS\)"\.$/);
  });

  it('leaves a topic with an example as it was: its answer gives it', () => {
    const real = realKnowledgeBase();
    const realMatcher = new Matcher(real);
    const reply = new Answerer(real, realMatcher).answerMatch({ ...realMatcher.match('what is an example of paas'), kind: 'answer', id: 'service-models.paas', confidence: 0.9 });
    expect(reply.text).toMatch(/^Platform as a service \(PaaS\)[^\n]*Example: the departmental Jupyter service\./);
  });

  it('says who does a duty where the matcher placed it by its words in a part where the provider does it (the real lecture: the OS, set up by the provider in PaaS)', () => {
    const real = realKnowledgeBase();
    const answerer = new Answerer(real, new Matcher(real));
    expect(answerer.answerQuestion('in SaaS do you set up the operating system?').text.split('\n\n')[0]).toBe('**In short:** No: in SaaS you do not set up the operating system. In IaaS you do.');
    // Without it, the other way round: yes, SaaS can be used without setting up the software.
    expect(answerer.answerQuestion('can you use SaaS without setting up any software yourself?').text.split('\n\n')[0]).toBe('**In short:** Yes: in SaaS you do not set up the software. In IaaS you do.');
  });

  describe('when the question sets aside parts of the overview it is answered with', () => {
    const kb = tinyKnowledgeBase();
    const matcher = new Matcher(kb);
    const answerer = new Answerer(kb, matcher);

    it.each([
      ['besides the bus, what other ways to get around are there?', 'Besides the bus, the lecture gives the bike and the car.'],
      ['apart from the bus and the bike, what other ways to get around are there?', 'Besides the bus and the bike, the lecture gives the car.'],
    ])('names the rest first ("%s")', (question, said) => {
      const reply = answerer.answerQuestion(question);
      expect(reply.id).toBe('vehicles');
      expect(reply.text.split('\n\n')[0]).toBe(`**In short:** ${said}`);
    });

    it('says there are no others where every part is set aside', () => {
      const match = { ...matcher.match('what ways to get around are there?'), setAside: ['vehicles.bus', 'vehicles.bike', 'vehicles.car'] };
      expect(answerer.answerMatch(match).text.split('\n\n')[0]).toBe('**In short:** The lecture gives no others under "Ways to get around": these are all.');
    });

    it('adds nothing where one thing is set against another ("rather than the bus"), which compares', () => {
      const question = 'rather than the bus, what ways to get around are there?';
      expect(matcher.match(question).setAside).toBeUndefined();
      expect(answerer.answerQuestion(question).text).not.toMatch(/^\*\*In short: Besides/);
    });

    it('adds nothing where nothing is set aside', () => {
      expect(answerer.answerQuestion('what ways to get around are there?').text).not.toMatch(/^\*\*In short/);
    });
  });
});
