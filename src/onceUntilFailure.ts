/**
 * `work` run on the first call and its promise shared by every call while it is pending or once it
 * has succeeded; a failure is not kept, so the next call tries again. For making a storage
 * container or table on first use: an outage at start must not leave it unmade for the life of
 * the instance.
 */
export function onceUntilFailure(work: () => Promise<unknown>): () => Promise<void> {
  let pending: Promise<void> | undefined;
  return () => {
    pending ??= work().then(
      () => undefined,
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
