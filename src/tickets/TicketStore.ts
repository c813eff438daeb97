import { type StoredConversationReference, type Ticket, TicketSchema, type TicketStatus } from './ticket';

/** A ticket as read, with the version it was read at: a write with an older eTag is refused. */
export interface StoredTicket {
  ticket: Ticket;
  eTag: string;
}

/** Someone else changed the ticket since it was read: read it again and decide again. */
export class TicketConflictError extends Error {
  override readonly name = 'TicketConflictError';
  constructor(readonly id: string) {
    super(`ticket ${id} changed since it was read`);
  }
}

/** The ticket store could not be reached, or did not answer in time: the caller tells the person. */
export class TicketStoreUnavailableError extends Error {
  override readonly name = 'TicketStoreUnavailableError';
}

export interface TicketFilter {
  /** Only this student's tickets (the salted hash `Ticket.student`). */
  student?: string;
  status?: readonly TicketStatus[];
}

/**
 * Where tickets live. Blob Storage in Azure and with Azurite (`BlobTicketStore`); memory in local
 * runs without a storage account and in tests (`MemoryTicketStore`). Every write is conditional,
 * so two people taking one ticket at once cannot both succeed.
 */
export interface TicketStore {
  /** Stores a new ticket; its id must be new. */
  create(ticket: Ticket): Promise<StoredTicket>;
  get(id: string): Promise<StoredTicket | undefined>;
  /** Replaces a ticket read at `eTag`; throws `TicketConflictError` if it changed since. */
  replace(ticket: Ticket, eTag: string): Promise<StoredTicket>;
  /** Tickets matching the filter, newest first, at most `limit`. */
  list(filter?: TicketFilter, limit?: number): Promise<Ticket[]>;
  /** Local runs only: the conversation of the `/staff` page last opened, where new tickets are posted. */
  staffRoom(): Promise<StoredConversationReference | undefined>;
  setStaffRoom(reference: StoredConversationReference): Promise<void>;
}

export const DEFAULT_TICKET_LIST_LIMIT = 200;

/** Newest first, then filtered: shared by both stores so that they list alike. */
export function selectTickets(tickets: Iterable<Ticket>, filter: TicketFilter = {}, limit = DEFAULT_TICKET_LIST_LIMIT): Ticket[] {
  return [...tickets]
    .filter((ticket) => (filter.student === undefined || ticket.student === filter.student) && (filter.status === undefined || filter.status.includes(ticket.status)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** Tickets in this process, with eTags that change on every write, as Blob Storage's do. Bounded like the local state. */
export class MemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, StoredTicket>();
  private room: StoredConversationReference | undefined;
  private version = 0;

  constructor(private readonly limit = 10_000) {}

  create(ticket: Ticket): Promise<StoredTicket> {
    const parsed = TicketSchema.parse(ticket);
    if (this.tickets.has(parsed.id)) return Promise.reject(new TicketConflictError(parsed.id));
    const stored = this.store(parsed);
    while (this.tickets.size > this.limit) {
      const oldest = this.tickets.keys().next().value;
      if (oldest === undefined) break;
      this.tickets.delete(oldest);
    }
    return Promise.resolve(stored);
  }

  get(id: string): Promise<StoredTicket | undefined> {
    return Promise.resolve(this.tickets.get(id));
  }

  replace(ticket: Ticket, eTag: string): Promise<StoredTicket> {
    const current = this.tickets.get(ticket.id);
    if (current?.eTag !== eTag) return Promise.reject(new TicketConflictError(ticket.id));
    return Promise.resolve(this.store(TicketSchema.parse(ticket)));
  }

  list(filter?: TicketFilter, limit?: number): Promise<Ticket[]> {
    return Promise.resolve(selectTickets([...this.tickets.values()].map((stored) => stored.ticket), filter, limit));
  }

  staffRoom(): Promise<StoredConversationReference | undefined> {
    return Promise.resolve(this.room);
  }

  setStaffRoom(reference: StoredConversationReference): Promise<void> {
    this.room = reference;
    return Promise.resolve();
  }

  private store(ticket: Ticket): StoredTicket {
    const stored = { ticket, eTag: `"m${String(++this.version)}"` };
    this.tickets.set(ticket.id, stored);
    return stored;
  }
}
