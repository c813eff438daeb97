import type { Activity, Attachment, TestAdapter } from 'botbuilder';
import { type Proactive, TeachingTeam } from '../../src/bot/TeachingTeam';
import { ASK_TEAM } from '../../src/bot/ticketCards';
import type { StaffDesk } from '../../src/config';
import { idHasher } from '../../src/records/records';
import { LOCAL_STAFF_MARK } from '../../src/tickets/localStaff';
import { TicketDesk } from '../../src/tickets/TicketDesk';
import { BlobTicketStore } from '../../src/tickets/BlobTicketStore';
import { MemoryTicketStore, type TicketStore, TicketStoreUnavailableError } from '../../src/tickets/TicketStore';
import { sharedAzurite, unreachableStorage } from '../support/azurite';
import type { StoredConversationReference } from '../../src/tickets/ticket';
import { testBot } from '../support/bot';
import { clarifyingQuestion } from '../support/knowledge';
import { capturingLogger } from '../support/logger';

/** A channel that records what CloudBot sends outside a turn, and can be made to refuse. */
class FakeChannel implements Proactive {
  readonly sent: { conversation: string; activity: Partial<Activity> }[] = [];
  readonly channelPosts: { channelId: string; activity: Partial<Activity> }[] = [];
  refuse = false;

  send(reference: StoredConversationReference, activity: Partial<Activity>): Promise<void> {
    if (this.refuse) return Promise.reject(new Error('403 the conversation is gone'));
    this.sent.push({ conversation: reference.conversation.id, activity });
    return Promise.resolve();
  }

  postToChannel(target: { channelId: string }, activity: Partial<Activity>): Promise<void> {
    if (this.refuse) return Promise.reject(new Error('the channel refused the post'));
    this.channelPosts.push({ channelId: target.channelId, activity });
    return Promise.resolve();
  }
}

interface Setup {
  adapter: TestAdapter;
  channel: FakeChannel;
  store: TicketStore;
  logger: ReturnType<typeof capturingLogger>;
}

const CLARIFIED = clarifyingQuestion();

let containers = 0;

/** The stores the flow runs over: memory, as `npm start` keeps tickets, and Blob Storage on Azurite, as Azure does. */
const STORES: [string, () => TicketStore][] = [
  ['memory', () => new MemoryTicketStore()],
  ['Blob Storage (Azurite)', () => new BlobTicketStore({ connectionString: sharedAzurite(), container: `tickets-flow-${String(process.pid)}-${String(++containers)}`, timeoutMs: 5000 })],
];

let newStore: () => TicketStore = () => new MemoryTicketStore();

function setUp(staff: Exclude<StaffDesk, { mode: 'off' }> = { mode: 'local' }, store: TicketStore = newStore()): Setup {
  const channel = new FakeChannel();
  const logger = capturingLogger();
  const teachingTeam = new TeachingTeam({ desk: new TicketDesk(store), staff, proactive: channel, hash: idHasher('test-salt'), logger });
  return { adapter: testBot({ teachingTeam, logger }), channel, store, logger };
}

const STUDENT = { conversation: { id: 'student-chat', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'student-1', name: 'Student' } };
const STAFF_ANA = { conversation: { id: 'staff-desk', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'ta-ana', name: 'Ana' }, channelData: { [LOCAL_STAFF_MARK]: true } };
const STAFF_BEN = { ...STAFF_ANA, from: { id: 'ta-ben', name: 'Ben' } };

/** The activities the bot updates in place from now on (botbuilder's `updateActivity`). */
function capturedUpdates(adapter: TestAdapter): Partial<Activity>[] {
  const updates: Partial<Activity>[] = [];
  adapter.use(async (context, next) => {
    context.onUpdateActivity(async (_context, activity, update) => {
      updates.push(activity);
      await update();
    });
    await next();
  });
  return updates;
}

/** One turn: the activity in, the replies it produced out. */
async function turn(adapter: TestAdapter, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity({ type: 'message', ...activity });
  return adapter.activeQueue.splice(0);
}

