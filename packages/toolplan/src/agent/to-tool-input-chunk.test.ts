import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../plan/index.js';
import { toToolInputChunk } from './to-tool-input-chunk.js';

const announce = (step: unknown, planAttempt = 0) =>
  toToolInputChunk({ type: 'plan-step', step: step as PlanStep, index: 0, planAttempt }, 'run-1');

describe('toToolInputChunk', () => {
  it('shows a step as its tool, its arguments as written, and its id and plan as metadata', () => {
    expect(
      announce({ id: 'cmp', tool: 'compare', args: { results: ['$bos', '$nyc'] } }, 2),
    ).toEqual({
      type: 'tool-input-available',
      toolCallId: 'run-1:2:cmp',
      toolName: 'compare',
      input: { results: ['$bos', '$nyc'] },
      toolMetadata: { stepId: 'cmp', planAttempt: 2 },
    });
  });

  it("keeps a forEach step's list, a reference or literal, in the metadata", () => {
    expect(
      announce({ id: 'r', tool: 'get_rate', forEach: ['USD', 'JPY'], args: { to: '$item' } }),
    ).toMatchObject({
      input: { to: '$item' },
      toolMetadata: { stepId: 'r', planAttempt: 0, forEach: ['USD', 'JPY'] },
    });
    expect(
      announce({ id: 'c', tool: 'convert', forEach: '$r', args: { rate: '$item.rate' } }),
    ).toMatchObject({ toolMetadata: { forEach: '$r' } });
  });

  it('shows a step without arguments, or with arguments that are not an object, with none', () => {
    expect(announce({ id: 'n', tool: 'now' })).toMatchObject({ input: {} });
    expect(announce({ id: 'n', tool: 'now', args: ['x'] })).toMatchObject({ input: {} });
  });

  it('shows nothing of a streamed step too malformed to name: a bad call string, no id, no tool', () => {
    expect(announce("w=get_weather(city='Bos")).toBeUndefined();
    expect(announce({ tool: 'get_weather', args: {} })).toBeUndefined();
    expect(announce({ id: 'w', tool: 7, args: {} })).toBeUndefined();
    expect(announce(null)).toBeUndefined();
  });
});
