import { randomUUID } from 'node:crypto';
import { answer, type Exchange, rate, type StaffMember, type StoredConversationReference, take, type Ticket, type TicketReason, type Transition } from './ticket';
import { TicketConflictError, type TicketStore } from './TicketStore';

/** What a student hands over: the question as they confirmed it, and what led to it. */
export interface TicketDraft {
  question: string;
  reason: TicketReason;
  recent: readonly Exchange[];
  botAnswer: string | null;
  student: string;
  studentName?: string;
  reference: StoredConversationReference;
}

/** The outcome of a change to a ticket: done, refused with a reason a person can read, or no such ticket. */
export type DeskOutcome = { ok: true; ticket: Ticket; changed: boolean } | { ok: false; reason: string; ticket?: Ticket };

/** Two people pressing at once settle in one retry; more means something else is wrong. */
const MAX_ATTEMPTS = 3;

/**
 * The ticket flow, channel-free: open a ticket, take it, answer it, rate the answer, and list
 * them. Every change reads the ticket, decides on what it read (`take`, `answer`, `rate`) and
 * writes with the eTag it read; if someone else wrote in between, it reads again and decides
 * again, so the second of two people taking one ticket is told who has it.
 */
export class TicketDesk {
  constructor(
    private readonly store: TicketStore,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
  ) {}

  async open(draft: TicketDraft): Promise<Ticket> {
    const ticket: Ticket = {
      id: this.newId(),
      status: 'open',
      reason: draft.reason,
      question: draft.question.trim(),
      recent: draft.recent.slice(-2),
      botAnswer: draft.botAnswer,
      student: draft.student,
      ...(draft.studentName === undefined ? {} : { studentName: draft.studentName }),
      reference: draft.reference,
      createdAt: this.now().toISOString(),
    };
    return (await this.store.create(ticket)).ticket;
  }

  take(id: string, by: StaffMember): Promise<DeskOutcome> {
    return this.change(id, (ticket) => take(ticket, by, this.now()));
  }

  answer(id: string, by: StaffMember, text: string): Promise<DeskOutcome> {
    return this.change(id, (ticket) => answer(ticket, by, text, this.now()));
  }

  rate(id: string, student: string, vote: 'up' | 'down'): Promise<DeskOutcome> {
    return this.change(id, (ticket) => rate(ticket, student, vote));
  }

  /** Marks an answer as having reached the student's conversation. A lost race here loses nothing: the answer is kept either way. */
  async delivered(id: string): Promise<void> {
    await this.change(id, (ticket) => ({ ok: true, ticket: { ...ticket, delivered: true } }));
  }

  /** A student's own tickets, newest first. */
  mine(student: string, limit = 10): Promise<Ticket[]> {
    return this.store.list({ student }, limit);
  }

  /** Tickets still waiting for an answer, newest first. */
  waiting(limit = 20): Promise<Ticket[]> {
    return this.store.list({ status: ['open', 'taken'] }, limit);
  }

  staffRoom(): Promise<StoredConversationReference | undefined> {
    return this.store.staffRoom();
  }

  setStaffRoom(reference: StoredConversationReference): Promise<void> {
    return this.store.setStaffRoom(reference);
  }

  private async change(id: string, decide: (ticket: Ticket) => Transition): Promise<DeskOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await this.store.get(id);
      if (!stored) return { ok: false, reason: 'there is no such question' };
      const decided = decide(stored.ticket);
      if (!decided.ok) return { ok: false, reason: decided.reason, ticket: stored.ticket };
      if (decided.ticket === stored.ticket) return { ok: true, ticket: stored.ticket, changed: false };
      try {
        return { ok: true, ticket: (await this.store.replace(decided.ticket, stored.eTag)).ticket, changed: true };
      } catch (error) {
        if (!(error instanceof TicketConflictError) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
    throw new TicketConflictError(id);
  }
}
