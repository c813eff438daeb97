import { type Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { Answerer, type Reply } from '../../src/answering/Answerer';
import { handleTurnError, TURN_ERROR_MESSAGE } from '../../src/hosting/createAdapter';
import { capturingLogger } from '../support/logger';
import { realAnswerer, realKnowledgeBase, realMatcher } from '../support/knowledge';
import { testBot } from '../support/bot';

function botWith(answerer: Answerer = realAnswerer()): { adapter: TestAdapter } {
  return { adapter: testBot({ answerer }) };
}

function actionsOf(activity: Partial<Activity>) {
  return activity.suggestedActions?.actions ?? [];
}

describe('CloudBot', () => {
  it('welcomes a new member with what it can do and topic buttons', async () => {
    const { adapter } = botWith();
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'student', name: 'Sam' }], recipient: { id: 'bot', name: 'CloudBot' } })
      .assertReply((reply) => {
        expect(reply.text).toContain('CloudBot');
        expect(reply.text).toMatch(/IaaS, PaaS and SaaS|service models/i);
        expect(actionsOf(reply).length).toBeGreaterThanOrEqual(3);
      })
      .startTest();
  });

  it('does not welcome itself when it is the member added', async () => {
    const { adapter } = botWith();
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'CloudBot' }], recipient: { id: 'bot', name: 'CloudBot' } })
      .assertNoReply()
      .send('hi')
      .assertReply((reply) => { expect(reply.text).not.toContain('Source:'); })
      .startTest();
  });

  it('answers a question with the entry, its citation and its follow-ups as suggested actions', async () => {
    const { adapter } = botWith();
    await adapter
      .send('what is paas')
      .assertReply((reply) => {
        expect(reply.text).toContain('Jupyter');
        expect(reply.text).toContain('Source: Lecture 5 › Infrastructure, Platform and Software as a Service');
        expect(reply.textFormat).toBe('markdown');
        const actions = actionsOf(reply);
        expect(actions.length).toBeGreaterThan(0);
        expect(actions[0]).toMatchObject({ type: 'messageBack', value: { entryId: expect.any(String) as unknown } });
      })
      .startTest();
  });

  it('answers the exact entry a suggested action carries, whatever its text says', async () => {
    const { adapter } = botWith();
    const press: Partial<Activity> = { type: ActivityTypes.Message, text: 'something unrelated', value: { entryId: 'benefits.elasticity' } };
    await adapter
      .send(press)
      .assertReply((reply) => { expect(reply.text).toMatch(/demand/i); })
      .startTest();
  });

  it('in Teams, uses imBack buttons (at most three) whose title comes back to the same entry', async () => {
    const { adapter } = botWith();
    let title = '';
    await adapter
      .send({ type: ActivityTypes.Message, channelId: 'msteams', text: 'why use the cloud' })
      .assertReply((reply) => {
        const actions = actionsOf(reply);
        expect(actions.length).toBeLessThanOrEqual(3);
        expect(actions[0]?.type).toBe('imBack');
        title = String(actions[0]?.value);
      })
      .startTest();
    const realAnswer = realAnswerer().answerEntry(realAnswerer().entryIdByTitle(title) ?? '')?.text;
    expect(realAnswer).toBeDefined();
    await adapter
      .send({ type: ActivityTypes.Message, channelId: 'msteams', text: title })
      .assertReply((reply) => { expect(reply.text).toBe(realAnswer); })
      .startTest();
  });

  it('falls back honestly on an off-topic question, offering the topics it knows', async () => {
    const { adapter } = botWith();
    await adapter
      .send('is it cloudy in Leeds today?')
      .assertReply((reply) => {
        expect(reply.text).toMatch(/I don't know that/);
        expect(reply.text).toContain('Lecture 5');
        expect(actionsOf(reply).length).toBeGreaterThanOrEqual(3);
      })
      .startTest();
  });

  it('asks "Did you mean" with buttons when two entries are too close, and takes a number as the choice', async () => {
    const { adapter } = botWith();
    let firstOption = '';
    await adapter
      .send('cloud model')
      .assertReply((reply) => {
        expect(reply.text).toContain('Did you mean');
        const actions = actionsOf(reply);
        expect(actions.length).toBeGreaterThanOrEqual(2);
        firstOption = String(actions[0]?.title);
      })
      .send('1')
      .assertReply((reply) => { expect(reply.text).toContain(realAnswerer().answerEntry(realAnswerer().entryIdByTitle(firstOption) ?? '')?.text ?? '∅'); })
      .startTest();
  });

  it('strips its own Teams @mention before matching', async () => {
    const { adapter } = botWith();
    const mention = '<at>CloudBot</at>';
    await adapter
      .send({
        type: ActivityTypes.Message,
        text: `${mention} what is saas`,
        entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'CloudBot' }, text: mention }],
      })
      .assertReply((reply) => { expect(reply.text).toMatch(/Gmail|Outlook\.com/); })
      .startTest();
  });

  it('on an error, logs it and tells the user something went wrong, without a stack trace', async () => {
    class FailingAnswerer extends Answerer {
      override answerMatch(): Reply {
        throw new Error('index exploded at Matcher.ts:42');
      }
    }
    const { adapter } = botWith(new FailingAnswerer(realKnowledgeBase(), realMatcher()));
    const logger = capturingLogger();
    adapter.onTurnError = (context, error) => handleTurnError(context, error, logger);
    await adapter
      .send('what is iaas')
      .assertReply((reply) => {
        expect(reply.text).toBe(TURN_ERROR_MESSAGE);
        expect(reply.text).not.toMatch(/Matcher\.ts|exploded|source code/);
      })
      .startTest();
    expect(logger.lines.some((line) => line.level === 'error' && line.text.includes('index exploded'))).toBe(true);
  });
});
