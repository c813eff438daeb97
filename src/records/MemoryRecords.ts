import { type AnyRecord, type RecentRecords, RECORD_KINDS, type RecordKind, type RecordStore } from './records';

/** Enough for a few days of a local run's dashboard, small enough never to matter to memory. */
export const DEFAULT_MEMORY_RECORDS = 10_000;

/**
 * Records in this process, for local runs without a storage account, so that the local staff
 * dashboard shows what was asked since `npm start`. Bounded: past `limit`, the oldest go.
 */
export class MemoryRecords implements RecordStore {
  private readonly records: AnyRecord[] = [];

  constructor(private readonly limit = DEFAULT_MEMORY_RECORDS) {}

  add(record: AnyRecord): Promise<void> {
    this.records.push(record);
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
    return Promise.resolve();
  }

  since(from: Date, limit: number): Promise<RecentRecords> {
    const start = from.getTime();
    const newestFirst = this.records.filter((record) => Date.parse(record.at) >= start).reverse();
    const records: AnyRecord[] = [];
    const truncated: RecordKind[] = [];
    for (const kind of RECORD_KINDS) {
      const ofKind = newestFirst.filter((record) => record.kind === kind);
      if (ofKind.length > limit) truncated.push(kind);
      records.push(...ofKind.slice(0, limit));
    }
    return Promise.resolve({ records, truncated });
  }
}
