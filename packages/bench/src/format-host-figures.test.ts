import { describe, expect, it } from 'vitest';
import { formatHostFigures } from './format-host-figures.js';

describe('formatHostFigures', () => {
  it('says what was measured, and no warning on a host that kept up', () => {
    expect(
      formatHostFigures({
        eventLoopDelayP99Ms: 21.3,
        eventLoopDelayMaxMs: 40,
        providerLatenessP99Ms: 4.2,
        providerLatenessMaxMs: 9,
        starved: false,
        cpus: 2,
        loadAverage: 1.84,
      }),
    ).toEqual({
      line: 'host: event-loop delay p99 21 ms · provider lateness p99 4.2 ms · load 1.8 on 2 CPUs',
    });
  });

  it('warns that a starved host gives unreliable figures, and what to do', () => {
    const { warning } = formatHostFigures({
      eventLoopDelayP99Ms: 140,
      eventLoopDelayMaxMs: 400,
      starved: true,
      cpus: 2,
      loadAverage: 4.1,
    });
    expect(warning).toMatch(/^warning: this host was starved/);
    expect(warning).toContain('event-loop delay p99 140 ms');
    expect(warning).toContain('unreliable');
    expect(warning).toContain('--case-concurrency');
    expect(warning).toContain('--speed');
  });
});
