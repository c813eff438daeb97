import { type AnyRecord, type RecentRecords, RECORD_KINDS, type RecordKind, type RecordStore } from './records';

/** Enough for a few days of a local run's dashboard, small enough never to matter to memory. */
export const DEFAULT_MEMORY_RECORDS = 10_000;

/**
 * Records in this process, for local runs without a storage account, so that the local staff
 * dashboard shows what was asked since `npm start`. Bounded: past `limit`, the oldest go.
 */
export class MemoryRecords implements RecordStore {
  /**
   * A ring: past `limit`, each new record overwrites the oldest. Every turn adds one, so dropping
   * the oldest must not shift the whole array (which `splice(0, 1)` on 10,000 records would).
   */
  private readonly ring: AnyRecord[] = [];
  private next = 0;

  constructor(private readonly limit = DEFAULT_MEMORY_RECORDS) {}

  add(record: AnyRecord): Promise<void> {
    this.ring[this.next] = record;
    this.next = (this.next + 1) % this.limit;
    return Promise.resolve();
  }

  since(from: Date, limit: number): Promise<RecentRecords> {
    const start = from.getTime();
    const newestFirst = this.newestFirst().filter((record) => Date.parse(record.at) >= start);
    const records: AnyRecord[] = [];
    const truncated: RecordKind[] = [];
    for (const kind of RECORD_KINDS) {
      const ofKind = newestFirst.filter((record) => record.kind === kind);
      if (ofKind.length > limit) truncated.push(kind);
      records.push(...ofKind.slice(0, limit));
    }
    return Promise.resolve({ records, truncated });
  }

  /** The kept records, newest first. */
  private newestFirst(): AnyRecord[] {
    const full = this.ring.length === this.limit;
    const oldestFirst = full ? [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)] : this.ring;
    return [...oldestFirst].reverse();
  }
}
