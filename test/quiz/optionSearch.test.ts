import { normalise } from '../../src/matching/normalise';
import { fuseOptionSearch } from '../../src/quiz/optionSearch';

describe('finding the option a typed answer names', () => {
  const search = fuseOptionSearch(['Public cloud', 'Private cloud', 'Hybrid cloud', 'Community cloud']);

  it('finds an option by its words, typos allowed', () => {
    expect(search(normalise('hybrid cloud'))).toBe(2);
    expect(search(normalise('Hybrid'))).toBe(2);
    expect(search(normalise('privat clod'))).toBe(1);
  });

  it('finds none when the reply names no option, or is as close to two of them', () => {
    expect(search(normalise('serverless functions'))).toBeUndefined();
    expect(search(normalise('cloud'))).toBeUndefined();
  });
});
