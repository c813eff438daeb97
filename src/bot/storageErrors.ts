/** How state storage fails, as the bot sees it. */

/** Thrown instead of a storage fault or a timeout, so that the bot can tell "no state" from a bug. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** botbuilder's MemoryStorage and BlobsStorage both report a lost optimistic-concurrency race this way. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}
