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

  it('gets both answers, the matched topic first, with its id and confidence', () => {
    const reply = matchedTo('what is the difference between the bus and the bike', 'vehicles.bike');
    expect(reply).toMatchObject({ id: 'vehicles.bike', confidence: 0.9 });
    expect(reply.text.split('\n\n').slice(0, 3)).toEqual([
      'The difference between "The bike" and "The bus", in the lecture\'s words:',
      `**The bike**: ${kb.get('vehicles.bike')?.answer.trim() ?? ''}`,
      `**The bus**: ${kb.get('vehicles.bus')?.answer.trim() ?? ''}`,
    ]);
  });

  it.each([
    ['it names two siblings but asks only whether one is like the other', 'is the bus like the bike', 'vehicles.bus'],
    ['it asks to choose between two siblings', 'which is better, the bus and the bike', 'vehicles.bus'],
    ['it offers them as a choice', 'the bus or the bike and why', 'vehicles.bus'],
    ['it mentions the other by a keyword, not a name', 'tell me about the bus and the pedal', 'vehicles.bus'],
    ['it names only one', 'how is the bus different', 'vehicles.bus'],
    ['it was matched to a topic it does not name', 'what is the difference between the bus and the bike', 'vehicles.car'],
  ])('gets the one answer when %s', (_, question, id) => {
    const reply = matchedTo(question, id);
    expect(reply.id).toBe(id);
    // Neither "The difference between…" nor two answers side by side ('"The bus" and "The bike"…').
    expect(reply.text).not.toMatch(/^(?:The difference between |")/);
  });

  it('keeps the overview\'s comparison table for siblings it compares in one (the service models)', () => {
    const real = realKnowledgeBase();
    const realMatcher = new Matcher(real);
    const question = 'is saas different from paas';
    const matched = realMatcher.match(question);
    expect(realMatcher.subTopicsMentioned('service-models', matched.explanation.terms).sort()).toEqual(['service-models.paas', 'service-models.saas']);
    const reply = new Answerer(real, realMatcher).answerMatch({ ...matched, kind: 'answer', id: 'service-models.saas', confidence: 0.9 });
    expect(reply).toMatchObject({ id: 'service-models.saas', confidence: 0.9 });
    expect(reply.text.startsWith('The difference between "Software as a service (SaaS)" and "Platform as a service (PaaS)"')).toBe(true);
    expect(reply.comparison).toEqual((real.get('service-models') as { comparison?: unknown }).comparison);
  });

  it('matched to their overview, gets the two named compared, in the order named, with the overview\'s id', () => {
    const reply = matchedTo('what is the difference between the bus and the bike', 'vehicles');
    expect(reply).toMatchObject({ id: 'vehicles', confidence: 0.9, pair: ['vehicles.bus', 'vehicles.bike'] });
    expect(reply.text.startsWith('The difference between "The bus" and "The bike", in the lecture\'s words:')).toBe(true);
  });

  it.each([
    ['it names all three', 'what is the difference between the bus, the bike and the car'],
    ['it compares nothing', 'tell me about the bus and the bike'],
  ])('matched to their overview, gets the overview when %s', (_, question) => {
    const reply = matchedTo(question, 'vehicles');
    expect(reply.id).toBe('vehicles');
    expect(reply.text).not.toMatch(/^(?:The difference between |")/);
  });

  it('matched to their overview (the deployment models), names the two by their names, not by the words of the part that combines them', () => {
    const real = realKnowledgeBase();
    const realMatcher = new Matcher(real);
    const reply = new Answerer(real, realMatcher).answerMatch({ ...realMatcher.match('public vs private cloud'), kind: 'answer', id: 'deployment-models', confidence: 0.9 });
    expect(reply).toMatchObject({ id: 'deployment-models', pair: ['deployment-models.public', 'deployment-models.private'] });
    expect(reply.comparison).toEqual((real.get('deployment-models') as { comparison?: unknown }).comparison);
  });

  it('matched to their overview, reads a comparison asked with a typo ("diference"), as the analyser corrects it', () => {
    const real = realKnowledgeBase();
    const realMatcher = new Matcher(real);
    const question = 'whats the diference between iaas and saas';
    const reply = new Answerer(real, realMatcher).answerMatch({ ...realMatcher.match(question), kind: 'answer', id: 'service-models', confidence: 0.9 });
    expect(reply).toMatchObject({ id: 'service-models', pair: ['service-models.iaas', 'service-models.saas'] });
  });

  it('asks no difference when it asks about the different ones: both are asked about, not compared', () => {
    const reply = matchedTo('the different ones, the bus and the bike', 'vehicles.bus');
    expect(reply.text.startsWith('"The bus" and "The bike", in the lecture\'s words:')).toBe(true);
  });

  it.each([
    ['what is the bike and what is the bus', 'vehicles.bus', '"The bike" and "The bus"', 'both asked at once, in the order asked'],
    ['tell me about the bike and the bus', 'vehicles.bike', '"The bike" and "The bus"', 'both asked at once, in the order asked'],
    ['why would anyone take the bike over the bus', 'vehicles.bike', '"The bike" against "The bus"', 'one chosen over the other, the preferred first'],
  ])('"%s", matched to %s, gets both answers under %s: %s', (question, id, heading) => {
    const reply = matchedTo(question, id);
    expect(reply).toMatchObject({ id, confidence: 0.9, pair: ['vehicles.bike', 'vehicles.bus'] });
    expect(reply.text.split('\n\n').slice(0, 3)).toEqual([
      `${heading}, in the lecture's words:`,
      `**The bike**: ${kb.get('vehicles.bike')?.answer.trim() ?? ''}`,
      `**The bus**: ${kb.get('vehicles.bus')?.answer.trim() ?? ''}`,
    ]);
  });

  it('gets the one answer when it asks what choosing one over the other gives up: another rule answers that', () => {
    const reply = matchedTo('what do I give up by taking the bike over the bus', 'vehicles.bus');
    expect(reply.text.startsWith('"The')).toBe(false);
  });

  it('leaves a sentence said first alone: it answers what was asked', () => {
    const reply = answerer.answerMatch({ ...matcher.match('is the bus comfier than the car'), kind: 'answer', id: 'vehicles.bus', confidence: 0.9 });
    expect(reply.text.startsWith('**In short:** The lecture does not say')).toBe(true);
  });
});
