/**
 * Settles with `work`, or rejects with `timedOut()` after `ms`, whichever comes first. The work
 * is abandoned, not cancelled: this bounds how long a caller waits (a turn must answer within
 * the channel's 15 s), and the timer never outlives the race.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { reject(timedOut()); }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
