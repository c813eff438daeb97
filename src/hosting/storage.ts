import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import type { Config } from '../config';
import { canCreate, type CreatingStorage } from '../bot/CreatingStorage';
import { eTagConflict, isETagConflict, StorageUnavailableError } from '../bot/storageErrors';
import type { Logger } from '../logger';
import { withTimeout } from '../timeout';
import { BlobStateStorage } from './BlobStateStorage';

export interface GuardOptions {
  /** Every call is abandoned after this long: a turn must answer within the channel's 15 s. */
  timeoutMs: number;
  /** After a fault, calls fail at once for this long, so that an outage does not slow every turn. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * Bounds every storage call with a timeout and, after a fault, fails fast for a short cooldown,
 * then tries again: the bot recovers by itself when storage comes back. eTag conflicts are not
 * faults; they pass through for the bot to retry its write.
 */
export class GuardedStorage implements CreatingStorage {
  private openUntil = 0;
  private down = false;
  private readonly now: () => number;

  constructor(
    private readonly inner: Storage,
    private readonly logger: Logger,
    private readonly options: GuardOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', () => this.inner.delete(keys));
  }

  /** Creates where the guarded storage can; over one that cannot, writes as botbuilder does, last writer winning. */
  create(items: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<void> {
    const inner = this.inner;
    if (canCreate(inner)) return this.guard('write', () => inner.create(items));
    return this.guard('write', () => inner.write(Object.fromEntries(Object.entries(items).map(([key, item]) => [key, { ...item, eTag: '*' }]))));
  }

  private async guard<T>(operation: string, call: () => Promise<T>): Promise<T> {
    if (this.now() < this.openUntil) throw new StorageUnavailableError(`state storage is unavailable (${operation} skipped)`);
    try {
      const result = await withTimeout(
        call(),
        this.options.timeoutMs,
        () => new StorageUnavailableError(`state storage did not answer a ${operation} within ${String(this.options.timeoutMs)} ms`),
      );
      if (this.down) {
        this.down = false;
        this.logger.info('State storage is reachable again.');
      }
      return result;
    } catch (error) {
      if (isETagConflict(error)) throw error;
      this.openUntil = this.now() + this.options.cooldownMs;
      if (!this.down) {
        this.down = true;
        this.logger.error(`State storage ${operation} failed; answering without conversation memory until it recovers.`, error);
      }
      throw error instanceof StorageUnavailableError ? error : new StorageUnavailableError(`state storage ${operation} failed`, { cause: error });
    }
  }
}

/**
 * Local state, in this process only, holding at most `limit` items: botbuilder's MemoryStorage
 * keeps every conversation for the life of the process, which a long-running local server (or a
 * load test, with a new conversation per request) would grow without bound. The least recently
 * written go first.
 *
 * Writes are queued in order and a key's older queue entries are skipped when it is written again,
 * so that evicting costs the same at any size: finding the oldest key of a `Set` that keeps
 * deleting its first keys walks over their holes on every write.
 */
export class BoundedMemoryStorage extends MemoryStorage implements CreatingStorage {
  /** Each stored key and the sequence number of its last write. */
  private readonly latest = new Map<string, number>();
  /** Writes, oldest first, from `head` on; an entry whose number is not its key's latest is stale. */
  private queue: { key: string; written: number }[] = [];
  private head = 0;
  private written = 0;

  constructor(private readonly limit = 10_000) {
    super();
  }

  override async write(changes: StoreItems): Promise<void> {
    await super.write(changes);
    for (const key of Object.keys(changes)) {
      this.written++;
      this.latest.set(key, this.written);
      this.queue.push({ key, written: this.written });
    }
    while (this.latest.size > this.limit) {
      const oldest = this.queue[this.head++];
      if (oldest === undefined) break;
      if (this.latest.get(oldest.key) !== oldest.written) continue;
      this.latest.delete(oldest.key);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- MemoryStorage keeps items as an object keyed by storage key.
      delete this.memory[oldest.key];
    }
    this.compact();
  }

  override async delete(keys: string[]): Promise<void> {
    await super.delete(keys);
    for (const key of keys) this.latest.delete(key);
  }

  /** Writes the items only where none is stored. The check and the write run in one step, which nothing in this process can come between. */
  async create(items: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<void> {
    const taken = Object.keys(items).find((key) => this.memory[key] !== undefined);
    if (taken !== undefined) throw eTagConflict(taken);
    await this.write(Object.fromEntries(Object.entries(items).map(([key, item]) => [key, { ...item, eTag: '*' }])));
  }

  /** Entries the write queue holds, used ones included: at most about twice the items kept, whatever the number of writes. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * Drops the queue's used entries once they fill half of it, and its stale ones once they
   * outnumber the live ones: each costs one pass over the queue, after at least as many writes.
   */
  private compact(): void {
    const used = this.head > 1024 && this.head * 2 > this.queue.length;
    const stale = this.queue.length - this.head > 2 * this.latest.size + 1024;
    if (!used && !stale) return;
    this.queue = this.queue.slice(this.head).filter(({ key, written }) => this.latest.get(key) === written);
    this.head = 0;
  }
}

/** How long storage stays skipped after a fault. */
const COOLDOWN_MS = 5000;

/**
 * Conversation state's storage: Blob Storage when a connection string is configured (Azure, or
 * Azurite locally), otherwise botbuilder's MemoryStorage, which the log says once.
 */
export function createStorage(config: Config, logger: Logger): Storage {
  if (config.storageConnectionString === undefined) {
    logger.info('No state storage configured: conversation memory lives in this process only.');
    return new BoundedMemoryStorage();
  }
  const blobs = new BlobStateStorage(config.storageConnectionString, config.STATE_CONTAINER, {
    // The guard's timeout bounds each call; the SDK's own retries must not outlast it.
    storagePipelineOptions: { retryOptions: { maxTries: 2, tryTimeoutInMs: config.STORAGE_TIMEOUT_MS } },
  });
  return new GuardedStorage(blobs, logger, { timeoutMs: config.STORAGE_TIMEOUT_MS, cooldownMs: COOLDOWN_MS });
}
