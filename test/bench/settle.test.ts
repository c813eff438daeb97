import { settled } from '../../scripts/bench/settle';

describe('settled (the load bench warm-up)', () => {
  it('waits for two full spans of samples', () => {
    expect(settled([300, 300, 300], 2, 0.02)).toBe(false);
    expect(settled([300, 300, 300, 300], 2, 0.02)).toBe(true);
  });

  it('is not settled while the peaks still grow', () => {
    expect(settled([200, 240, 260, 280], 2, 0.02)).toBe(false);
    expect(settled([200, 240, 260, 280, 300, 320], 2, 0.02)).toBe(false);
  });

  it('compares peaks, so a trough after a mark-compact does not count as settling or growing', () => {
    // Peaks 350 then 355: within 2 %, though the last sample is far below the one before.
    expect(settled([340, 350, 355, 310], 2, 0.02)).toBe(true);
    // Peaks 350 then 380: growing, though the last sample is lower than the first.
    expect(settled([340, 350, 380, 330], 2, 0.02)).toBe(false);
  });

  it('looks only at the last two spans', () => {
    expect(settled([100, 150, 200, 350, 352, 351, 353], 2, 0.02)).toBe(true);
  });

  it('has nothing to wait for where RSS cannot be read', () => {
    expect(settled([Number.NaN], 2, 0.02)).toBe(true);
  });
});
