import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { type Activity, TestAdapter } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createRuntime } from '../../src/hosting/createRuntime';
import { idHasher } from '../../src/records/records';
import { Recorder } from '../../src/records/Recorder';
import { review } from '../../src/records/review';
import { TableRecords } from '../../src/records/tableRecords';
import { expectRepliesActivity, invocation, postRequest } from '../support/activities';
import { realKnowledgeBase, realMatcher } from '../support/knowledge';
import { capturingLogger } from '../support/logger';
import { sharedAzurite } from '../support/azurite';
import { testBot } from '../support/bot';

let tables = 0;
const table = () => `records${String(Date.now())}${String(++tables)}`;

function botRecordingTo(records: TableRecords): TestAdapter {
  return testBot({ recorder: new Recorder(records, { lowConfidence: 0.7, hash: idHasher('test-salt') }) });
}

/** The value of the reply's 👍 or 👎 button, as the channel sends it back when pressed. */
function voteValue(reply: Partial<Activity>, vote: 'up' | 'down'): unknown {
  const card = reply.attachments?.[0]?.content as { buttons?: { value?: { vote?: string } }[] } | undefined;
  return card?.buttons?.find((button) => button.value?.vote === vote)?.value;
}

describe('feedback and unanswered questions in Azure Table Storage (Azurite)', () => {
  it('records fallbacks, clarifications and 👎, without raw ids, and kb:review reports them most frequent first', async () => {
    const name = table();
    const records = new TableRecords({ connectionString: sharedAzurite(), table: name, timeoutMs: 5000 }, capturingLogger());
    let down: unknown;
    await botRecordingTo(records)
      .send('how do clouds form')
      .assertReply((reply) => { expect(reply.text).toMatch(/I don't know that/); })
      .send('how do the clouds form?')
      .assertReply(() => undefined)
      .send('cloud model')
      .assertReply((reply) => { expect(reply.text).toContain('Did you mean'); })
      .send('what is iaas')
      .assertReply((reply) => {
        expect(reply.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
        down = voteValue(reply, 'down');
      })
      .startTest();
    expect(down).toMatchObject({ vote: 'down', entryId: 'service-models.iaas' });
    await botRecordingTo(records)
      .send({ type: 'message', text: '👎 Not helpful', value: down })
      .assertReply((reply) => { expect(reply.text).toMatch(/noted it/); })
      .startTest();

    // Stored as hashes: the TestAdapter's raw ids ("Convo1", "user1") appear nowhere.
    const raw = TableClient.fromConnectionString(sharedAzurite(), name, { allowInsecureConnection: true });
    const entities: string[] = [];
    for await (const entity of raw.listEntities()) entities.push(JSON.stringify(entity));
    // Four turns for the dashboard; three questions answered badly and one 👎 for kb:review.
    expect(entities).toHaveLength(8);
    for (const entity of entities) expect(entity).not.toMatch(/Convo1|user1/);

    const report = review(await records.list(), (text) => realMatcher().termsOf(text));
    expect(report.questions[0]).toMatchObject({ count: 2, outcomes: { fallback: 2 } });
    expect(report.questions[0]?.wordings).toEqual(expect.arrayContaining(['how do clouds form', 'how do the clouds form']));
    expect(report.votes).toEqual([expect.objectContaining({ entryId: 'service-models.iaas', down: 1 })]);

    // The command reads the same storage, as it would read production's with its connection string.
    const cli = spawnSync('npm', ['run', '--silent', 'kb:review'], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, STATE_STORAGE_CONNECTION_STRING: sharedAzurite(), RECORDS_TABLE: name },
    });
    expect(cli.status).toBe(0);
    const lines = cli.stdout.split('\n');
    const first = lines.findIndex((line) => line.includes('2× "how do clouds form"'));
    const second = lines.findIndex((line) => line.includes('"cloud model"'));
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(cli.stdout).toMatch(/service-models\.iaas: 1 👎, 0 👍/);
  });

  it('reads back the dashboard\'s records of a period, newest first, each kind up to a limit, and kb:review\'s without them', async () => {
    const name = table();
    const records = new TableRecords({ connectionString: sharedAzurite(), table: name, timeoutMs: 5000 }, capturingLogger());
    const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    for (const day of [1, 2, 3, 4]) await records.add({ kind: 'turn', outcome: day === 2 ? 'declined' : 'answered', entryId: day === 2 ? null : 'service-models.iaas', via: 'typed', at: at(day), conversation: 'h' });
    await records.add({ kind: 'quiz-answer', entryId: 'service-models.paas', questionId: 'service-models.paas#0', correct: false, at: at(3), conversation: 'h' });
    await records.add({ kind: 'feedback', vote: 'up', entryId: 'service-models.iaas', question: 'what is iaas', confidence: 0.9, at: at(4), user: 'u' });

    const recent = await records.since(new Date(at(2)), 2);
    expect(recent.records.map((record) => `${record.kind} ${record.at.slice(8, 10)}`)).toEqual(['feedback 04', 'turn 04', 'turn 03', 'quiz-answer 03']);
    expect(recent.truncated).toEqual(['turn']);
    const all = await records.since(new Date(at(1)), 100);
    // A turn that answered nothing comes back with a null entry, though Table Storage keeps no nulls.
    expect(all.records).toContainEqual(expect.objectContaining({ kind: 'turn', outcome: 'declined', entryId: null }));
    expect(all.records.filter((record) => record.kind === 'turn')).toHaveLength(4);
    expect((await records.list()).map((record) => record.kind)).toEqual(['feedback']);
  });

  it('reads an empty period from a table never written', async () => {
    const records = new TableRecords({ connectionString: sharedAzurite(), table: table(), timeoutMs: 5000 }, capturingLogger());
    await expect(records.since(new Date(0), 10)).resolves.toEqual({ records: [], truncated: [] });
  });

  it('stores nothing when RECORD_QUESTIONS=false', async () => {
    const name = table();
    const config = loadConfig({ STATE_STORAGE_CONNECTION_STRING: sharedAzurite(), RECORDS_TABLE: name, RECORD_QUESTIONS: 'false', STATE_CONTAINER: `state-${name}` });
    const runtime = createRuntime({ config, kb: realKnowledgeBase(), logger: capturingLogger() });
    for (const question of ['how do clouds form', 'cloud model']) {
      const response = await runtime.messages(postRequest(expectRepliesActivity(question)), invocation().context);
      expect(response.status).toBe(200);
    }
    const records = new TableRecords({ connectionString: sharedAzurite(), table: name, timeoutMs: 5000 }, capturingLogger());
    expect(await records.list()).toEqual([]);
  });

  it('never lets a storage fault lose the answer: the record is dropped and logged', async () => {
    const logger = capturingLogger();
    const unreachable = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;';
    const records = new TableRecords({ connectionString: unreachable, table: 'nowhere', timeoutMs: 500 }, logger);
    await botRecordingTo(records)
      .send('how do clouds form')
      .assertReply((reply) => { expect(reply.text).toMatch(/I don't know that/); })
      .startTest();
    expect(logger.lines.some((line) => line.level === 'warn' && line.text.includes('question record was not stored'))).toBe(true);
  });
});