function texts(replies: readonly Partial<Activity>[]): string {
  return replies.map((reply) => reply.text ?? '').join('\n');
}

/** A card's buttons (hero card) or actions (Adaptive Card), with their payloads. */
function actionsOf(attachment: Attachment | undefined): { title: string; value?: unknown; data?: unknown; type: string }[] {
  const content = attachment?.content as { buttons?: { title: string; value: unknown; type: string }[]; actions?: { title: string; data?: unknown; type: string }[] } | undefined;
  return [...(content?.buttons ?? []), ...(content?.actions ?? [])];
}

function offerOf(replies: readonly Partial<Activity>[]) {
  return replies.flatMap((reply) => reply.attachments ?? []).flatMap(actionsOf).find((action) => action.title === ASK_TEAM);
}

/** The student asks something the lecture does not cover, presses the offer and sends the question. */
async function askTeam(adapter: TestAdapter, question = 'when is the exam for this module'): Promise<Partial<Activity>[]> {
  await turn(adapter, { ...STUDENT, text: 'what is paas' });
  const fallback = await turn(adapter, { ...STUDENT, text: question });
  const offer = offerOf(fallback);
  if (!offer) throw new Error(`no offer under: ${texts(fallback)}`);
  const confirm = await turn(adapter, { ...STUDENT, text: ASK_TEAM, value: offer.value });
  const card = confirm[0]?.attachments?.[0]?.content as { body: { id?: string; value?: string }[]; actions: { title: string; data: Record<string, unknown> }[] };
  const input = card.body.find((element) => element.id === 'question');
  const send = card.actions.find((action) => action.title === 'Send to the teaching team');
  if (!input || !send) throw new Error('the confirmation card has no question box or send button');
  return turn(adapter, { ...STUDENT, value: { ...send.data, question: `${input.value ?? ''} (for the May exam)` } });
}

function ticketIdOf(activity: Partial<Activity> | undefined): string {
  const actions = actionsOf(activity?.attachments?.[0]);
  const take = actions.find((action) => action.title === "I'll take it")?.data as { ticket: { id: string } } | undefined;
  if (!take) throw new Error('not a staff card');
  return take.ticket.id;
}

