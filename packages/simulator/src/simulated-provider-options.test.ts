import { describe, expect, it } from 'vitest';
import { gpt4oProfile } from './profiles/index.js';
import {
  resolveSimulatorOptions,
  type SimulatedProviderOptions,
} from './simulated-provider-options.js';
import { systemClock } from './simulator-clock.js';
import { ScriptBookError, SimulatorOptionsError } from './simulator-errors.js';

describe('resolveSimulatorOptions', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveSimulatorOptions();
    expect(resolved).toMatchObject({
      profile: gpt4oProfile,
      speed: 1,
      seed: 0,
      port: 0,
      host: '127.0.0.1',
      faults: [],
      promptCacheSize: 256,
      behaviour: 'honest',
      clock: systemClock,
      logger: console,
    });
    expect(resolved.scripts.scenarios).toEqual([]);
  });

  it.each([
    [{ speed: 0 }, 'Expected `speed` to be a positive number, got `0`'],
    [{ speed: -2 }, 'Expected `speed` to be a positive number, got `-2`'],
    [
      { speed: Number.POSITIVE_INFINITY },
      'Expected `speed` to be a positive number, got `Infinity`',
    ],
    [{ seed: 1.5 }, 'Expected `seed` to be an integer, got `1.5`'],
    [{ port: 70_000 }, 'Expected `port` to be an integer from 0 to 65535, got `70000`'],
    [{ host: '' }, 'Expected `host` to be a host name, got ``'],
    [{ promptCacheSize: -1 }, 'Expected `promptCacheSize` to be a non-negative integer, got `-1`'],
    [{ behaviour: 'evil' }, 'Expected `behaviour` to be `honest` or `worst-case`, got `evil`'],
    [
      { profile: 'gpt-5' },
      'Expected `profile` to be one of `gpt-4o`, `gpt-4.1-mini`, `claude-sonnet` or a profile object, got `gpt-5`',
    ],
    [
      { faults: [{ fault: { kind: 'boom' } }] },
      'Expected `faults[0].fault.kind` to be `rate-limit`, `server-error` or `cut-stream`, got `boom`',
    ],
    [
      { faults: [{ fault: { kind: 'cut-stream', afterChunks: -1 } }] },
      'Expected `faults[0].fault.afterChunks` to be a non-negative integer, got `-1`',
    ],
    [
      { faults: [{ fault: { kind: 'server-error' }, times: 0 }] },
      'Expected `faults[0].times` to be a positive integer or Infinity, got `0`',
    ],
    [
      { clock: { now: () => 0 } },
      'Expected `clock` to be an object with `now()` and `sleep(ms, signal)`, got `{}`',
    ],
  ])('refuses %j', (options, message) => {
    expect(() => resolveSimulatorOptions(options as SimulatedProviderOptions)).toThrow(message);
    try {
      resolveSimulatorOptions(options as SimulatedProviderOptions);
    } catch (error) {
      expect(error).toBeInstanceOf(SimulatorOptionsError);
      expect((error as SimulatorOptionsError).name).toBe('SimulatorOptionsError');
    }
  });

  it('checks a custom profile field by field', () => {
    expect(() =>
      resolveSimulatorOptions({ profile: { ...gpt4oProfile, decodeTokensPerSecond: 0 } }),
    ).toThrow(/`profile\.decodeTokensPerSecond`/);
    expect(() =>
      resolveSimulatorOptions({
        profile: { ...gpt4oProfile, timeToFirstTokenMs: { p50: 9, p95: 1 } },
      }),
    ).toThrow(/p95 must not be below p50/);
    expect(
      resolveSimulatorOptions({ profile: { ...gpt4oProfile, name: 'mine' } }).profile.name,
    ).toBe('mine');
  });

  it('checks the script book eagerly', () => {
    expect(() =>
      resolveSimulatorOptions({ scripts: { scenarios: [{ name: 'a', query: '' }] } }),
    ).toThrow(ScriptBookError);
  });
});
