import { Answerer } from '../../src/answering/Answerer';
import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory, readConversationMemory, SITUATION_CHARS } from '../../src/conversation/memory';
import { Matcher } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from '../matching/fixtures/tinyKnowledge';
import { realAnswerer, realKnowledgeBase, realMatcher } from '../support/knowledge';

/**
 * A situation told over several messages, then a choice asked with nothing of its own to choose
 * by, on the tiny made-up lecture: the bike's duties are pedalling and a helmet, the car's driving,
 * parking and fuel, and the bus has none.
 */
const kb = tinyKnowledgeBase();
const matcher = new Matcher(kb);
const conversation = new Conversation(kb, matcher, new Answerer(kb, matcher));

function chat(messages: readonly string[]) {
  let memory = freshMemory();
  return messages.map((message) => {
    const turn = conversation.respond(message, memory);
    memory = turn.memory;
    return { ...turn.reply, memory };
  });
}

describe('a situation told over several messages', () => {
  it('answers a bare choice after it for the whole situation, and says what it went by', () => {
    const last = chat(["I don't want to pedal", 'but I want to drive', 'so which one should I pick?']).at(-1);
    expect(last).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
    expect(last?.text).toMatch(/^Going by what you told me \("I don't want to pedal", "but I want to drive"\):\n\n/);
  });

  it.each(['which one do I need?', 'which one should I hire?'])('reads "%s", a choice by what is needed or hired, as a bare choice', (choice) => {
    expect(chat(["I don't want to pedal", 'but I want to drive', choice]).at(-1)).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
  });

  it('reads parts offered and nothing else ("the bus or the car?") as a bare choice among them', () => {
    const last = chat(["I don't want to pedal", 'but I want to drive', 'the bus or the car?']).at(-1);
    expect(last).toMatchObject({ kind: 'answer', id: 'vehicles.car' });
    expect(last?.text).toMatch(/^Going by what you told me/);
  });

  it('leaves parts offered that the situation settles on none of ("the bike or the bus?" after wanting to drive) as they are asked', () => {
    expect(chat(["I don't want to pedal", 'but I want to drive', 'the bike or the bus?']).at(-1)?.text).not.toMatch(/^Going by/);
  });

  it('is what the same choice asked in one message gets', () => {
    expect(matcher.match("I don't want to pedal. but I want to drive. so which one should I pick?").id).toBe('vehicles.car');
  });

  it('leaves a choice with something of its own to choose by as it is asked', () => {
    const last = chat(["I don't want to pedal", 'but I want to drive', 'which one is the cheapest?']).at(-1);
    expect(last?.text).not.toMatch(/^Going by/);
  });

  it('keeps only statements about the student: a question, or a claim about the lecture, tells no situation', () => {
    expect(chat(['which one means I never pedal?', 'the bus is cheap']).at(-1)?.memory.situation).toEqual([]);
    expect(chat(["we don't want to pedal"]).at(-1)?.memory.situation).toEqual(["we don't want to pedal"]);
    // A belief about the lecture, said of oneself, which the matcher checks as a claim.
    expect(chat(['I think pedalling up hills is the car']).at(-1)?.memory.situation).toEqual([]);
  });

  it('says a statement it cannot answer is kept, not that it does not know it, with the topics it can answer', () => {
    const [told] = chat(['we run a small bakery near the hills']);
    expect(told).toMatchObject({ kind: 'fallback', declined: true });
    expect(told?.text).toMatch(/^Noted: "we run a small bakery near the hills"\. That alone is not a question I can answer, but ask me which one fits/);
    expect(told?.text).toContain('- Ways to get around');
    expect(told?.memory.situation).toEqual(['we run a small bakery near the hills']);
  });

  it('keeps a whole sentence about someone else that it cannot answer, not a few words that ask more of the last answer', () => {
    expect(chat(['the school sits on top of steep hills']).at(-1)?.memory.situation).toEqual(['the school sits on top of steep hills']);
    const short = chat(['and steep hills']).at(-1);
    expect(short?.memory.situation).toEqual([]);
    expect(short?.text).toMatch(/^Sorry, I don't know that/);
  });

  it('keeps no message with a question asked inside it ("random q but what is a tram"), however it opens', () => {
    const turn = chat(['random q but what is a tram made of']).at(-1);
    expect(turn?.memory.situation).toEqual([]);
    expect(turn?.text).not.toMatch(/^Noted/);
  });

  it('forgets the situation after three questions in a row', () => {
    const turns = chat(["I don't want to pedal", 'but I want to drive', 'what is the bus?', 'what is the bike?', 'what is the car?', 'so which one should I pick?']);
    expect(turns[3]?.memory.situation).toHaveLength(2);
    expect(turns.at(-1)?.memory.situation).toEqual([]);
    expect(turns.at(-1)?.text).not.toMatch(/^Going by/);
  });
});

describe('which of the lecture\'s reasons bears on a situation told', () => {
  const lecture = new Conversation(realKnowledgeBase(), realMatcher(), realAnswerer());
  const last = (messages: readonly string[]) => {
    let memory = freshMemory();
    return messages.map((message) => {
      const turn = lecture.respond(message, memory);
      memory = turn.memory;
      return turn.reply;
    }).at(-1);
  };

  it.each([
    [["we're launching an online game worldwide", 'players will be in asia, europe and the US', 'which benefit of the cloud helps most?'], 'benefits.reach'],
    [['our office is in a flood zone', 'how does cloud help?'], 'benefits.disaster-mitigation'],
    [['we keep patient records and that data is very sensitive', 'what would the downside be?'], 'drawbacks.security'],
  ])('after %j, answers the reason the whole situation describes, saying it went by it', (messages, id) => {
    const reply = last(messages);
    expect(reply).toMatchObject({ kind: 'answer', id });
    expect(reply?.text).toMatch(/^Going by what you told me \(/);
  });

  it('answers whether to use the cloud at all ("should we move the processing to the cloud?") with the reason the situation describes, and the list it is on', () => {
    const reply = last(['our lab produces terabytes of microscopy data every day', 'the analysis machines sit right next to the microscopes', 'should we move the processing to the cloud?']);
    expect(reply).toMatchObject({ kind: 'answer', id: 'drawbacks.latency' });
    expect(reply?.text).toMatch(/^Going by what you told me \([^\n]*\):\n\n\*\*In short:\*\* The lecture gives "Latency" under "Why not use the cloud\?"\./);
  });

  it('leaves a choice of model ("which cloud model should we go for?") to the alternatives, not a reason', () => {
    expect(last(['we run a small clinic in town', 'we keep patient records and that data is very sensitive', 'which cloud model should we go for?'])?.id ?? '').not.toMatch(/^drawbacks/);
  });

  it('answers a plural reason question ("which benefits matter for us?") with each part the statements describe, under the list', () => {
    const reply = last(['our readers are all over the world', 'our site must be online and supported 24/7', 'which benefits matter for us?']);
    expect(reply).toMatchObject({ kind: 'answer', id: 'benefits' });
    expect(reply?.text).toMatch(/^Going by what you told me \([^\n]*\):\n\nOf "Why use the cloud\?":\n\n\*\*Reach\*\*: .*\n\n\*\*Availability\*\*: /s);
  });

  it('reads "what should we rent?" as a bare choice: the model the situation describes', () => {
    const reply = last(['our company only needs email and calendar, no coding at all', 'what should we rent?']);
    expect(reply).toMatchObject({ kind: 'answer', id: 'service-models.saas' });
    expect(reply?.text).toMatch(/^Going by what you told me \(/);
  });

  it('keeps to the list a reason is asked of: a benefit asked after a situation that describes a drawback is no drawback', () => {
    expect(last(['we keep patient records and that data is very sensitive', 'which benefit helps most?'])?.id).not.toMatch(/^drawbacks/);
  });
});

describe('the situation in stored memory', () => {
  it('reads a situation too long to be one, as stored by something else, as none, keeping the rest of the memory', () => {
    const memory = readConversationMemory({ lastTopic: 'vehicles.bus', situation: ['x'.repeat(SITUATION_CHARS + 1)] });
    expect(memory).toMatchObject({ lastTopic: 'vehicles.bus', situation: [], askedSinceSituation: 0 });
  });
});
