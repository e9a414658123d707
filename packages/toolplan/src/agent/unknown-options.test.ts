import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAgent } from './create-agent.js';
import { createSession } from './create-session.js';
import { runPlanned } from './run-planned.js';
import { scriptedModel } from './scripted-model.test-utils.js';
import { executePlan } from '../runtime/execute-plan.js';
import { defineTool } from '../tools/define-tool.js';
import { unknownOptionProblems } from '../plan/unknown-options.js';

// An option toolplan does not read must fail loudly: a `policy` that is never called, or a
// misspelt `timeoutMS`, would otherwise look like protection or a limit that is not there.

const tool = defineTool({
  name: 'send',
  description: 'Sends',
  inputSchema: z.object({}),
  execute: () => ({ sent: true }),
});

describe('unknown options', () => {
  it('names the option and suggests the closest known one', () => {
    expect(
      unknownOptionProblems({
        of: 'f',
        given: { timeoutMS: 1, ok: 1 },
        known: ['ok', 'timeoutMs'],
      }),
    ).toEqual(['`f` has no option `timeoutMS`; it would be ignored. Did you mean `timeoutMs`?']);
  });

  it('defineTool refuses a key it does not read', () => {
    expect(() =>
      defineTool({
        name: 'wire',
        description: 'Wires money',
        inputSchema: z.object({}),
        execute: () => null,
        policies: () => 'deny',
      } as never),
    ).toThrow("`defineTool({ name: 'wire' })` has no option `policies`; it would be ignored.");
  });

  it('executePlan rejects with the unknown option, running nothing', async () => {
    await expect(
      executePlan({ steps: [{ id: 's', tool: 'send', args: {} }] }, [tool], {
        timeoutMs: 100,
      } as never),
    ).rejects.toThrow('`executePlan` has no option `timeoutMs`; it would be ignored.');
  });

  it('runPlanned, createAgent and createSession gather it with the other problems', async () => {
    const model = scriptedModel([]);
    await expect(
      runPlanned({ model, tools: [tool], query: 'q', maxReplan: 2 } as never),
    ).rejects.toThrow(
      '`runPlanned` has no option `maxReplan`; it would be ignored. Did you mean `maxReplans`?',
    );
    expect(() => createAgent({ model, tools: [tool], approval: () => true } as never)).toThrow(
      '`createAgent` has no option `approval`',
    );
    expect(() => createSession({ model, tools: [tool], sumary: {} } as never)).toThrow(
      'Did you mean `summary`?',
    );
  });
});
