import { ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import { onceUntilFailure } from '../onceUntilFailure';
import { withTimeout } from '../timeout';
import {
  DEFAULT_TICKET_LIST_LIMIT,
  selectTickets,
  type StoredTicket,
  TicketConflictError,
  type TicketFilter,
  type TicketStore,
  TicketStoreUnavailableError,
} from './TicketStore';
import { ConversationReferenceSchema, type StoredConversationReference, type Ticket, TicketSchema, TICKET_STATUSES, type TicketStatus } from './ticket';

export interface BlobTicketStoreOptions {
  connectionString: string;
  container: string;
  /** Every call is abandoned after this long: a student or a member of staff is waiting. */
  timeoutMs: number;
}

const TICKET_PREFIX = 'tickets/';
const ROOM_BLOB = 'staff/room.json';

/**
 * Tickets in Blob Storage, one JSON blob each (`tickets/<id>.json`). Blob Storage gives what a
 * ticket needs: a write conditional on the eTag it was read at (`If-Match`), a create that fails
 * if the blob exists (`If-None-Match: *`), and metadata that listing returns, so that "my
 * questions" and the open tickets are found with one listing, reading only the tickets it keeps.
 */
export class BlobTicketStore implements TicketStore {
  private readonly container: ContainerClient;
  /** The container is made on first use; a failure is not kept, so the next call tries again. */
  private readonly containerReady: () => Promise<void>;

  constructor(
    private readonly options: BlobTicketStoreOptions,
    pipeline: StoragePipelineOptions = { retryOptions: { maxTries: 2, tryTimeoutInMs: options.timeoutMs } },
  ) {
    this.container = new ContainerClient(options.connectionString, options.container, pipeline);
    this.containerReady = onceUntilFailure(() => this.container.createIfNotExists());
  }

  create(ticket: Ticket): Promise<StoredTicket> {
    const parsed = TicketSchema.parse(ticket);
    return this.bounded('create', () => this.upload(parsed, { ifNoneMatch: '*' }));
  }

  get(id: string): Promise<StoredTicket | undefined> {
    return this.bounded('read', () => this.read(id));
  }

  replace(ticket: Ticket, eTag: string): Promise<StoredTicket> {
    const parsed = TicketSchema.parse(ticket);
    return this.bounded('write', () => this.upload(parsed, { ifMatch: eTag }));
  }

  list(filter: TicketFilter = {}, limit = DEFAULT_TICKET_LIST_LIMIT): Promise<Ticket[]> {
    return this.bounded('list', async () => {
      await this.containerReady();
      const wanted: string[] = [];
      for await (const blob of this.container.listBlobsFlat({ prefix: TICKET_PREFIX, includeMetadata: true })) {
        const meta = blob.metadata ?? {};
        if (filter.student !== undefined && meta.student !== filter.student) continue;
        if (filter.status !== undefined && !filter.status.includes(statusOf(meta.status))) continue;
        wanted.push(blob.name.slice(TICKET_PREFIX.length, -'.json'.length));
      }
      const read = await Promise.all(wanted.map((id) => this.read(id)));
      return selectTickets(
        read.flatMap((stored) => (stored ? [stored.ticket] : [])),
        filter,
        limit,
      );
    });
  }

  staffRoom(): Promise<StoredConversationReference | undefined> {
    return this.bounded('read', async () => {
      const text = await this.download(ROOM_BLOB);
      return text === undefined ? undefined : ConversationReferenceSchema.safeParse(JSON.parse(text)).data;
    });
  }

  setStaffRoom(reference: StoredConversationReference): Promise<void> {
    return this.bounded('write', async () => {
      await this.containerReady();
      const body = JSON.stringify(ConversationReferenceSchema.parse(reference));
      await this.container.getBlockBlobClient(ROOM_BLOB).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' } });
    });
  }

  private async read(id: string): Promise<StoredTicket | undefined> {
    await this.containerReady();
    try {
      const response = await this.container.getBlockBlobClient(ticketBlob(id)).download();
      const text = await readText(response.readableStreamBody);
      const parsed = TicketSchema.safeParse(JSON.parse(text));
      if (!parsed.success || response.etag === undefined) return undefined;
      return { ticket: parsed.data, eTag: response.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  private async download(name: string): Promise<string | undefined> {
    await this.containerReady();
    try {
      return (await this.container.getBlockBlobClient(name).downloadToBuffer()).toString('utf8');
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  private async upload(ticket: Ticket, conditions: { ifMatch?: string; ifNoneMatch?: string }): Promise<StoredTicket> {
    await this.containerReady();
    const body = JSON.stringify(ticket);
    try {
      const response = await this.container.getBlockBlobClient(ticketBlob(ticket.id)).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
        // Listing returns these, so that a filter reads only the tickets it keeps.
        metadata: { student: ticket.student, status: ticket.status },
      });
      if (response.etag === undefined) throw new Error('Blob Storage returned no eTag');
      return { ticket, eTag: response.etag };
    } catch (error) {
      // 412: the eTag no longer matches; 409: the blob exists (a create).
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) throw new TicketConflictError(ticket.id);
      throw error;
    }
  }


  /** Every call bounded in time; a fault other than a conflict becomes `TicketStoreUnavailableError`, its cause kept. */
  private async bounded<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(call(), this.options.timeoutMs, () => new TicketStoreUnavailableError(`the ticket store did not answer a ${operation} within ${String(this.options.timeoutMs)} ms`));
    } catch (error) {
      if (error instanceof TicketConflictError || error instanceof TicketStoreUnavailableError) throw error;
      throw new TicketStoreUnavailableError(`the ticket store failed a ${operation}`, { cause: error });
    }
  }
}

function ticketBlob(id: string): string {
  return `${TICKET_PREFIX}${id}.json`;
}

function statusOf(value: string | undefined): TicketStatus {
  return TICKET_STATUSES.find((status) => status === value) ?? 'open';
}

async function readText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (stream === undefined) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
