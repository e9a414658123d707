import { describe, expect, it } from 'vitest';
import { cliModelHint } from './cli-model-hint.js';

const base = { kind: 'http' as const, hint: 'the library’s hint' };

describe('cliModelHint', () => {
  it('points an unscripted query of the simulator at --scripts and --base-url', () => {
    const hint = cliModelHint({ error: { ...base, status: 400 }, simulated: true });
    expect(hint).toContain('--scripts FILE');
    expect(hint).toContain('--base-url');
    expect(hint).toContain('TOOLPLAN_API_KEY or OPENAI_API_KEY');
  });

  it('names the key variables on 401 and the flags on 404 or no connection', () => {
    expect(cliModelHint({ error: { ...base, status: 401 }, simulated: false })).toContain(
      'OPENAI_API_KEY',
    );
    expect(cliModelHint({ error: { ...base, status: 404 }, simulated: false })).toContain(
      '`--model`',
    );
    expect(
      cliModelHint({ error: { ...base, kind: 'connection', status: undefined }, simulated: false }),
    ).toContain('`--base-url`');
  });

  it('keeps the library’s hint otherwise (a real provider’s 400, a 5xx)', () => {
    expect(cliModelHint({ error: { ...base, status: 400 }, simulated: false })).toBe(
      'the library’s hint',
    );
    expect(cliModelHint({ error: { ...base, status: 503 }, simulated: true })).toBe(
      'the library’s hint',
    );
  });
});
