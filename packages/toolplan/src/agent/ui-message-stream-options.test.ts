import { describe, expect, it } from 'vitest';
import { AgentOptionsError } from './agent-options-error.js';
import { resolveUIMessageStreamOptions } from './ui-message-stream-options.js';

describe('resolveUIMessageStreamOptions', () => {
  it('splits the run options off, and gives the defaults', () => {
    const signal = new AbortController().signal;
    const resolved = resolveUIMessageStreamOptions(
      { signal, runId: 'r1', shareScope: 'tenant-a' },
      'toUIMessageStream',
    );
    expect(resolved).toMatchObject({
      run: { signal, runId: 'r1', shareScope: 'tenant-a' },
      messageMetadata: true,
      messageId: undefined,
      response: {},
      problems: undefined,
    });
    expect(resolved.onError(new Error('db password is hunter2'))).toBe('An error occurred.');
    expect(resolved.stepErrorText(new Error('Step `w`: failed'), {} as never)).toBe(
      'Step `w`: failed',
    );
  });

  it('keeps every wrong option as one problem to report, with the default in its place', () => {
    const resolved = resolveUIMessageStreamOptions(
      {
        runId: '',
        shareScope: 7,
        messageMetadata: 'yes',
        messageId: '',
        onError: 'quiet',
        stepErrorText: 1,
        status: 200,
      } as never,
      'toUIMessageStream',
    );
    expect(resolved.problems?.problems).toEqual([
      '`agent.toUIMessageStream` has no option `status`; it would be ignored.',
      'Expected `runId` to be a non-empty string, got ``',
      'Expected `shareScope` to be a non-empty string, got `7`',
      'Expected `messageMetadata` to be a boolean or a function, got `yes`',
      'Expected `messageId` to be a non-empty string, got ``',
      'Expected `onError` to be a function, got `quiet`',
      'Expected `stepErrorText` to be a function, got `1`',
    ]);
    expect(resolved.messageMetadata).toBe(true);
    expect(resolved.messageId).toBeUndefined();
    // A wrong option is the developer's own value: its message is no server secret.
    expect(resolved.onError(resolved.problems)).toBe(resolved.problems?.message);
  });

  it('suggests the option a misspelt one was meant to be', () => {
    const resolved = resolveUIMessageStreamOptions(
      { onerror: () => 'x' } as never,
      'toUIMessageStream',
    );
    expect(resolved.problems?.message).toBe(
      '`agent.toUIMessageStream` has no option `onerror`; it would be ignored. Did you mean `onError`?',
    );
  });

  it("checks a response's status, status text and headers as `Response` would", () => {
    expect(
      resolveUIMessageStreamOptions(
        { status: 201, statusText: 'Created', headers: { 'x-run': '1' } },
        'toUIMessageStreamResponse',
      ),
    ).toMatchObject({
      response: { status: 201, statusText: 'Created', headers: { 'x-run': '1' } },
      problems: undefined,
    });
    const wrong = resolveUIMessageStreamOptions(
      { status: 99, statusText: 3, headers: [['no value']] } as never,
      'toUIMessageStreamResponse',
    );
    expect(wrong.response).toEqual({});
    expect(wrong.problems).toBeInstanceOf(AgentOptionsError);
    expect(wrong.problems?.problems).toHaveLength(3);
    expect(wrong.problems?.problems[0]).toBe(
      'Expected `status` to be an integer from 200 to 599, got `99`',
    );
  });

  it('takes options that are not an object as none, and says so', () => {
    const resolved = resolveUIMessageStreamOptions(null as never, 'toUIMessageStream');
    expect(resolved.problems?.message).toBe('Expected the options to be an object, got `null`');
    expect(resolved.run).toEqual({});
  });
});
