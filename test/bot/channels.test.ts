import { type Activity, ActivityTypes, type Entity } from 'botbuilder';
import { WEB_CHAT_JOIN } from '../../src/bot/CloudBot';
import { FEEDBACK_CARD, WEB_CHAT_FEEDBACK } from '../../src/bot/replyActivity';
import { testBot } from '../support/bot';

const adapter = () => testBot();

const bot = { id: 'bot', name: 'CloudBot' };
const teams = (conversationType: string, extra: Partial<Activity> = {}): Partial<Activity> => ({
  channelId: 'msteams',
  recipient: bot,
  conversation: { id: `19:thread;messageid=42`, conversationType, isGroup: conversationType !== 'personal', name: '' },
  ...extra,
});
const mention = '<at>CloudBot</at>';
const mentioned = { entities: [{ type: 'mention', mentioned: bot, text: mention }] };

describe('CloudBot in Teams', () => {
  it('in a channel, ignores messages that do not @mention it', async () => {
    await adapter()
      .send({ type: ActivityTypes.Message, text: 'what is paas', ...teams('channel') })
      .assertNoReply('no reply', 300)
      .startTest();
  });

  it('in a channel, answers when @mentioned, with the mention stripped, in the same thread', async () => {
    await adapter()
      .send({ type: ActivityTypes.Message, text: `${mention} what is paas`, ...teams('channel', mentioned) })
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Platform as a service/);
        expect(reply.conversation?.id).toBe('19:thread;messageid=42');
        expect(reply.replyToId).toBeDefined();
      })
      .startTest();
  });

  it('in a group chat, also needs the @mention', async () => {
    await adapter()
      .send({ type: ActivityTypes.Message, text: 'what is saas', ...teams('groupChat') })
      .assertNoReply('no reply', 300)
      .send({ type: ActivityTypes.Message, text: `${mention} what is saas`, ...teams('groupChat', mentioned) })
      .assertReply((reply) => { expect(reply.text).toMatch(/^Software as a service/); })
      .startTest();
  });

  it('in a personal chat, greets once when installed and answers without a mention', async () => {
    await adapter()
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [bot], ...teams('personal') })
      .assertReply((reply) => { expect(reply.text).toContain("I'm **CloudBot**"); })
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'student', name: 'Student' }], ...teams('personal') })
      .assertNoReply('no reply', 300)
      .send({ type: ActivityTypes.Message, text: 'what is iaas', ...teams('personal') })
      .assertReply((reply) => { expect(reply.text).toMatch(/^Infrastructure as a service/); })
      .startTest();
  });

  it('in a team, posts a short intro when added, and nothing when other members join', async () => {
    await adapter()
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [bot, { id: 'owner', name: 'Owner' }], ...teams('channel') })
      .assertReply((reply) => {
        expect(reply.text).toMatch(/^Hi everyone/);
        expect(reply.text).toContain('@CloudBot');
      })
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'new-student', name: 'New' }, { id: 'another', name: 'Another' }], ...teams('channel') })
      .assertNoReply('no reply', 300)
      .startTest();
  });
});

describe('CloudBot in Web Chat', () => {
  it('welcomes on the page\'s webchat/join event, with topic buttons, and not on conversationUpdate', async () => {
    await adapter()
      .send({ type: ActivityTypes.ConversationUpdate, channelId: 'directline', membersAdded: [{ id: 'dl_student', name: 'Student' }], recipient: bot })
      .assertNoReply('no reply', 300)
      .send({ type: ActivityTypes.Event, name: WEB_CHAT_JOIN, channelId: 'directline', recipient: bot })
      .assertReply((reply) => {
        expect(reply.text).toContain("I'm **CloudBot**");
        expect(reply.suggestedActions?.actions.length).toBeGreaterThanOrEqual(3);
      })
      .startTest();
  });
});

describe('rich replies', () => {
  it('shows a comparison as an Adaptive Card table that Teams and Web Chat render', async () => {
    await adapter()
      .send('compare iaas paas and saas')
      .assertReply((reply) => {
        const card = reply.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
          | { version: string; body: { type: string; rows: { cells: { items: { text: string }[] }[] }[] }[] }
          | undefined;
        expect(card?.version).toBe('1.5');
        const table = card?.body[0];
        expect(table?.type).toBe('Table');
        const text = (table?.rows ?? []).map((row) => row.cells.map((cell) => cell.items[0]?.text).join(' | '));
        expect(text[0]).toMatch(/^Model \| You manage/);
        expect(text).toEqual(expect.arrayContaining([expect.stringMatching(/^PaaS \| Your code .*Departmental Jupyter$/)]));
      })
      .send('public vs private vs hybrid cloud')
      .assertReply((reply) => {
        const json = JSON.stringify(reply.attachments);
        expect(json).toContain('Slough');
        expect(json).toContain('ICT');
      })
      .startTest();
  });

  it('offers 👍/👎 on every answer, carrying the entry and the question, but not on a fallback', async () => {
    await adapter()
      .send('what is elasticity?')
      .assertReply((reply) => {
        const card = reply.attachments?.at(-1)?.content as { buttons: { type: string; value: unknown }[] } | undefined;
        expect(card?.buttons.map((button) => button.value)).toEqual([
          expect.objectContaining({ vote: 'up', entryId: 'benefits.elasticity', question: 'what is elasticity' }),
          expect.objectContaining({ vote: 'down', entryId: 'benefits.elasticity' }),
        ]);
        expect(card?.buttons[0]?.type).toBe('messageBack');
      })
      .send('how do clouds form')
      .assertReply((reply) => { expect(reply.attachments ?? []).toEqual([]); })
      .startTest();
  });

  it('names the 👍/👎 card, so that the chat page can draw it as thumbs, and takes a thumb pressed in Web Chat as the vote', async () => {
    let down: unknown;
    const thumb = (action: Entity) => ({ type: ActivityTypes.Event, name: WEB_CHAT_FEEDBACK, channelId: 'directline', entities: [action] });
    await adapter()
      .send('what is elasticity?')
      .assertReply((reply) => {
        const card = reply.attachments?.at(-1);
        expect(card?.name).toBe(FEEDBACK_CARD);
        down = (card?.content as { buttons: { value: unknown }[] }).buttons[1]?.value;
      })
      .startTest();
    expect(down).toMatchObject({ vote: 'down', entryId: 'benefits.elasticity' });
    await adapter()
      .send(thumb({ type: 'https://schema.org/DislikeAction', '@type': 'DislikeAction', value: down }))
      .assertReply((reply) => { expect(reply.text).toMatch(/^Thanks for telling me/); })
      // A like that carries a down vote is not a vote.
      .send(thumb({ type: 'https://schema.org/LikeAction', '@type': 'LikeAction', value: down }))
      .assertNoReply('no reply', 300)
      .startTest();
  });
});
