import { randomUUID } from 'node:crypto';
import { odata, TableClient } from '@azure/data-tables';
import type { Logger } from '../logger';
import { onceUntilFailure } from '../onceUntilFailure';
import { withTimeout } from '../timeout';
import {
  type AnyRecord,
  AnyRecordSchema,
  type CloudBotRecord,
  type RecentRecords,
  RECORD_KINDS,
  type RecordHistory,
  type RecordKind,
  type RecordSink,
  type RecordSource,
} from './records';

export interface TableRecordsOptions {
  connectionString: string;
  table: string;
  /** Each write is abandoned after this long, so that recording never delays a reply. */
  timeoutMs: number;
}

/** Reverse time order in row keys, so a table scan returns the newest records first. */
const MAX_TIME = 8_640_000_000_000_000;

/** The time part of a row key: later times sort first. */
function timeKey(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return String(MAX_TIME - ms).padStart(16, '0');
}

/**
 * Records in Azure Table Storage, one partition per kind: `feedback` and `question` for
 * `kb:review`, `turn` and `quiz-answer` for the staff dashboard.
 */
export class TableRecords implements RecordSink, RecordSource, RecordHistory {
  private readonly client: TableClient;
  /** The table is made on first write; a failure is not kept, so the next write tries again. */
  private readonly ensureTable: () => Promise<void>;

  constructor(
    private readonly options: TableRecordsOptions,
    private readonly logger: Logger,
  ) {
    // Azurite serves plain HTTP on loopback; Azure always uses HTTPS.
    this.client = TableClient.fromConnectionString(options.connectionString, options.table, {
      allowInsecureConnection: /^DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\/|UseDevelopmentStorage=true/i.test(options.connectionString),
    });
    this.ensureTable = onceUntilFailure(() => this.client.createTable());
  }

  async add(record: AnyRecord): Promise<void> {
    const rowKey = `${timeKey(record.at)}-${randomUUID()}`;
    const entity = { partitionKey: record.kind, rowKey, ...flatten(record) };
    try {
      const write = async () => {
        await this.ensureTable();
        await this.client.createEntity(entity);
      };
      await withTimeout(write(), this.options.timeoutMs, () => new Error(`no answer within ${String(this.options.timeoutMs)} ms`));
    } catch (error) {
      this.logger.warn(`A ${record.kind} record was not stored.`, error);
    }
  }

  /** The feedback and the questions answered badly, for `kb:review`; the dashboard's own kinds are not read. */
  async list(): Promise<CloudBotRecord[]> {
    const records: CloudBotRecord[] = [];
    const filter = odata`PartitionKey eq ${'feedback'} or PartitionKey eq ${'question'}`;
    for await (const record of this.read(filter)) {
      if (record.kind === 'feedback' || record.kind === 'question') records.push(record);
    }
    return records;
  }

  /**
   * Each kind's records since `from`, newest first, at most `limit` of a kind: one range query
   * per partition on the row key, which starts with the reversed time, so older rows are never read.
   */
  async since(from: Date, limit: number): Promise<RecentRecords> {
    const perKind = await Promise.all(
      RECORD_KINDS.map(async (kind) => {
        const records: AnyRecord[] = [];
        // Row keys are the time's key then a suffix: those of `from` itself sort below the key of a millisecond before.
        const before = timeKey(new Date(from.getTime() - 1));
        for await (const record of this.read(odata`PartitionKey eq ${kind} and RowKey lt ${before}`)) {
          if (records.length === limit) return { kind, records, truncated: true };
          records.push(record);
        }
        return { kind, records, truncated: false };
      }),
    );
    return {
      records: perKind.flatMap((entry) => entry.records),
      truncated: perKind.filter((entry) => entry.truncated).map((entry): RecordKind => entry.kind),
    };
  }

  /** The records a filter selects, parsed; entities that do not parse (written by an older version) are skipped. */
  private async *read(filter: string): AsyncGenerator<AnyRecord> {
    try {
      for await (const entity of this.client.listEntities({ queryOptions: { filter } })) {
        const parsed = parseEntity(entity);
        if (parsed) yield parsed;
      }
    } catch (error) {
      // A table that was never written has nothing to read.
      if ((error as { statusCode?: number }).statusCode === 404) return;
      throw error;
    }
  }
}

/** Table entities hold scalars only, and no nulls: the candidate list is stored as JSON, a null left out. */
function flatten(record: AnyRecord): Record<string, string | number | boolean> {
  const flat = record.kind === 'question' ? { ...record, candidates: JSON.stringify(record.candidates) } : { ...record };
  return Object.fromEntries(Object.entries(flat).filter((entry): entry is [string, string | number | boolean] => entry[1] !== null));
}

function parseEntity(entity: Record<string, unknown>): AnyRecord | undefined {
  // A turn that answered no entry was stored without one.
  if (entity.kind === 'turn') return AnyRecordSchema.safeParse({ entryId: null, ...entity }).data;
  if (entity.kind !== 'question') return AnyRecordSchema.safeParse(entity).data;
  if (typeof entity.candidates !== 'string') return undefined;
  let candidates: unknown;
  try {
    candidates = JSON.parse(entity.candidates);
  } catch {
    return undefined;
  }
  return AnyRecordSchema.safeParse({ ...entity, candidates }).data;
}
