/** How state storage fails, as the bot sees it. */

/** Thrown instead of a storage fault or a timeout, so that the bot can tell "no state" from a bug. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** A lost optimistic-concurrency race, as botbuilder's MemoryStorage and BlobsStorage report one. */
export function eTagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/** botbuilder's MemoryStorage and BlobsStorage both report a lost optimistic-concurrency race this way. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}
