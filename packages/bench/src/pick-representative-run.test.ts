import { describe, expect, it } from 'vitest';
import { pickRepresentativeRun } from './pick-representative-run.js';

describe('pickRepresentativeRun', () => {
  it('picks the run nearest the median latency', () => {
    const runs = [900, 100, 520, 480, 2000].map((latencyMs, id) => ({ id, latencyMs }));
    expect(pickRepresentativeRun(runs)?.id).toBe(2);
  });

  it('takes the mean of the middle two for an even count, and the earliest run on a tie', () => {
    const runs = [100, 300, 500, 700].map((latencyMs, id) => ({ id, latencyMs }));
    // Median 400: 300 and 500 are as near; the earlier run is kept.
    expect(pickRepresentativeRun(runs)?.id).toBe(1);
  });

  it('has nothing to pick from no runs', () => {
    expect(pickRepresentativeRun([])).toBeUndefined();
  });
});
