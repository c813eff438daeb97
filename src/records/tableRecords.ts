import { randomUUID } from 'node:crypto';
import { odata, TableClient } from '@azure/data-tables';
import type { Logger } from '../logger';
import { withTimeout } from '../timeout';
import { type CloudBotRecord, FeedbackRecordSchema, QuestionRecordSchema, type RecordSink, type RecordSource } from './records';

export interface TableRecordsOptions {
  connectionString: string;
  table: string;
  /** Each write is abandoned after this long, so that recording never delays a reply. */
  timeoutMs: number;
}

/** Reverse time order in row keys, so a table scan returns the newest records first. */
const MAX_TIME = 8_640_000_000_000_000;

/** Records in Azure Table Storage, one partition per kind: `feedback` and `question`. */
export class TableRecords implements RecordSink, RecordSource {
  private readonly client: TableClient;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly options: TableRecordsOptions,
    private readonly logger: Logger,
  ) {
    // Azurite serves plain HTTP on loopback; Azure always uses HTTPS.
    this.client = TableClient.fromConnectionString(options.connectionString, options.table, {
      allowInsecureConnection: /^DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\/|UseDevelopmentStorage=true/i.test(options.connectionString),
    });
  }

  async add(record: CloudBotRecord): Promise<void> {
    const rowKey = `${String(MAX_TIME - Date.parse(record.at)).padStart(16, '0')}-${randomUUID()}`;
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

  async list(): Promise<CloudBotRecord[]> {
    const records: CloudBotRecord[] = [];
    try {
      for await (const entity of this.client.listEntities({ queryOptions: { filter: odata`PartitionKey ne ''` } })) {
        const parsed = parseEntity(entity);
        if (parsed) records.push(parsed);
      }
    } catch (error) {
      // A table that was never written has nothing to review.
      if ((error as { statusCode?: number }).statusCode === 404) return [];
      throw error;
    }
    return records;
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.client.createTable().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

/** Table entities hold scalars only; the candidate list is stored as JSON. */
function flatten(record: CloudBotRecord): Record<string, string | number> {
  return record.kind === 'question' ? { ...record, candidates: JSON.stringify(record.candidates) } : { ...record };
}

function parseEntity(entity: Record<string, unknown>): CloudBotRecord | undefined {
  if (entity.kind === 'feedback') return FeedbackRecordSchema.safeParse(entity).data;
  if (entity.kind !== 'question' || typeof entity.candidates !== 'string') return undefined;
  let candidates: unknown;
  try {
    candidates = JSON.parse(entity.candidates);
  } catch {
    return undefined;
  }
  return QuestionRecordSchema.safeParse({ ...entity, candidates }).data;
}
