import { normalise } from '../../src/matching/normalise';
import { type Reading, readingSignals, readQuestion, type ScaleTerms } from '../../src/matching/reading';

/**
 * Two scales as `buildMatcherIndex` hands them to `readQuestion` (normalised words, phrase by
 * phrase): the tiny knowledge base's `effort` and `cost` (fixtures/tinyKnowledge.ts).
 */
const SCALES: readonly ScaleTerms[] = [
  { id: 'effort', more: [['effort'], ['work']], less: [['easy'], ['easiest']], most: [], impliedByWhoDoesIt: true },
  { id: 'cost', more: [['cost']], less: [['cheap'], ['cheaper'], ['cheapest']], most: [['expensive']] },
];

/** Reads a question as the matcher does: normalised first. */
const read = (question: string): Reading => readQuestion(normalise(question), SCALES);

describe('readQuestion', () => {
  describe('when a question asks for one end of a scale', () => {
    it.each([
      ['which needs the most effort', 'effort', 'most', 'a direction word and a word for more of it'],
      ['which needs the least effort', 'effort', 'least', 'a direction word and a word for more of it'],
      ['which one needs less work', 'effort', 'least', 'any of the words for more of it'],
      ['which costs the most', 'cost', 'most', 'a plural "s" on a word for more of it'],
      ['which is the most expensive', 'cost', 'most', 'a word for the most of it, with a direction'],
      ['which is the easiest', 'effort', 'least', 'a superlative for less of it, on its own'],
      ['which is cheaper', 'cost', 'least', 'a comparative for less of it, on its own'],
      ['which is the cheapest', 'cost', 'least', 'a superlative for less of it, on its own'],
      ['which is the least expensive', 'cost', 'least', '"least" turning a word for the most round'],
      ['which is the least cheap', 'cost', 'most', '"least" turning a word for less round'],
      ['which vehicle means as little work as possible', 'effort', 'least', 'a quantity wished for, as small as can be'],
      ['we can put in as much effort as we can, which vehicle suits', 'effort', 'most', 'a quantity wished for, as large as can be'],
      ['which vehicle lets me work as little as possible', 'effort', 'least', 'a verb of the scale done as little as can be'],
      ['i want to work as much as we can, which vehicle', 'effort', 'most', 'a verb of the scale done as much as can be'],
      ['which vehicle if i want to do as little as possible', 'effort', 'least', 'as little to do as can be, on the scale that who does it implies'],
      ['i want one that needs hardly any work', 'effort', 'least', '"hardly any" of a word for more of it'],
      ['which vehicle needs next to no effort', 'effort', 'least', '"next to no" of a word for more of it'],
      ['which vehicle leaves me barely anything to work on', 'effort', 'least', '"barely anything" of a word for more of it'],
      ['which vehicle would you pick to minimise the work', 'effort', 'least', 'a verb wishing for the least'],
      ['which vehicle should we take to maximise the cost', 'cost', 'most', 'a verb wishing for the most'],
      ['we want to keep the work to a minimum', 'effort', 'least', 'a quantity kept to a minimum'],
      ['which vehicle minimises the most effort', 'effort', 'least', 'a verb wishing for less of the most, turned round'],
      ['i care most about having few costs', 'cost', 'least', '"few" of a word for more of it, nearer than a "most" of caring'],
    ])('reads "%s" as the %s scale at its %s end (%s)', (question, scale, rank) => {
      expect(read(question).comparison).toMatchObject({ scale, rank });
    });

    describe('with a phrase that has a direction word of its own ("lower cost", "most work")', () => {
      const withOwnDirections: readonly ScaleTerms[] = [
        { id: 'effort', more: [['effort'], ['work']], less: [['easy']], most: [['most', 'work']] },
        { id: 'cost', more: [['cost']], less: [['lower', 'cost'], ['cheap']], most: [['expensive']] },
      ];
      const readOwn = (question: string) => readQuestion(normalise(question), withOwnDirections).comparison;

      it.each([
        ['which vehicle has the lower cost', 'cost', 'least'],
        ['is the car often lower costs than the others, true or false', 'cost', 'least'],
        ['which vehicle means the most work', 'effort', 'most'],
        ['least cost, most work: which vehicle', 'effort', 'most'],
      ])('reads "%s" by the phrase alone, its own direction word not counted twice (%s, %s)', (question, scale, rank) => {
        expect(readOwn(question)).toMatchObject({ scale, rank });
      });
    });

    it('does not read "a few" as a direction ("give a few costs of the bus")', () => {
      expect(read('give a few costs of the bus').comparison).toBeUndefined();
    });

    it.each([['which one needs less work'], ['which is cheaper'], ['which costs more']])('reads "%s" as comparing two, not picking one of all', (question) => {
      expect(read(question).comparison?.between).toBe(true);
    });

    it.each([['which needs the least effort'], ['which is the cheapest'], ['which costs the most']])('reads "%s" as picking one of all', (question) => {
      expect(read(question).comparison?.between).toBeUndefined();
    });
  });

  describe('when the other party bears the scale, not the student', () => {
    it.each([
      ['which one has the provider doing the most work', 'least', 'the provider doing the most'],
      ['where does the provider do the least work for us', 'most', 'the provider doing the least'],
      ['which puts the most work on the provider', 'least', 'the most put on the provider'],
      ['which puts the most of the work on the provider', 'least', 'the most of it put on the provider'],
      ['which needs the least effort to move to a provider', 'least', "moving to a provider is the student's own effort"],
      ['which hands the most effort over to the provider', 'least', 'the most handed over to the provider'],
      ['which one does the most work for me', 'least', 'the most done for me'],
      ['which gives the provider the least work', 'most', 'the least given to the provider'],
    ])('reads "%s" as the %s effort for the student (%s)', (question, rank) => {
      expect(read(question).comparison).toMatchObject({ scale: 'effort', rank });
    });

    it.each([
      ['which one takes the most work off my plate', 'least', 'the most work taken off the student'],
      ['which takes the least effort off our hands', 'most', 'the least effort taken off the student'],
      ['where does the provider take the most work off my plate', 'least', 'the provider and the plate, one party\'s doing, turned round once'],
      ['which does the most work for me and saves me the most effort', 'least', 'done for me and saved, turned round once'],
    ])('reads "%s", naming the scale, as the %s effort for the student (%s)', (question, rank) => {
      expect(read(question).comparison).toMatchObject({ scale: 'effort', rank });
    });

    it.each([
      ['which needs the least effort from us, where the provider does everything', 'least'],
      ['which is the most work for me', 'most'],
      ['which needs less work for me than the bus', 'least'],
    ])('keeps the student\'s side when the party is not tied to the direction ("%s")', (question, rank) => {
      expect(read(question).comparison).toMatchObject({ scale: 'effort', rank });
    });
  });

  describe('when a question says only who does the most, naming no scale', () => {
    it.each([
      ['which vehicle leaves the most to the provider', 'least', 'the most left to the provider'],
      ['which vehicle leaves the least to the provider', 'most', 'the least left to the provider'],
      ['in which one does the provider do the least for me', 'most', 'the provider doing the least'],
      ['in which one does the provider take the most off my plate', 'least', 'the provider taking it off the student, turned round once'],
      ['which is the least managed by the provider', 'most', 'the least managed by the provider'],
      ['which is the most managed by the provider', 'least', 'the most managed by the provider'],
      ['which takes the most off my plate', 'least', 'the most taken off the student'],
      ['which puts the most on my plate', 'most', 'the most put on the student'],
      ['which leaves me the most to do', 'most', 'the most left to do'],
      ['which has the provider handle as much of the job as possible', 'least', 'a quantity wished for, done by the provider'],
    ])('reads "%s" as the %s of the implied scale (%s)', (question, rank) => {
      expect(read(question).comparison).toMatchObject({ scale: 'effort', rank });
    });

    it.each([
      ['if we pay more to the provider do we get more', 'money paid, not work handed over'],
      ['which has the most to do with the weather', '"to do with" is about, not work to do'],
      ['the provider is the most famous one', 'no party doing anything'],
      ['which puts the most data on the provider', 'something besides the work put on the provider'],
      ['the provider does the most for the bus, so what is bad about it', 'a statement, not a choice asked'],
    ])('reads no comparison in "%s" (%s)', (question) => {
      expect(read(question).comparison).toBeUndefined();
    });

    it.each([
      ['in which one does the provider take on the most work', 'least'],
      ['which one is the provider responsible for the most in', 'least'],
      ['which one does the provider shoulder the least in', 'most'],
    ])('reads a provider who takes on or is responsible for the work ("%s") as the %s effort for the student', (question, rank) => {
      expect(read(question).comparison).toMatchObject({ scale: 'effort', rank });
    });

    it('reads nothing when no scale is implied by who does it', () => {
      const named = SCALES.map((scale) => ({ ...scale, impliedByWhoDoesIt: false }));
      expect(readQuestion(normalise('which leaves the most to the provider'), named).comparison).toBeUndefined();
    });

    it('reads a scale the question names before the implied one', () => {
      expect(read('which leaves the most to do and is the cheapest').comparison).toMatchObject({ scale: 'cost', rank: 'least' });
    });
  });

  describe('when a verb takes away what the scale measures', () => {
    it.each([
      ['which saves me the most work', 'least'],
      ['which one lets us skip the most effort', 'least'],
      ['which avoids the most work', 'least'],
      ['which cuts the least effort', 'most'],
    ])('reads "%s" as the %s effort, turned round', (question, rank) => {
      expect(read(question).comparison).toMatchObject({ scale: 'effort', rank });
    });

    it.each([
      ['which needs the most work, to save time later', 'most'],
      ['which needs the least effort and saves money', 'least'],
    ])('keeps the direction when the verb does not govern it ("%s")', (question, rank) => {
      expect(read(question).comparison).toMatchObject({ scale: 'effort', rank });
    });
  });

  describe('when the direction word is near one scale\'s word', () => {
    it('reads the scale whose word the direction word governs, not the first one listed', () => {
      expect(read('which is the most expensive for all the work it saves')).toMatchObject({ comparison: { scale: 'cost', rank: 'most' } });
      expect(read('the bike costs a lot; which is the least effort')).toMatchObject({ comparison: { scale: 'effort', rank: 'least' } });
    });

    it('reads a direction word three words from the scale\'s word, not four', () => {
      expect(read('which leaves me the least to do in work').comparison).toMatchObject({ scale: 'effort', rank: 'least' });
      expect(read('nobody does the work at weekends, which matters most').comparison).toBeUndefined();
    });

    it('reads "more or less" as the most, whichever word is nearer, marked as offering both ends', () => {
      expect(read('is the bike more or less work than the bus').comparison).toMatchObject({ scale: 'effort', rank: 'most', between: true, bothWays: true });
      expect(read('is the bike less or more work than the bus').comparison).toMatchObject({ scale: 'effort', rank: 'most', bothWays: true });
    });

    it('marks both ends offered where the scale\'s word stands between them ("the most work or the least")', () => {
      expect(read('is the bus the most work or the least').comparison).toMatchObject({ scale: 'effort', rank: 'most', bothWays: true });
    });

    it('marks no two ends where the two direction words are not joined by "or" ("from most to least work")', () => {
      expect(read('rank them from most to least work').comparison).not.toHaveProperty('bothWays');
      expect(read('is the bike more work than the bus').comparison).not.toHaveProperty('bothWays');
    });
  });

  describe('when a question names a scale but compares nothing', () => {
    it.each([
      ['is the bus cheap', 'a word for less of it, not comparative'],
      ['is the bike easy', 'a word for less of it, not comparative'],
      ['what does the car cost', 'a word for more of it, with no direction'],
      ['what is the most popular vehicle', 'a direction, but no word of any scale'],
      ['tell me more about the bus costs', '"more" that asks for more words'],
      ['i want to know more about the effort of cycling', '"more" that asks for more words'],
      ['does the bus need much work', '"much" on its own, which ranks nothing'],
      ['is there a lot of work in cycling', '"a lot of", which ranks nothing'],
    ])('reads no comparison in "%s" (%s)', (question) => {
      expect(read(question).comparison).toBeUndefined();
    });
  });

  describe('when a question asks for a side of something', () => {
    it.each([
      ['what is the advantage of the bus', 'advantage'],
      ['what are the pros of cycling', 'advantage'],
      ["what's bad about the bike", 'disadvantage'],
      ['the drawbacks of walking', 'disadvantage'],
      ['the minuses of the bus', 'disadvantage'],
      ['any pitfalls with the car', 'disadvantage'],
      ['the merits of cycling', 'advantage'],
    ])('reads "%s" as asking for its %s', (question, side) => {
      expect(read(question).side).toBe(side);
    });

    it('reads no side when both are asked for ("the pros and cons of the car")', () => {
      expect(read('the pros and cons of the car').side).toBeUndefined();
    });

    it.each([
      ["why wouldn't I use the car", 'disadvantage'],
      ['why you would not want to use the car', 'disadvantage'],
      ['why do some people refuse to use the bus', 'disadvantage'],
      ['reasons a family might hesitate before choosing the car', 'disadvantage'],
      ['I have the reasons to use the car, now I need the reasons against it', 'disadvantage'],
      ['why not use the bus?', 'disadvantage'],
      ['reasons not to choose the bike', 'disadvantage'],
      ['why would we use the bus', 'advantage'],
      ['why pick the car?', 'advantage'],
      ['why would you NOT want to use the car', 'disadvantage'],
      ['why would anyone want to pick the bike', 'advantage'],
    ])('reads "%s" as asking the %s of what it would use, apart from a side of something', (question, side) => {
      expect(read(question)).toMatchObject({ sideOfUse: side });
      expect(read(question).side).toBeUndefined();
    });

    it.each([
      ['the pros and cons of the car', 'advantage'],
      ['what are the cons and pros of walking', 'disadvantage'],
      ['the good and bad points of the bus', 'advantage'],
      ['risks and benefits of the bike', 'disadvantage'],
      ['walking: the arguments for and against', 'advantage'],
      ['evaluate the use of the bus for commuting', 'advantage'],
      ['critically discuss the car', 'advantage'],
      ['one advantage and one disadvantage of the bus', 'advantage'],
      ['give a disadvantage and an advantage of the car', 'disadvantage'],
      ['give two advantages and two disadvantages of the bus', 'advantage'],
      ['list 3 cons and 3 pros of walking', 'disadvantage'],
    ])('reads "%s" as asking both sides, the %s first', (question, first) => {
      expect(read(question).bothSides).toBe(first);
    });

    it('reads no both sides in a bare "discuss", which may ask only what a thing is ("discuss the bus")', () => {
      expect(read('discuss the bus').bothSides).toBeUndefined();
    });

    it('reads no both sides in two sides apart ("I have the pros of walking, now what are the cons?")', () => {
      expect(read('I have the pros of walking, now what are the cons?').bothSides).toBeUndefined();
    });

    it('reads no side of use in a question about using something without a why ("how do I use the bus")', () => {
      expect(read('how do I use the bus').sideOfUse).toBeUndefined();
    });

    it('reads no side in a judgement that is not "of" anything ("the bus is good")', () => {
      expect(read('the bus is good').side).toBeUndefined();
    });
  });

  describe('when a question asks for a whole list', () => {
    it.each([
      ['list the 3 reasons'],
      ['list the ways to get around'],
      ['what are all the drawbacks'],
      ['what are all of the benefits'],
      ['the seven reasons to walk'],
      ['go through every reason not to walk'],
      ['explain each of the drawbacks of the bus'],
    ])('reads "%s" as a list', (question) => {
      expect(read(question).asksList).toBe(true);
    });

    it.each([['what are the reasons to walk'], ['what is the bus'], ['is every bus late']])('reads "%s" as no list', (question) => {
      expect(read(question).asksList).toBe(false);
    });
  });

  describe('when a question asks for a yes or no', () => {
    it.each([['is the bus cheap'], ['does the bike cost more'], ['should I walk']])('reads "%s" as yes/no', (question) => {
      expect(read(question).yesNo).toBe(true);
    });

    it.each([['what is the bus'], ['which is cheaper'], ['why walk']])('reads "%s" as open', (question) => {
      expect(read(question).yesNo).toBe(false);
    });
  });

  it('reads a plain question as asking for nothing besides its topic', () => {
    expect(read('with the bus who does more of the work, me or the provider?')).toMatchObject({ partiesOffered: true });
    expect(read('do i or does the provider do more of the work')).toMatchObject({ partiesOffered: true });
    expect(read('which does more of the work, the bus or the provider?')).not.toHaveProperty('partiesOffered');
    expect(read('what is the bus')).toEqual({ asksList: false, yesNo: false, choosing: false, superlative: false, comparing: false });
  });

  it.each([['which is cheaper'], ['so which one should i take'], ['the bus or the bike, which of them is easier'], ['name a vehicle that needs no fuel'], ['give an example of a vehicle where you pedal']])('reads "%s" as asking to choose', (question) => {
    expect(read(question).choosing).toBe(true);
  });

  it.each([['name the vehicles'], ['give an example of the bus']])('does not read "%s" as a choice: nothing is picked by what it is like', (question) => {
    expect(read(question).choosing).toBe(false);
  });

  it.each([
    ['what is the difference between the bus and the bike'],
    ['bus vs bike'],
    ['how do the bus and the bike compare'],
    ['is the bus the same as the bike'],
    ['how is the bus different from the bike'],
    ['comparing the bus and the bike'],
    ['is the bus the same kind of thing as the bike'],
    ['is slowness the same problem as distance'],
    ['is the bus just another word for the coach'],
    ['is a coach another name for a bus'],
    ['is the coach a synonym for the bus'],
  ])('reads "%s" as asking how things differ', (question) => {
    expect(read(question).comparing).toBe(true);
  });

  it.each([['the different kinds of vehicle'], ['which is cheaper'], ['what is the bus'], ['we ride the same buses as everyone else'], ['what is another word i could use in my essay']])('reads "%s" as asking no difference', (question) => {
    expect(read(question).comparing).toBe(false);
  });

  it('reads a yes/no comparison as both ("does the bike cost more")', () => {
    expect(read('does the bike cost more')).toEqual({ comparison: { scale: 'cost', rank: 'most', between: true }, asksList: false, yesNo: true, choosing: false, superlative: false, comparing: false });
  });

  it.each([['what is the biggest drawback'], ['the main advantage of walking'], ['what is the worst thing about the bus']])('reads "%s" as ranking one first', (question) => {
    expect(read(question).superlative).toBe(true);
  });
});

describe('readingSignals', () => {
  it('names the direction along its scale, the direction alone, and what else the question asks', () => {
    expect(readingSignals(read('which needs the least effort'))).toEqual(['effort least', 'least', 'choosing']);
    expect(readingSignals(read('does the bike cost more'))).toEqual(['cost most', 'most', 'between', 'yes or no']);
    expect(readingSignals(read('what are the pros of cycling'))).toEqual(['advantage']);
    expect(readingSignals(read('list the 3 reasons'))).toEqual(['list']);
  });

  it('gives nothing for a question that asks for nothing besides its topic', () => {
    expect(readingSignals(read('what is the bus'))).toEqual([]);
  });
});