describe.each(STORES)('Ask the teaching team, tickets in %s', (_name, store) => {
  beforeAll(() => {
    newStore = store;
  });

  it('offers a person under a fallback, and a confirmed question reaches the staff page with the chat before it', async () => {
    const { adapter, channel, store } = setUp();
    await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });

    const replies = await askTeam(adapter);

    expect(texts(replies)).toMatch(/Sent to the teaching team/);
    const [ticket] = await store.list();
    expect(ticket).toMatchObject({ status: 'open', reason: 'fallback', question: 'when is the exam for this module (for the May exam)' });
    // The exchange before the question is on the card; the question's own is not repeated as "before".
    expect(ticket?.recent.map((exchange) => exchange.student)).toEqual(['what is paas']);
    expect(ticket?.botAnswer).toEqual(expect.any(String));
    expect(JSON.stringify(ticket?.reference)).toContain('student-chat');
    const post = channel.sent.find((sent) => sent.conversation === 'staff-desk');
    expect(ticketIdOf(post?.activity)).toBe(ticket?.id);
    const card = JSON.stringify(post?.activity.attachments?.[0]?.content);
    expect(card).toContain('what is paas');
    expect(card).toContain('Answer');
    // Web Chat's user ids name nobody; the card shows no id of the student's.
    expect(card).not.toContain('student-1');
  });

  it('round trip: staff take, answer, the student receives it marked as the teaching team\'s, lists it and rates it', async () => {
    const { adapter, channel, store } = setUp();
    await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });
    await askTeam(adapter);
    const id = ticketIdOf(channel.sent.find((sent) => sent.conversation === 'staff-desk')?.activity);

    expect(texts(await turn(adapter, { ...STAFF_ANA, value: { ticket: { id, action: 'take' } } }))).toMatch(/Ana is taking this one/);
    expect(channel.sent.filter((sent) => sent.conversation === 'student-chat').map((sent) => sent.activity.text)).toEqual([
      'Ana from the teaching team is looking at your question “when is the exam for this module (for the May exam)”. The answer will come here.',
    ]);
    // Taking it again changes nothing, and tells the student nothing more.
    await turn(adapter, { ...STAFF_ANA, value: { ticket: { id, action: 'take' } } });
    expect(channel.sent.filter((sent) => sent.conversation === 'student-chat')).toHaveLength(1);
    expect(texts(await turn(adapter, { ...STUDENT, text: 'my questions' }))).toMatch(/\*\*taken\*\*.*Taken by Ana/);

    const sentBack = await turn(adapter, { ...STAFF_ANA, value: { ticket: { id, action: 'answer' }, answer: 'The exam is on 12 May; check the module page.' } });
    expect(texts(sentBack)).toMatch(/Sent to the student/);
    const delivered = channel.sent.filter((sent) => sent.conversation === 'student-chat').at(-1);
    expect(delivered?.activity.text).toMatch(/^\*\*From the teaching team\*\* \(Ana\)/);
    expect(delivered?.activity.text).toContain('12 May');
    expect((await store.get(id))?.ticket).toMatchObject({ status: 'answered', delivered: true });

    const listed = texts(await turn(adapter, { ...STUDENT, text: 'my questions' }));
    expect(listed).toMatch(/\*\*answered\*\*/);
    expect(listed).toContain('12 May');

    const up = actionsOf(delivered?.activity.attachments?.[0]).find((action) => action.title.includes('Helpful'));
    expect(texts(await turn(adapter, { ...STUDENT, value: up?.value }))).toMatch(/Thanks/);
    expect((await store.get(id))?.ticket.rating).toBe('up');
  });

  it('lets one person take a ticket: the second is told who has it and cannot answer it', async () => {
    const { adapter, channel, store } = setUp();
    await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });
    await askTeam(adapter);
    const id = ticketIdOf(channel.sent.at(-1)?.activity);

    await turn(adapter, { ...STAFF_ANA, value: { ticket: { id, action: 'take' } } });
    expect(texts(await turn(adapter, { ...STAFF_BEN, value: { ticket: { id, action: 'take' } } }))).toMatch(/Not taken: already taken by Ana/);
    expect(texts(await turn(adapter, { ...STAFF_BEN, value: { ticket: { id, action: 'answer' }, answer: 'mine' } }))).toMatch(/Not sent: already taken by Ana/);
    expect((await store.get(id))?.ticket.answer).toBeUndefined();
  });

  it('refuses ticket actions from a student\'s chat, whatever its buttons send', async () => {
    const { adapter, channel, store, logger } = setUp();
    await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });
    await askTeam(adapter);
    const id = ticketIdOf(channel.sent.at(-1)?.activity);

    const forged = await turn(adapter, { ...STUDENT, value: { ticket: { id, action: 'answer' }, answer: 'answered myself' } });
    expect(texts(forged)).toMatch(/Only the teaching team/);
    expect((await store.get(id))?.ticket.status).toBe('open');
    expect(logger.lines.some((line) => line.level === 'warn' && line.text.includes('outside the teaching team'))).toBe(true);
  });

  it('keeps the answer when the student\'s chat cannot be reached, and shows it in "my questions"', async () => {
    const { adapter, channel, store, logger } = setUp();
    await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });
    await askTeam(adapter);
    const id = ticketIdOf(channel.sent.at(-1)?.activity);

    channel.refuse = true;
    const staffReply = texts(await turn(adapter, { ...STAFF_ANA, value: { ticket: { id, action: 'answer' }, answer: 'Yes, see week 3.' } }));
    expect(staffReply).toMatch(/could not be reached.*my questions/);
    expect((await store.get(id))?.ticket).toMatchObject({ status: 'answered', delivered: false });
    expect(logger.lines.some((line) => line.level === 'warn' && line.text.includes('could not be delivered'))).toBe(true);

    expect(texts(await turn(adapter, { ...STUDENT, text: 'my questions' }))).toContain('Yes, see week 3.');
  });

  it('tells the student nothing was sent when the ticket store is down, and offers to try again', async () => {
    const down: TicketStore = Object.assign(new MemoryTicketStore(), {
      create: () => Promise.reject(new TicketStoreUnavailableError('the ticket store did not answer a create within 2000 ms')),
    });
    const { adapter, channel, logger } = setUp({ mode: 'local' }, down);
    await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });

    const replies = await askTeam(adapter);

    expect(texts(replies)).toMatch(/\*\*Nothing was sent\.\*\*/);
    expect(offerOf(replies)).toBeDefined();
    expect(channel.sent.filter((sent) => sent.conversation === 'staff-desk')).toHaveLength(0);
    expect(logger.lines.some((line) => line.level === 'error' && line.text.includes('could not be stored'))).toBe(true);
  });

  it('tells the student nothing was sent when Blob Storage cannot be reached at all', async () => {
    const unreachable = new BlobTicketStore({ connectionString: await unreachableStorage(), container: 'tickets-down', timeoutMs: 1500 });
    const { adapter, logger } = setUp({ mode: 'local' }, unreachable);
    const replies = await askTeam(adapter);
    expect(texts(replies)).toMatch(/not answering right now\. \*\*Nothing was sent\.\*\*/);
    expect(offerOf(replies)?.value).toMatchObject({ handoff: { step: 'offer', question: 'when is the exam for this module (for the May exam)' } });
    expect(logger.lines.filter((line) => line.level === 'error').map((line) => line.text)).toEqual([expect.stringContaining('could not be stored') as unknown]);
    // "my questions" says it cannot reach them, rather than "you have asked nothing".
    expect(texts(await turn(adapter, { ...STUDENT, text: 'my questions' }))).toMatch(/cannot reach your questions/);
  });

  it('saves the question and says so when no staff page is open to receive it', async () => {
    const { adapter, store } = setUp();
    const replies = await askTeam(adapter);
    expect(texts(replies)).toMatch(/saved for the teaching team, but I could not notify them/);
    expect(await store.list({ status: ['open'] })).toHaveLength(1);
    // The staff page opened later lists it.
    const joined = await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });
    expect(texts(joined)).toMatch(/1 question is waiting/);
    expect(joined.some((reply) => actionsOf(reply.attachments?.[0]).some((action) => action.title === "I'll take it"))).toBe(true);
  });

  it('offers a person after a 👎, under a "Did you mean" and where the lecture says no more, but not under an answer, a prompt or "More about what?"', async () => {
    const { adapter } = setUp();
    const fresh = { ...STUDENT, conversation: { ...STUDENT.conversation, id: 'another-chat' } };
    expect(offerOf(await turn(adapter, { ...fresh, text: 'tell me more' }))).toBeUndefined();
    expect(offerOf(await turn(adapter, { ...STUDENT, text: 'what is paas' }))).toBeUndefined();
    expect(offerOf(await turn(adapter, { ...STUDENT, text: 'ok' }))).toBeUndefined();
    // The lecture has nothing more on PaaS; a person may.
    expect(offerOf(await turn(adapter, { ...STUDENT, text: 'tell me more' }))).toBeDefined();
    expect(offerOf(await turn(adapter, { ...STUDENT, text: CLARIFIED }))?.value).toMatchObject({ handoff: { reason: 'clarify', question: CLARIFIED } });
    const down = await turn(adapter, { ...STUDENT, value: { vote: 'down', entryId: 'service-models.paas', question: 'what is paas', confidence: 0.9 } });
    expect(offerOf(down)?.value).toMatchObject({ handoff: { reason: 'thumbs-down', question: 'what is paas' } });
  });

  it('in Teams, takes staff actions only from the configured channel and the listed staff', async () => {
    const staffIds = ['00000000-0000-4000-8000-000000000001'];
    const { adapter, channel, store } = setUp({ mode: 'teams', channelId: '19:staff@thread.tacv2', serviceUrl: 'https://smba.example/teams/', tenantId: 'tenant', staffIds });
    await askTeam(adapter);
    expect(channel.channelPosts.map((post) => post.channelId)).toEqual(['19:staff@thread.tacv2']);
    const id = ticketIdOf(channel.channelPosts[0]?.activity);
    const inChannel = (objectId: string, channelId: string) => ({
      channelId: 'msteams',
      conversation: { id: `${channelId};messageid=1`, isGroup: true, conversationType: 'channel', name: '' },
      from: { id: `29:${objectId}`, name: 'Ana', aadObjectId: objectId },
      channelData: { channel: { id: channelId } },
      value: { ticket: { id, action: 'take' } },
    });
    expect(texts(await turn(adapter, inChannel('00000000-0000-4000-8000-000000000002', '19:staff@thread.tacv2')))).toMatch(/Only the teaching team/);
    expect(texts(await turn(adapter, inChannel(staffIds[0] ?? '', '19:other@thread.tacv2')))).toMatch(/Only the teaching team/);
    expect(texts(await turn(adapter, inChannel(staffIds[0] ?? '', '19:staff@thread.tacv2')))).toMatch(/Ana is taking this one/);
    expect((await store.get(id))?.ticket.status).toBe('taken');
  });

  it('in Teams, redraws the card that was pressed with who has it, then with the answer and no buttons', async () => {
    const staffIds = ['00000000-0000-4000-8000-000000000001'];
    const { adapter, channel } = setUp({ mode: 'teams', channelId: '19:staff@thread.tacv2', serviceUrl: 'https://smba.example/teams/', tenantId: 'tenant', staffIds });
    const updates = capturedUpdates(adapter);
    await askTeam(adapter);
    const id = ticketIdOf(channel.channelPosts[0]?.activity);
    const press = (value: unknown) => ({
      channelId: 'msteams',
      replyToId: 'card-1',
      conversation: { id: '19:staff@thread.tacv2;messageid=card-1', isGroup: true, conversationType: 'channel', name: '' },
      from: { id: '29:ana', name: 'Ana', aadObjectId: staffIds[0] ?? '' },
      channelData: { channel: { id: '19:staff@thread.tacv2' } },
      value,
    });
    await turn(adapter, press({ ticket: { id, action: 'take' } }));
    await turn(adapter, press({ ticket: { id, action: 'answer' }, answer: 'On 12 May.' }));
    expect(updates.map((update) => update.id)).toEqual(['card-1', 'card-1']);
    expect(JSON.stringify(updates[0]?.attachments?.[0]?.content)).toContain('Taken by Ana');
    const answered = updates[1]?.attachments?.[0]?.content as { body: { text?: string }[]; actions: unknown[] };
    expect(answered.body.map((element) => element.text)).toEqual(expect.arrayContaining(['Answered by Ana', 'On 12 May.']));
    expect(answered.actions).toEqual([]);
  });

  it('on the local staff page, which cannot update a card, says who has it in a reply instead', async () => {
    const { adapter, channel } = setUp();
    const updates = capturedUpdates(adapter);
    await turn(adapter, { ...STAFF_ANA, type: 'event', name: 'webchat/join' });
    await askTeam(adapter);
    const id = ticketIdOf(channel.sent.find((sent) => sent.conversation === 'staff-desk')?.activity);
    expect(texts(await turn(adapter, { ...STAFF_ANA, replyToId: 'card-1', value: { ticket: { id, action: 'take' } } }))).toMatch(/Ana is taking this one/);
    expect(updates).toEqual([]);
  });

  it('makes no offer when asking the teaching team is off', async () => {
    const adapter = testBot();
    expect(offerOf(await turn(adapter, { ...STUDENT, text: 'when is the exam for this module' }))).toBeUndefined();
  });
});
