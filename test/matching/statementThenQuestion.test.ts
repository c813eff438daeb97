import { Matcher } from '../../src/matching/Matcher';
import { tinyKnowledgeBase } from './fixtures/tinyKnowledge';
import { gardeningKnowledgeBase } from './fixtures/gardening';
import { twoFamiliesKnowledgeBase } from './fixtures/twoFamilies';

/**
 * "I understand IaaS, but what is PaaS?": a statement of what the student has already, then a
 * question naming another part of the same family, is read as the question alone, so that the
 * part already understood does not compete with the one asked about.
 */
describe('a Matcher reading a statement, then a question', () => {
  const matcher = new Matcher(tinyKnowledgeBase());
  const reads = (question: string) => matcher.questionText(question).terms;

  it.each([
    ['I understand the bus, but what is the bike?'],
    ['the bus is clear, what is the bike?'],
    ['the bus makes sense, so what is the bike?'],
    ['the bus, got it. what is the bike?'],
    ["I've covered the bus already, so what is the bike?"],
    ["I'm fine with the bus, but what is the bike?"],
  ])(
    'reads only the question of %j',
    (question) => {
      expect(reads(question)).toContain('bike');
      expect(reads(question)).not.toContain('bus');
      expect(matcher.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
    },
  );

  it.each([['the bus is about comfort, so what is the bike?'], ['the bus is the cheap one, right? and what is the bike then?'], ['I see the bus now, but what is the bike?']])(
    'reads only the question of %j, where the statement says what the bus is',
    (question) => {
      expect(reads(question)).not.toContain('bus');
      expect(matcher.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
    },
  );

  it('reads only a question that names nothing where, alone, it answers a sibling of what the statement names', () => {
    // Alone, pedalling up every hill is the bike's; the bus, understood, would compete.
    const question = 'the bus is clear, which do I pedal up every hill?';
    expect(reads(question)).not.toContain('bus');
    expect(matcher.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
  });

  it('reads the whole where the question names nothing and asks about the thing stated, though alone it is a sibling\'s ("the bus is clear, so who pedals up every hill?")', () => {
    expect(reads('the bus is clear, so who pedals up every hill?')).toContain('bus');
  });

  it('reads only a question that names a topic where the statement, understood, names none ("the timetable I get, but what is the bike?")', () => {
    // The timetable is the bus's keyword, not a name: read whole, it pulled to the bus.
    const question = 'the timetable I get, but what is the bike?';
    expect(reads(question)).not.toEqual(expect.arrayContaining(reads('timetable')));
    expect(matcher.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
  });

  it('reads, of several sentences, all but the one that says the bus is understood, where the last alone points back ("…pedalling up hills. Which one is that?")', () => {
    const question = 'I understand the bus. But my friend asked about pedalling up hills in a helmet. Which one is that?';
    expect(reads(question)).not.toContain('bus');
    expect(reads(question)).toEqual(expect.arrayContaining(reads('pedalling up hills in a helmet')));
    expect(matcher.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
  });

  it.each([
    ['the sentence after it points back at it', 'I understand the bus. It takes me up hills in a helmet. Which one is that?'],
    ['it is negated', "I don't understand the bus. But my friend asked about pedalling up hills. Which one is that?"],
  ])('reads every sentence where the one about the bus is understood but %s', (_, question) => {
    expect(reads(question)).toContain('bus');
  });

  it('reads the whole where "got it" does not end its clause: "we got it back" describes, it says nothing understood', () => {
    expect(reads('we got it back from the timetable, so what is the bike?')).toEqual(expect.arrayContaining(reads('timetable')));
  });

  it("reads only a question that names another family's overview", () => {
    const shop = new Matcher(twoFamiliesKnowledgeBase());
    const question = "we're done with the fruit, so what are the vegetables?";
    expect(shop.questionText(question).terms).not.toContain('fruit');
    expect(shop.match(question)).toMatchObject({ kind: 'answer', id: 'vegetables' });
  });

  it("keeps the statement where the question asks for a side of the subject after a part of a family that lists none: it asks for that part's side", () => {
    const garden = new Matcher(gardeningKnowledgeBase());
    expect(garden.questionText('the allotment is clear, but why not garden?').terms).toContain('allot');
    // After a part of a list of the subject's sides, the other list is another question.
    expect(garden.questionText('the weeding time is clear, so why garden?').terms).not.toContain('weed');
  });

  it('reads only the question where the statement says a thing is a topic it names ("the number 9 is a bus")', () => {
    const question = 'the number 9 is a bus, what is the bike?';
    expect(reads(question)).not.toContain('bus');
    expect(matcher.match(question)).toMatchObject({ kind: 'answer', id: 'vehicles.bike' });
  });

  it('reads the whole where what a thing is said to be names no topic ("the number 9 bus is always late")', () => {
    expect(reads("the number 9 bus is always late, so what is the bike?")).toContain('bus');
  });

  it.each(['the bus is the important thing for us, so what is the bike?', 'our trip is about the bus, so what is the bike?'])(
    'reads the whole of %j, where what the statement says is the student\'s own case',
    (question) => {
      expect(reads(question)).toContain('bus');
    },
  );

  it('answers the overview when both are asked about in one clause', () => {
    expect(matcher.match('I understand the bus and the bike')).toMatchObject({ kind: 'answer', id: 'vehicles' });
  });

  it.each([
    ['what is the bus, and what is the bike?', 'the statement is a question too'],
    ['I understand the bus, but what is it like?', 'the question points back at the statement'],
    ['on the bus, what is the bike like?', 'nothing says the bus is understood, and no "but" turns away from it'],
    ['we took the bus. what is the bike?', 'nothing says the bus is understood'],
    ['I understand the bus, but why walk?', 'the question names no part of the family the statement names'],
    ['we ride the bus to work, so is the bike cheaper?', 'the statement describes a situation, it says nothing is understood'],
    ["I don't understand the bus, so what is the bike?", 'the statement says the bus is not understood'],
    ['the bus makes sense, so how cheap is the bus?', 'the question is about what the statement names'],
    ['the bus is about to leave, so what is the bike?', '"about to" says what happens, not what a thing is'],
    ['the bus is clear, so what are the vehicles?', 'the question asks for the overview of what the statement names'],
    ['the bus is the cheap one, so what costs nothing?', 'the question names nothing, and alone it answers no sibling of the bus'],
  ])('reads the whole of %j (%s)', (question) => {
    expect(reads(question)).toContain('bus');
  });
});
