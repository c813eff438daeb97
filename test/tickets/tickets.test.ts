import { BlobTicketStore } from '../../src/tickets/BlobTicketStore';
import { TicketDesk, type TicketDraft } from '../../src/tickets/TicketDesk';
import { MemoryTicketStore, TicketConflictError, type TicketStore, TicketStoreUnavailableError } from '../../src/tickets/TicketStore';
import { answer, rate, take, type Ticket } from '../../src/tickets/ticket';
import { sharedAzurite, unreachableStorage } from '../support/azurite';

const ANA = { key: 'ana', name: 'Ana' };
const BEN = { key: 'ben', name: 'Ben' };
const NOW = new Date('2026-12-03T10:00:00.000Z');

function draft(student = 'student-hash', question = 'when is the exam'): TicketDraft {
  return {
    question,
    reason: 'fallback',
    recent: [{ student: 'hi', bot: 'Hello!' }],
    botAnswer: "I don't know that one.",
    student,
    reference: { channelId: 'directline', serviceUrl: 'https://connector.example/', conversation: { id: 'c1' }, bot: { id: 'bot' }, user: { id: 'u1' } },
  };
}

function openTicket(): Ticket {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'open',
    reason: 'fallback',
    question: 'q',
    recent: [],
    botAnswer: null,
    student: 's',
    reference: draft().reference,
    createdAt: NOW.toISOString(),
  };
}

describe('a ticket\'s transitions', () => {
  it('is taken by one person; the same person taking again changes nothing; another is told who has it', () => {
    const taken = take(openTicket(), ANA, NOW);
    expect(taken).toMatchObject({ ok: true, ticket: { status: 'taken', takenBy: ANA } });
    if (!taken.ok) return;
    expect(take(taken.ticket, ANA, NOW)).toEqual({ ok: true, ticket: taken.ticket });
    expect(take(taken.ticket, BEN, NOW)).toEqual({ ok: false, reason: 'already taken by Ana' });
  });

  it('is answered from open or by its taker, never twice, never empty', () => {
    expect(answer(openTicket(), BEN, '  Week 3.  ', NOW)).toMatchObject({ ok: true, ticket: { status: 'answered', takenBy: BEN, answer: { text: 'Week 3.', by: BEN } } });
    const answered = answer(openTicket(), ANA, 'Yes', NOW);
    if (!answered.ok) throw new Error('not answered');
    expect(answer(answered.ticket, ANA, 'Again', NOW)).toEqual({ ok: false, reason: 'already answered by Ana' });
    expect(answer(openTicket(), ANA, '   ', NOW)).toEqual({ ok: false, reason: 'the answer is empty' });
  });

  it('is rated only once answered, and only by its own student', () => {
    expect(rate(openTicket(), 's', 'up')).toEqual({ ok: false, reason: 'it has not been answered yet' });
    const answered = answer(openTicket(), ANA, 'Yes', NOW);
    if (!answered.ok) throw new Error('not answered');
    expect(rate(answered.ticket, 'someone else', 'up')).toEqual({ ok: false, reason: 'this is not your question' });
    expect(rate(answered.ticket, 's', 'down')).toMatchObject({ ok: true, ticket: { rating: 'down' } });
  });
});

let containers = 0;

const STORES: [string, () => TicketStore][] = [
  ['memory', () => new MemoryTicketStore()],
  ['Blob Storage (Azurite)', () => new BlobTicketStore({ connectionString: sharedAzurite(), container: `tickets-store-${String(process.pid)}-${String(++containers)}`, timeoutMs: 5000 })],
];

describe.each(STORES)('tickets in %s', (_name, newStore) => {
  it('refuses a write with an eTag older than the ticket\'s, and a second create of one id', async () => {
    const store = newStore();
    const created = await store.create(openTicket());
    const first = await store.replace({ ...created.ticket, status: 'taken', takenBy: ANA }, created.eTag);
    expect(first.eTag).not.toBe(created.eTag);
    await expect(store.replace({ ...created.ticket, status: 'taken', takenBy: BEN }, created.eTag)).rejects.toBeInstanceOf(TicketConflictError);
    await expect(store.create(openTicket())).rejects.toBeInstanceOf(TicketConflictError);
    expect((await store.get(created.ticket.id))?.ticket.takenBy).toEqual(ANA);
  });

  it('lists a student\'s own tickets and the waiting ones, newest first', async () => {
    let clock = Date.parse('2026-12-01T00:00:00Z');
    const desk = new TicketDesk(newStore(), () => new Date((clock += 60_000)));
    const mine1 = await desk.open(draft('me', 'first'));
    await desk.open(draft('someone-else', 'theirs'));
    const mine2 = await desk.open(draft('me', 'second'));
    await desk.answer(mine1.id, ANA, 'Answered.');

    expect((await desk.mine('me')).map((ticket) => ticket.question)).toEqual(['second', 'first']);
    expect((await desk.waiting()).map((ticket) => ticket.question)).toEqual(['second', 'theirs']);
    expect((await desk.mine('me'))[0]?.id).toBe(mine2.id);
  });

  it('lets exactly one of two people pressing "I\'ll take it" at once have the ticket', async () => {
    const desk = new TicketDesk(newStore());
    const ticket = await desk.open(draft());
    const outcomes = await Promise.all([desk.take(ticket.id, ANA), desk.take(ticket.id, BEN)]);
    const winners = outcomes.filter((outcome) => outcome.ok);
    const losers = outcomes.filter((outcome) => !outcome.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]?.ok ? winners[0].ticket.takenBy?.name : undefined;
    expect(losers[0]).toMatchObject({ reason: `already taken by ${winner ?? '?'}` });
  });

  it('keeps the staff room, where local questions are posted', async () => {
    const store = newStore();
    expect(await store.staffRoom()).toBeUndefined();
    await store.setStaffRoom(draft().reference);
    expect(await store.staffRoom()).toEqual(draft().reference);
  });
});

describe('a ticket store that cannot be reached', () => {
  it('fails with TicketStoreUnavailableError within its timeout, the cause kept', async () => {
    const store = new BlobTicketStore({ connectionString: await unreachableStorage(), container: 'tickets-down', timeoutMs: 1500 });
    const started = Date.now();
    const failure = await new TicketDesk(store).open(draft()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TicketStoreUnavailableError);
    expect((failure as Error).cause).toBeDefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
