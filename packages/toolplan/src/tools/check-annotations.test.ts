import { describe, expect, it } from 'vitest';
import { checkAnnotations } from './check-annotations.js';
import { ToolDefinitionError } from './tool-definition-error.js';

describe('checkAnnotations', () => {
  it('accepts every annotation at its edge values', () => {
    expect(() =>
      checkAnnotations('t', {
        readOnly: false,
        idempotent: true,
        batch: () => [],
        ttlMs: 0,
        project: (value: unknown) => value,
        reasoningFields: [],
        timeoutMs: 0.5,
        concurrency: 1,
      }),
    ).not.toThrow();
    expect(() => checkAnnotations('t', {})).not.toThrow();
  });

  it.each([
    ['concurrency', 0, 'a positive integer', '0'],
    ['concurrency', 2.5, 'a positive integer', '2.5'],
    ['concurrency', '4', 'a positive integer', '4'],
    ['timeoutMs', 0, 'a positive number', '0'],
    ['timeoutMs', '100', 'a positive number', '100'],
    ['ttlMs', -1, 'a number ≥ 0', '-1'],
    ['batch', 'yes', 'a function', 'yes'],
    ['project', {}, 'a function', '[object Object]'],
    ['reasoningFields', ['temp', 3], 'an array of field names', 'temp,3'],
    ['reasoningFields', 'temp', 'an array of field names', 'temp'],
    ['readOnly', 'true', 'a boolean', 'true'],
    ['idempotent', 1, 'a boolean', '1'],
  ])('rejects %s = %j', (field, value, expected, shown) => {
    let thrown: unknown;
    try {
      checkAnnotations('get_weather', { [field]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ToolDefinitionError);
    const error = thrown as ToolDefinitionError;
    expect(error.message).toBe(
      `Tool \`get_weather\`: expected \`${field}\` to be ${expected}, got \`${shown}\``,
    );
    expect(error.toolName).toBe('get_weather');
    expect(error.name).toBe('ToolDefinitionError');
  });
});
