import { type Activity, MemoryStorage } from 'botbuilder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { KnowledgeError } from '../../src/errors';
import { buildKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { fuseOptionSearch } from '../../src/quiz/optionSearch';
import { emptyProgress, grade } from '../../src/quiz/progress';
import { Quiz, type QuizSession } from '../../src/quiz/Quiz';
import { realKnowledgeBase, realMatcher } from '../support/knowledge';
import { testBot } from '../support/bot';

const kb = realKnowledgeBase();
const quiz = new Quiz(kb, realMatcher());
const NOW = Date.parse('2026-11-29T12:00:00Z');

const bot = (storage = new MemoryStorage()) => testBot({ storage });

/** The quiz card's buttons, as the channel shows them. */
function options(reply: Partial<Activity>): { title: string; value: unknown }[] {
  const card = reply.attachments?.[0]?.content as { buttons?: { title: string; value: unknown }[] } | undefined;
  return card?.buttons ?? [];
}

/** The letter of the right option, read from the knowledge base, not from the bot. */
function rightLetter(reply: Partial<Activity>): string {
  const prompt = /\*\*Question \d+ of \d+:\*\* (.+)/.exec(reply.text ?? '')?.[1] ?? '';
  const item = quiz.itemsIn(null).find((candidate) => candidate.prompt === prompt);
  if (!item) throw new Error(`unknown question "${prompt}"`);
  return 'ABCDE'.charAt(item.correct);
}

describe('quiz questions in the knowledge base', () => {
  it('has at least 30, covering every leaf entry, with valid options and explanations from the answers', () => {
    const items = quiz.itemsIn(null);
    expect(items.length).toBeGreaterThanOrEqual(30);
    const leaves = kb.topics.filter((entry) => kb.childrenOf(entry.id).length === 0);
    expect(leaves.length).toBeGreaterThanOrEqual(19);
    for (const leaf of leaves) expect({ leaf: leaf.id, covered: items.some((item) => item.entryId === leaf.id) }).toEqual({ leaf: leaf.id, covered: true });
    for (const item of items) {
      expect(item.options.length).toBeGreaterThanOrEqual(2);
      expect(item.options.length).toBeLessThanOrEqual(5);
      expect(item.options[item.correct]).toBeDefined();
    }
    expect(new Set(items.map((item) => item.correct)).size).toBeGreaterThan(1);
  });

  it('rejects, naming file, entry and field, an explanation the answer does not contain and an option that is not an entry', () => {
    const lecture = readFileSync(join(__dirname, '../../knowledge/lecture-05-cloud-computing.md'), 'utf8');
    const doc = parse(readFileSync(join(__dirname, '../knowledge/fixtures/valid.yaml'), 'utf8')) as { entries: Record<string, unknown>[] };
    const first = doc.entries[0] ?? {};
    first.quiz = [
      { kind: 'choice', question: 'Which?', correct: 'benefits', distractors: ['cloud-computing', 'made-up'], because: 'words nobody wrote' },
    ];
    let message = '';
    try {
      buildKnowledgeBase([{ name: 'knowledge/quiz.yaml', text: stringify(doc) }], lecture);
    } catch (error) {
      if (error instanceof KnowledgeError) message = error.message;
    }
    expect(message).toContain('knowledge/quiz.yaml: entry "cloud-computing", field "quiz[0].because"');
    expect(message).toContain('option "made-up" is not a topic entry');
  });
});

describe('choosing a round', () => {
  it('asks the weakest and most overdue entries first, one question per entry, ten to a round', () => {
    let progress = emptyProgress();
    // Mastered ones: box 2 and due in days. One wrong answer: box 0, due in ten minutes.
    for (const id of ['service-models.iaas', 'service-models.paas']) progress = grade(grade(progress, id, true, NOW), id, true, NOW);
    progress = grade(progress, 'service-models.saas', false, NOW);
    const round = quiz.selectRound('service-models', progress, NOW + 60 * 60_000);
    // An hour later: SaaS (box 0, overdue by 50 minutes) before the never-seen overview (box 0,
    // due now), then the mastered ones; then each entry's next question while it has one.
    expect(round.map((id) => id.split('#')[0])).toEqual([
      'service-models.saas',
      'service-models',
      'service-models.iaas',
      'service-models.paas',
      'service-models.saas',
      'service-models.iaas',
      'service-models.paas',
      'service-models.iaas',
    ]);
    expect(new Set(round).size).toBe(round.length);
    expect(quiz.selectRound(null, emptyProgress(), NOW)).toHaveLength(10);
  });

  it('brings a wrong answer back sooner than a right one', () => {
    const wrong = grade(emptyProgress(), 'benefits.reach', false, NOW).entries['benefits.reach'];
    const right = grade(emptyProgress(), 'benefits.reach', true, NOW).entries['benefits.reach'];
    expect(wrong?.due).toBeLessThan(right?.due ?? 0);
    expect(wrong?.box).toBe(0);
  });
});

describe('answering a question in words', () => {
  it('builds each question\'s option index once, on its first typed answer, however often it is answered', () => {
    const built: string[][] = [];
    const counted = new Quiz(kb, realMatcher(), undefined, (options) => {
      built.push([...options]);
      return fuseOptionSearch(options);
    });
    const [first, second] = counted.itemsIn(null).filter((item) => item.options.length > 2);
    if (!first || !second) throw new Error('the knowledge base has no two multiple-choice questions');
    const session = (id: string): QuizSession => ({ scope: null, questions: [id], index: 0, right: 0, answered: 0, paused: false, missed: [] });
    const answerInWords = (item: typeof first) => counted.respond(item.options[item.correct] ?? '', session(item.id), emptyProgress(), NOW)?.reply.text;

    expect(built).toEqual([]);
    // The same question answered in words in three rounds (the quiz asks it again when it is due).
    for (let round = 0; round < 3; round++) expect(answerInWords(first)).toMatch(/^✅ Right!/);
    expect(built).toEqual([first.options]);
    // A letter needs no index; another question gets its own.
    expect(counted.respond('a', session(second.id), emptyProgress(), NOW)).toBeDefined();
    expect(built).toHaveLength(1);
    expect(answerInWords(second)).toMatch(/^✅ Right!/);
    expect(built).toEqual([first.options, second.options]);
  });
});

describe('a typed answer said in a student\'s words', () => {
  const ofThree = quiz.itemsIn(null).find((item) => item.options.length === 3);
  const trueFalse = quiz.itemsIn(null).find((item) => item.options.length === 2 && item.correct === 0);
  const session = (id: string): QuizSession => ({ scope: null, questions: [id, id], index: 0, right: 0, answered: 0, paused: false, missed: [] });

  it.each([
    ['the first one', 0],
    ['second option', 1],
    ['the 3rd', 2],
    ["I think it's B", 1],
    ['umm c i guess', 2],
    ['umm b', 1],
  ])('takes "%s" as option %d of a choice of three', (typed, index) => {
    if (!ofThree) throw new Error('the knowledge base has no question with three options');
    const turn = quiz.respond(typed, session(ofThree.id), emptyProgress(), NOW);
    expect(turn?.graded?.correct).toBe(index === ofThree.correct);
    expect(turn?.session?.answered).toBe(1);
  });

  it('takes "its true i think" as true', () => {
    if (!trueFalse) throw new Error('the knowledge base has no true-or-false question whose answer is true');
    expect(quiz.respond('its true i think', session(trueFalse.id), emptyProgress(), NOW)?.graded?.correct).toBe(true);
  });

  it('gives the lecture\'s reason for the last answer on "why?" after it, and asks the current question again; not after a question asked mid-round', () => {
    if (!trueFalse) throw new Error('the knowledge base has no true-or-false question whose answer is true');
    const answered = quiz.respond('false', session(trueFalse.id), emptyProgress(), NOW);
    const after = answered?.session;
    if (!after) throw new Error('the round ended after one question');
    const why = quiz.respond('why?', after, emptyProgress(), NOW);
    expect(why?.reply.text).toContain(`> ${trueFalse.because}`);
    expect(why?.reply.text).toContain('**Question 2 of 2:**');
    expect(quiz.respond('why?', { ...after, paused: true }, emptyProgress(), NOW)).toBeUndefined();
    expect(quiz.respond('why?', session(trueFalse.id), emptyProgress(), NOW)).toBeUndefined();
  });
});

describe('a reply meant as an answer that is none of the question\'s', () => {
  const trueFalse = quiz.itemsIn(null).find((item) => item.options.length === 2);
  const ofThree = quiz.itemsIn(null).find((item) => item.options.length === 3);
  const session = (id: string): QuizSession => ({ scope: null, questions: [id], index: 0, right: 0, answered: 0, paused: false, missed: [] });

  it.each([
    ['a letter past the last option, to a true-or-false question', () => trueFalse, 'C', '"C" is not one of this question\'s answers: answer A or B.'],
    ['"false", to a choice of three', () => ofThree, 'False', '"False" is not one of this question\'s answers: answer A, B or C.'],
  ])('says so for %s, and asks the same question again, ungraded', (_, itemOf, said, lead) => {
    const item = itemOf();
    if (item === undefined) throw new Error('the knowledge base has no such quiz question');
    const turn = quiz.respond(said, session(item.id), emptyProgress(), NOW);
    expect(turn?.reply.text.split('\n')[0]).toBe(lead);
    expect(turn?.reply.text).toContain(item.prompt);
    expect(turn?.session?.index).toBe(0);
    expect(turn?.graded).toBeUndefined();
  });

  it('leaves a number, which may pick from "did you mean…?", and "no", which may answer the bot, to the rest', () => {
    if (ofThree === undefined) throw new Error('the knowledge base has no such quiz question');
    expect(quiz.respond('7', session(ofThree.id), emptyProgress(), NOW)).toBeUndefined();
    expect(quiz.respond('no', session(ofThree.id), emptyProgress(), NOW)).toBeUndefined();
  });
});

describe('a quiz through the bot (TestAdapter)', () => {
  it('plays a round to the end: buttons, letters, typed answers with typos, right and wrong, and the score', async () => {
    const adapter = bot();
    let current: Partial<Activity> = {};
    await adapter
      .send('quiz me on deployment models')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Quiz on "Public, private and hybrid clouds compared": 6 questions/);
        expect(options(reply).length).toBeGreaterThanOrEqual(2);
        current = reply;
      })
      .startTest();
    // 1: press the right button.
    const button = options(current).find((option) => option.title.startsWith(`${rightLetter(current)}.`));
    await adapter
      .send({ type: 'message', text: button?.title, value: button?.value })
      .assertReply((reply) => { expect(reply.text).toMatch(/^✅ Right!/); expect(reply.text).toContain('Source: Lecture 5 › What is the cloud'); current = reply; })
      .startTest();
    // 2: type a wrong letter.
    const wrong = 'ABCDE'.charAt(('ABCDE'.indexOf(rightLetter(current)) + 1) % options(current).length);
    await adapter
      .send(wrong.toLowerCase())
      .assertReply((reply) => { expect(reply.text).toMatch(/^❌ Not quite: the answer is \*\*/); expect(reply.text).toMatch(/\n> /); current = reply; })
      .startTest();
    // 3 to 6: type the right option's text, with a typo, or the right letter.
    for (let turn = 3; turn <= 6; turn++) {
      const letter = rightLetter(current);
      const title = options(current).find((option) => option.title.startsWith(`${letter}.`))?.title.slice(3) ?? '';
      const typed = turn === 3 ? title.replace('cloud', 'clod') : letter;
      await adapter
        .send(typed)
        .assertReply((reply) => { expect(reply.text).toMatch(/^✅ Right!/); current = reply; })
        .startTest();
    }
    expect(current.text).toMatch(/Round over: 5 of 6 right/);
  });

  it('answers a normal question mid-quiz, offers to resume, and takes skip, score and stop', async () => {
    await bot()
      .send('quiz me on service models')
      .assertReply((reply) => { expect(reply.text).toContain('Question 1 of'); })
      .send('what is paas')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Platform as a service/);
        expect(reply.text).toContain('Say "resume" to go back to it');
      })
      .send('resume')
      .assertReply((reply) => { expect(reply.text).toMatch(/^\*\*Question 1 of/); })
      .send('skip')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Skipped\.\s+\*\*Question 2 of/); })
      .send('score')
      .assertReply((reply) => { expect(reply.text).toMatch(/^So far: 0 of 0 right, question 2 of/); })
      .send('stop quiz')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Quiz stopped: 0 of 0 right/); })
      .send('b')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/Right!|Not quite/); })
      .startTest();
  });

  it('starts a round when asked in students\' own words, and answers a lecture question that only mentions a test', async () => {
    await bot()
      .send('Can you quiz me?')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Quiz on the whole lecture: 10 questions/); })
      .send('stop quiz')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Quiz stopped/); })
      .send('test my knowledge of IaaS')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Quiz on "Infrastructure as a service \(IaaS\)"/); })
      .send('stop quiz')
      .assertReply(() => undefined)
      .send('what is a test environment')
      .assertReply((reply) => { expect(reply.text).not.toMatch(/^Quiz on/); })
      .startTest();
  });

  it('asks as many questions as were asked for, and takes "the lecture" as the whole lecture', async () => {
    await bot()
      .send('test me with 3 questions about IaaS PaaS SaaS')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Quiz on "IaaS, PaaS and SaaS compared": 3 questions\./); })
      .send('stop quiz')
      .assertReply(() => undefined)
      .send('quiz me on the lecture')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Quiz on the whole lecture: 10 questions/); })
      .startTest();
  });

  it('moves on when asked for another question, and shows the answer, counted as not known, when asked for it', async () => {
    await bot()
      .send('quiz me on service models')
      .assertReply(() => undefined)
      .send('ask me another one')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Skipped\.\s+\*\*Question 2 of/); })
      .send("what's the answer?")
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^The answer is \*\*[^*]+\*\*\.\n\n> /);
        expect(reply.text).toContain('**Question 3 of');
      })
      .send("I don't know")
      .assertReply((reply) => { expect(reply.text).toMatch(/^The answer is/); })
      .send('score')
      .assertReply((reply) => { expect(reply.text).toMatch(/^So far: 0 of 2 right, question 4 of/); })
      .startTest();
  });

  it.each(["I don't know, tell me", 'no idea, what is it?', 'just tell me'])('shows the answer for "%s", said with a request to be told', async (asked) => {
    await bot()
      .send('quiz me on service models')
      .assertReply(() => undefined)
      .send(asked)
      .assertReply((reply) => { expect(reply.text).toMatch(/^The answer is \*\*[^*]+\*\*\.\n\n> /); })
      .startTest();
  });

  it.each(['how did I do?', "what's my score so far?", 'how many have I got right so far?'])('takes "%s" during a round as asking for the score, not as a question', async (asked) => {
    await bot()
      .send('quiz me on service models')
      .assertReply(() => undefined)
      .send('skip')
      .assertReply(() => undefined)
      .send(asked)
      .assertReply((reply) => { expect(reply.text).toMatch(/^So far: 0 of 0 right, question 2 of/); })
      .startTest();
  });

  it('after a round is stopped, gives its score and its mistakes, kept with the student\'s progress; before any round, "score" is no command', async () => {
    await bot()
      .send("what's my score")
      .assertReply((reply) => { expect(reply.text).not.toMatch(/last round/); })
      .startTest();
    const adapter = bot();
    let current: Partial<Activity> = {};
    await adapter
      .send('quiz me on service models')
      .assertReply((reply) => { current = reply; })
      .startTest();
    const missed = /\*\*Question 1 of \d+:\*\* (.+)/.exec(current.text ?? '')?.[1] ?? '';
    await adapter
      .send(rightLetter(current) === 'A' ? 'B' : 'A')
      .assertReply((reply) => { expect(reply.text).toMatch(/^❌/); })
      .send('what did I get wrong?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^What you missed in this round:/);
        expect(reply.text).toContain(missed);
      })
      .send('stop quiz')
      .assertReply((reply) => { expect(reply.text).toBe('Quiz stopped: 0 of 1 right. Say "quiz me" whenever you want another round.'); })
      .send("what's my score")
      .assertReply((reply) => { expect(reply.text).toBe('Your last round: 0 of 1 right. Say "quiz me" for another.'); })
      .send('which ones did I miss?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^What you missed in your last round:/);
        expect(reply.text).toContain(missed);
      })
      .startTest();
  });

  it('takes "one more" as the next question, "hint?" as a request it says it cannot meet before asking again, and "thanks, that\'s enough" as the end of the round', async () => {
    await bot()
      .send('quiz me on service models')
      .assertReply(() => undefined)
      .send('one more')
      .assertReply((reply) => { expect(reply.text).toMatch(/^Skipped\.\s+\*\*Question 2 of/); })
      .send('hint?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^No hints in the quiz/);
        expect(reply.text).toContain('**Question 2 of');
      })
      .send("thanks, that's enough")
      .assertReply((reply) => { expect(reply.text).toMatch(/^Quiz stopped: /); })
      .startTest();
  });

  it('says where a round stands for "how am I doing?" before any answer, and shows the answer for "stop, what\'s the answer?"', async () => {
    await bot(new MemoryStorage())
      .send('quiz me on service models')
      .assertReply(() => undefined)
      .send('skip')
      .assertReply(() => undefined)
      .send('how am i doing?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^No answers yet in this round: question 2 of \d+\./);
        expect(reply.text).toContain('**Question 2 of');
      })
      .send("stop, what's the answer?")
      .assertReply((reply) => { expect(reply.text).toMatch(/^The answer is \*\*[^*]+\*\*\./); })
      .startTest();
  });

  it('ignores a stale button from an earlier question', async () => {
    let first: Partial<Activity> = {};
    const adapter = bot();
    await adapter.send('quiz me').assertReply((reply) => { first = reply; }).send('skip').assertReply(() => undefined).startTest();
    const stale = options(first)[0];
    await adapter
      .send({ type: 'message', text: stale?.title, value: stale?.value })
      .assertReply((reply) => { expect(reply.text).not.toMatch(/^✅|^❌/); })
      .startTest();
  });

  it('keeps progress in user state, so it survives a restart of the bot and shows in "my progress"', async () => {
    const storage = new MemoryStorage();
    let question: Partial<Activity> = {};
    await bot(storage).send('quiz me on reach').assertReply((reply) => { question = reply; }).startTest();
    await bot(storage).send(rightLetter(question)).assertReply((reply) => { expect(reply.text).toMatch(/^✅ Right!/); }).startTest();
    // A channel that may not render cards gets the summary as text.
    await bot(storage)
      .send('my progress')
      .assertReply((reply) => {
        expect(reply.text).toContain('Why use the cloud?: 0 of 8 mastered (1 right, 0 wrong)');
        expect(reply.attachments ?? []).toHaveLength(0);
      })
      .startTest();
  });

  it('shows progress on Web Chat as a card alone, which would otherwise repeat the text', async () => {
    const storage = new MemoryStorage();
    const webChat = (text: string): Partial<Activity> => ({ type: 'message', text, channelId: 'webchat' });
    let question: Partial<Activity> = {};
    await bot(storage).send(webChat('quiz me on reach')).assertReply((reply) => { question = reply; }).startTest();
    await bot(storage).send(webChat(rightLetter(question))).assertReply((reply) => { expect(reply.text).toMatch(/^✅ Right!/); }).startTest();
    await bot(storage)
      .send(webChat('my progress'))
      .assertReply((reply) => {
        expect(reply.text ?? '').toBe('');
        const card = reply.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        const content = JSON.stringify(card?.content);
        expect(content).toContain('FactSet');
        expect(content).toContain('"title":"Why use the cloud?","value":"0 of 8 mastered (1 right, 0 wrong)"');
        expect(content).toContain('Say \\"quiz me\\" to practise the weakest first.');
      })
      .startTest();
  });

  it.each(['stop quiz', 'stop', 'exit'])('answers "%s" with no quiz running as the command it is, not as a question', async (text) => {
    await bot(new MemoryStorage())
      .send(text)
      .assertReply((reply) => { expect(reply.text).toMatch(/^No quiz is running\. Say "quiz me"/); })
      .startTest();
  });

  it('says there is no progress yet, without a card of zeros, before any answer', async () => {
    await bot(new MemoryStorage())
      .send({ type: 'message', text: 'my progress', channelId: 'webchat' })
      .assertReply((reply) => {
        expect(reply.text).toBe('No quiz answers yet. Say "quiz me" to start.');
        expect(reply.attachments ?? []).toHaveLength(0);
      })
      .startTest();
  });
});
