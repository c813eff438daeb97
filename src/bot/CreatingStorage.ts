import type { Storage } from 'botbuilder';

/**
 * State storage that can also create items: it writes each only where no item is stored yet, as
 * an `If-None-Match: *` write does, and fails with an eTag conflict where one is. botbuilder's
 * `Storage` cannot say this: its eTag "*" overwrites whatever is there, so the two first turns of
 * a new conversation, read before either wrote, would both write, and the second erase the first.
 */
export interface CreatingStorage extends Storage {
  create(items: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<void>;
}

/** Whether the storage can create items; botbuilder's own storages cannot. */
export function canCreate(storage: Storage): storage is CreatingStorage {
  return 'create' in storage && typeof storage.create === 'function';
}
