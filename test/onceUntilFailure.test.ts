import { onceUntilFailure } from '../src/onceUntilFailure';

describe('onceUntilFailure', () => {
  it('runs the work once for every caller while it is pending and after it succeeded', async () => {
    let runs = 0;
    const ready = onceUntilFailure(async () => { runs++; await Promise.resolve(); });
    await Promise.all([ready(), ready()]);
    await ready();
    expect(runs).toBe(1);
  });

  it('forgets a failure, so that the next call tries again', async () => {
    let runs = 0;
    const ready = onceUntilFailure(() => (++runs === 1 ? Promise.reject(new Error('storage down')) : Promise.resolve()));
    await expect(ready()).rejects.toThrow('storage down');
    await expect(ready()).resolves.toBeUndefined();
    await ready();
    expect(runs).toBe(2);
  });
});
