import { Conversation } from '../../src/conversation/Conversation';
import { freshMemory } from '../../src/conversation/memory';
import { emptyProgress } from '../../src/quiz/progress';
import { Quiz } from '../../src/quiz/Quiz';
import { MemoryRecords } from '../../src/records/MemoryRecords';
import { type AnyRecord, AnyRecordSchema, idHasher } from '../../src/records/records';
import { Recorder } from '../../src/records/Recorder';
import { realAnswerer, realKnowledgeBase, realMatcher } from '../support/knowledge';

const NOW = new Date('2026-12-04T10:00:00.000Z');

function setUp() {
  const kb = realKnowledgeBase();
  const answerer = realAnswerer();
  const conversation = new Conversation(kb, realMatcher(), answerer, new Quiz(kb, realMatcher()));
  const records: AnyRecord[] = [];
  const recorder = new Recorder({ add: (record) => { records.push(AnyRecordSchema.parse(record)); return Promise.resolve(); } }, {
    lowConfidence: 0.7,
    hash: idHasher('test-salt'),
    now: () => NOW,
  });
  return { conversation, recorder, records };
}

describe('the Recorder, which keeps what the staff dashboard counts', () => {
  it('records every question turn by how it ended, with the entry answered and a hashed conversation', async () => {
    const { conversation, recorder, records } = setUp();
    for (const text of ['what is paas', 'how do clouds form', 'cloud model', 'hello']) {
      await recorder.reply(conversation.respond(text, freshMemory()).reply, 'conversation-raw-id');
    }
    const turns = records.filter((record) => record.kind === 'turn');
    expect(turns.map((turn) => [turn.outcome, turn.entryId, turn.via])).toEqual([
      ['answered', 'service-models.paas', 'typed'],
      ['declined', null, 'typed'],
      ['clarified', null, 'typed'],
      ['smalltalk', 'smalltalk.greeting', 'typed'],
    ]);
    expect(turns.every((turn) => turn.at === NOW.toISOString())).toBe(true);
    // The badly answered ones are also kept with their words, for kb:review, as before.
    expect(records.flatMap((record) => (record.kind === 'question' ? [record.outcome] : []))).toEqual(['fallback', 'clarify']);
    expect(JSON.stringify(records)).not.toContain('conversation-raw-id');
    expect(new Set(turns.map((turn) => turn.conversation)).size).toBe(1);
  });

  it('counts a pressed topic button as an answered turn chosen by id', async () => {
    const { conversation, recorder, records } = setUp();
    const turn = conversation.respondToButton('service-models.iaas', freshMemory());
    expect(turn).toBeDefined();
    if (turn) await recorder.reply(turn.reply, 'c1');
    expect(records).toEqual([expect.objectContaining({ kind: 'turn', outcome: 'answered', entryId: 'service-models.iaas', via: 'button' })]);
  });

  it('does not count the quiz\'s own turns as questions, and records each graded answer with its entry', async () => {
    const { conversation, recorder, records } = setUp();
    const started = conversation.respond('quiz me', freshMemory(), emptyProgress(), NOW.getTime());
    expect(started.quizAnswer).toBeUndefined();
    await recorder.reply(started.reply, 'c1');
    const asked = started.reply.quiz;
    expect(asked).toBeDefined();
    if (!asked) return;
    // Every option is tried on a fresh copy of the round: exactly one is graded right.
    const graded = asked.options.map((_, choice) => conversation.respondToQuizChoice(asked.questionId, choice, started.memory, started.progress ?? emptyProgress(), NOW.getTime())?.quizAnswer);
    expect(graded.filter((answer) => answer?.correct === true)).toHaveLength(1);
    expect(graded.every((answer) => answer?.questionId === asked.questionId && answer.entryId === asked.questionId.split('#')[0])).toBe(true);
    const [first] = graded;
    if (first) await recorder.quizAnswer(first, 'c1');
    expect(records).toEqual([
      { kind: 'quiz-answer', questionId: asked.questionId, entryId: first?.entryId, correct: first?.correct, at: NOW.toISOString(), conversation: idHasher('test-salt')('c1') },
    ]);
  });
});

describe('MemoryRecords, the local runs\' records', () => {
  const turn = (at: string): AnyRecord => ({ kind: 'turn', outcome: 'answered', entryId: 'a', via: 'typed', at, conversation: 'h' });

  it('keeps at most its limit, dropping the oldest', async () => {
    const records = new MemoryRecords(3);
    for (const day of [1, 2, 3, 4, 5]) await records.add(turn(`2026-12-0${String(day)}T00:00:00.000Z`));
    const { records: kept } = await records.since(new Date(0), 100);
    expect(kept.map((record) => record.at.slice(8, 10))).toEqual(['05', '04', '03']);
  });

  it('reads the records since a moment, newest first, at most a limit of each kind, and says which kinds it cut', async () => {
    const records = new MemoryRecords();
    for (const day of [1, 2, 3, 4]) await records.add(turn(`2026-12-0${String(day)}T00:00:00.000Z`));
    await records.add({ kind: 'quiz-answer', entryId: 'a', questionId: 'a#0', correct: true, at: '2026-12-04T00:00:00.000Z', conversation: 'h' });
    const recent = await records.since(new Date('2026-12-02T00:00:00.000Z'), 2);
    expect(recent.records.map((record) => `${record.kind} ${record.at.slice(8, 10)}`)).toEqual(['turn 04', 'turn 03', 'quiz-answer 04']);
    expect(recent.truncated).toEqual(['turn']);
  });
});
