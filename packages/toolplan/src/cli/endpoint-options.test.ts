import { describe, expect, it } from 'vitest';
import { CliUsageError } from './cli-usage-error.js';
import { endpointFromOptions } from './endpoint-options.js';

describe('endpointFromOptions', () => {
  it('means the simulated provider when no endpoint is named', () => {
    expect(endpointFromOptions({}, {})).toBeUndefined();
  });

  it('takes the URL and model from flags and the key from the environment', () => {
    expect(
      endpointFromOptions(
        { baseUrl: 'http://localhost:11434/v1/', model: 'llama3.1' },
        { OPENAI_API_KEY: 'sk-test' },
      ),
    ).toEqual({ baseURL: 'http://localhost:11434/v1', modelId: 'llama3.1', apiKey: 'sk-test' });
    expect(
      endpointFromOptions(
        { baseUrl: 'http://localhost:8000/v1', model: 'm' },
        { TOOLPLAN_API_KEY: 'first', OPENAI_API_KEY: 'second' },
      )?.apiKey,
    ).toBe('first');
  });

  it('rejects half an endpoint and a malformed URL, saying what to do', () => {
    expect(() => endpointFromOptions({ baseUrl: 'http://localhost:1/v1' }, {})).toThrow(
      '`--base-url` needs `--model`',
    );
    expect(() => endpointFromOptions({ model: 'gpt-4o' }, {})).toThrow(
      '`--model` needs `--base-url`',
    );
    expect(() => endpointFromOptions({ baseUrl: 'localhost', model: 'm' }, {})).toThrow(
      'Expected `--base-url` to be a URL',
    );
    // A usage error (exit code 2), not a TypeError, which would look like a bug.
    expect(() => endpointFromOptions({ model: 'gpt-4o' }, {})).toThrow(CliUsageError);
  });
});
