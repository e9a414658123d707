import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineTool,
  type PolicyRequest,
  type ToolPolicy,
  type ValueSource,
} from '../tools/index.js';
import { executePlan } from './execute-plan.js';
import { PolicyDeniedError } from './policy-denied-error.js';
import type { RunResult } from './run-result.js';
import { RunAbortedError } from './step-errors.js';

// Policies before side effects, and the provenance they see (issue 17).

let calls: Array<{ tool: string; input: unknown }> = [];
let pending = 0;

afterEach(() => {
  // No work leaked: every policy or approval a test started has answered.
  expect(pending).toBe(0);
  calls = [];
});

function tools(options: { sendPolicy?: ToolPolicy; lookupPolicy?: ToolPolicy } = {}) {
  return [
    defineTool({
      name: 'search',
      description: 'Web search: pages third parties wrote.',
      inputSchema: z.object({ q: z.string() }),
      readOnly: true,
      execute: ({ q }) => {
        calls.push({ tool: 'search', input: { q } });
        return { hits: [{ url: `https://${q}.test`, email: 'pages@web.test' }] };
      },
    }),
    defineTool({
      name: 'contacts',
      description: "The user's own address book.",
      inputSchema: z.object({ name: z.string() }),
      readOnly: true,
      trusted: true,
      ...(options.lookupPolicy === undefined ? {} : { policy: options.lookupPolicy }),
      execute: ({ name }) => {
        calls.push({ tool: 'contacts', input: { name } });
        return { email: `${name.toLowerCase()}@example.test` };
      },
    }),
    defineTool({
      name: 'send',
      description: 'Sends a message.',
      inputSchema: z.object({ to: z.string(), text: z.string() }),
      ...(options.sendPolicy === undefined ? {} : { policy: options.sendPolicy }),
      execute: (input) => {
        calls.push({ tool: 'send', input });
        return { sent: true };
      },
    }),
  ];
}

function stepOf(result: RunResult, id: string) {
  const step = result.steps.find((each) => each.id === id);
  if (step === undefined) throw new Error(`no step ${id}`);
  return step;
}

const sendCalls = () => calls.filter((call) => call.tool === 'send');

describe('the default policy', () => {
  it('lets a side effect go whose arguments are the query’s, a trusted tool’s or the plan’s', async () => {
    const result = await executePlan(
      {
        steps: [
          { id: 'c', tool: 'contacts', args: { name: 'Bob' } },
          { id: 's', tool: 'send', args: { to: '$c.email', text: 'Lunch at noon?' } },
        ],
      },
      tools(),
      { query: 'Ask Bob about lunch' },
    );
    expect(result.status).toBe('ok');
    expect(sendCalls()).toEqual([
      { tool: 'send', input: { to: 'bob@example.test', text: 'Lunch at noon?' } },
    ]);
  });

  it('denies a side effect fed by an untrusted tool, skips its dependents, runs the rest', async () => {
    const result = await executePlan(
      {
        steps: [
          { id: 'w', tool: 'search', args: { q: 'pizza' } },
          { id: 's', tool: 'send', args: { to: '$w.hits[0].email', text: 'hi' } },
          { id: 'after', tool: 'send', args: { to: 'me@example.test', text: '${s.sent}' } },
          { id: 'c', tool: 'contacts', args: { name: 'Ann' } },
        ],
      },
      tools(),
    );
    expect(sendCalls()).toEqual([]);
    const denied = stepOf(result, 's').error;
    expect(PolicyDeniedError.isInstance(denied)).toBe(true);
    expect(denied).toMatchObject({
      name: 'PolicyDeniedError',
      stepId: 's',
      toolName: 'send',
      deniedBy: 'run-policy',
      decision: 'deny',
      reason: 'an argument carries untrusted data',
    });
    // A replan's prompt shows the message: it names the step, never the data.
    expect(denied?.message).toBe(
      'Step `s`: the call of `send` was denied by policy; it did not run.',
    );
    expect(stepOf(result, 'after').status).toBe('skipped');
    expect(stepOf(result, 'c').status).toBe('ok');
  });

  it('denies every side effect of a plan written after untrusted output, even with literals', async () => {
    const result = await executePlan(
      { steps: [{ id: 's', tool: 'send', args: { to: 'eve@evil.test', text: 'secrets' } }] },
      tools(),
      { plannedAfterUntrusted: true },
    );
    expect(sendCalls()).toEqual([]);
    expect(stepOf(result, 's').error).toMatchObject({
      reason: 'planned after reading untrusted tool output',
    });
  });

  it('honours a step’s own mark only when the run does not say', async () => {
    const plan = {
      steps: [
        {
          id: 's',
          tool: 'send',
          args: { to: 'a@example.test', text: 'x' },
          plannedAfterUntrusted: true,
        },
      ],
    };
    const marked = await executePlan(plan, tools());
    expect(stepOf(marked, 's').status).toBe('error');
    const decided = await executePlan(plan, tools(), { plannedAfterUntrusted: false });
    expect(stepOf(decided, 's').status).toBe('ok');
  });

  it('is replaced by the run’s `policy`', async () => {
    const result = await executePlan(
      {
        steps: [
          { id: 'w', tool: 'search', args: { q: 'pizza' } },
          { id: 's', tool: 'send', args: { to: '$w.hits[0].email', text: 'hi' } },
        ],
      },
      tools(),
      { policy: () => 'allow' },
    );
    expect(result.status).toBe('ok');
    expect(sendCalls()).toHaveLength(1);
  });
});

describe('what a policy sees', () => {
  it('each argument’s sources: query, plan literal, tool result with its path, interpolation', async () => {
    const seen: PolicyRequest[] = [];
    const policy: ToolPolicy = (request) => {
      seen.push(request);
      return 'allow';
    };
    await executePlan(
      {
        steps: [
          { id: 'w', tool: 'search', args: { q: 'pizza' } },
          { id: 'c', tool: 'contacts', args: { name: 'Bob' } },
          {
            id: 's',
            tool: 'send',
            args: { to: '$c.email', text: 'Try ${w.hits[0].url}, Bob' },
          },
        ],
      },
      tools({ sendPolicy: policy }),
      { query: 'Send Bob a pizza place', runId: 'r1' },
    );
    expect(seen).toHaveLength(1);
    const [request] = seen as [PolicyRequest];
    expect(request).toMatchObject({
      tool: 'send',
      stepId: 's',
      runId: 'r1',
      index: undefined,
      input: { to: 'bob@example.test', text: 'Try https://pizza.test, Bob' },
      plannedAfterUntrusted: false,
      untrusted: true,
      readOnly: false,
    });
    expect(request.sources['to']).toEqual([
      { kind: 'tool', tool: 'contacts', stepId: 'c', runId: 'r1', path: '.email', trusted: true },
    ]);
    expect(request.sources['text']).toEqual([
      { kind: 'plan', trusted: true },
      {
        kind: 'tool',
        tool: 'search',
        stepId: 'w',
        runId: 'r1',
        path: '.hits[0].url',
        trusted: false,
      },
    ]);
  });

  it('a forEach item’s sources, at `[]`, and one decision per item', async () => {
    const seen: PolicyRequest[] = [];
    const sendPolicy: ToolPolicy = (request) => {
      seen.push(request);
      return 'allow';
    };
    await executePlan(
      {
        steps: [
          { id: 'w', tool: 'search', args: { q: 'pizza' } },
          { id: 'c', tool: 'contacts', args: { name: 'Ann' } },
          // Items of another step's array: read at `[]`.
          { id: 's', tool: 'send', forEach: '$w.hits', args: { to: '$item.email', text: 'hi' } },
          // A literal array's items have its elements' sources.
          {
            id: 't',
            tool: 'send',
            forEach: ['$c.email', 'bob@example.test'],
            args: { to: '$item', text: 'hello' },
          },
        ],
      },
      tools({ sendPolicy }),
      { query: 'Say hello to Ann and bob@example.test', runId: 'r2' },
    );
    const fromSearch = seen.filter((request) => request.stepId === 's');
    expect(fromSearch.map((request) => request.index)).toEqual([0]);
    expect(fromSearch[0]?.sources['to']).toContainEqual({
      kind: 'tool',
      tool: 'search',
      stepId: 'w',
      runId: 'r2',
      path: '.hits[].email',
      trusted: false,
    });
    const literal = seen.filter((request) => request.stepId === 't');
    expect(literal.map((request) => request.index)).toEqual([0, 1]);
    expect(literal[0]?.sources['to']).toEqual([
      { kind: 'tool', tool: 'contacts', stepId: 'c', runId: 'r2', path: '.email', trusted: true },
      { kind: 'query', trusted: true },
    ]);
  });

  it('earlier results without sources are untrusted; given sources are kept', async () => {
    const seen: Record<string, readonly ValueSource[]>[] = [];
    const sendPolicy: ToolPolicy = (request) => {
      seen.push(request.sources);
      return 'allow';
    };
    await executePlan(
      { steps: [{ id: 's', tool: 'send', args: { to: '$old.email', text: '$mine.text' } }] },
      tools({ sendPolicy }),
      {
        results: { old: { email: 'x@example.test' }, mine: { text: 'hi' } },
        resultSources: { mine: [{ kind: 'query', trusted: true }] },
      },
    );
    expect(seen[0]).toEqual({
      to: [{ kind: 'earlier', stepId: 'old', path: '.email', trusted: false }],
      text: [{ kind: 'query', trusted: true }],
    });
  });

  it('a step’s result carries its own source, tainted by any untrusted input, and its arguments’', async () => {
    const result = await executePlan(
      {
        steps: [
          { id: 'w', tool: 'search', args: { q: 'pizza' } },
          // A trusted tool fed untrusted data: its result is untrusted too (it may echo it) …
          { id: 'c', tool: 'contacts', args: { name: '$w.hits[0].email' } },
          // … and so is everything made from that, however far down.
          { id: 'd', tool: 'contacts', args: { name: '$c.email' } },
          { id: 'e', tool: 'contacts', args: { name: 'Ann' } },
        ],
      },
      tools(),
      { runId: 'r3' },
    );
    expect(stepOf(result, 'c').sources).toEqual([
      { kind: 'tool', tool: 'contacts', stepId: 'c', runId: 'r3', path: '', trusted: false },
      {
        kind: 'tool',
        tool: 'search',
        stepId: 'w',
        runId: 'r3',
        path: '.hits[0].email',
        trusted: false,
      },
    ]);
    expect(stepOf(result, 'd').sources).toEqual([
      { kind: 'tool', tool: 'contacts', stepId: 'd', runId: 'r3', path: '', trusted: false },
      { kind: 'tool', tool: 'contacts', stepId: 'c', runId: 'r3', path: '.email', trusted: false },
    ]);
    expect(stepOf(result, 'e').sources).toEqual([
      { kind: 'tool', tool: 'contacts', stepId: 'e', runId: 'r3', path: '', trusted: true },
      { kind: 'plan', trusted: true },
    ]);
  });

  it('a chain of 20,000 steps costs no stack and sources as many as each step’s references', async () => {
    const relay = defineTool({
      name: 'relay',
      description: 'Returns a fixed address, whatever it is given.',
      inputSchema: z.object({ from: z.string() }),
      readOnly: true,
      trusted: true,
      execute: () => ({ email: 'a@example.test' }),
    });
    const steps = Array.from({ length: 20_000 }, (_, index) => ({
      id: `s${index}`,
      tool: 'relay',
      args: { from: index === 0 ? 'start' : `$s${index - 1}.email` },
    }));
    const result = await executePlan(
      { steps: [...steps, { id: 'out', tool: 'send', args: { to: '$s19999.email', text: 'x' } }] },
      [...tools(), relay],
      { limits: { maxSteps: 20_001, maxReferences: 20_001 } },
    );
    expect(stepOf(result, 'out').status).toBe('ok');
    expect(stepOf(result, 's19999').sources).toHaveLength(2);
  });
});

describe('decisions', () => {
  it('ask: approve decides, sync or async; without approve it is a denial', async () => {
    const ask: ToolPolicy = () => ({ decision: 'ask', reason: 'sends mail' });
    const plan = { steps: [{ id: 's', tool: 'send', args: { to: 'a@example.test', text: 'x' } }] };
    const asked: Array<string | undefined> = [];
    const yes = await executePlan(plan, tools({ sendPolicy: ask }), {
      approve: (request) => {
        asked.push(request.reason);
        return true;
      },
    });
    expect(yes.status).toBe('ok');
    expect(asked).toEqual(['sends mail']);
    pending += 1;
    const no = await executePlan(plan, tools({ sendPolicy: ask }), {
      approve: async () => {
        await Promise.resolve();
        pending -= 1;
        return false;
      },
    });
    expect(stepOf(no, 's').error).toMatchObject({ deniedBy: 'approve', decision: 'ask' });
    const nobody = await executePlan(plan, tools({ sendPolicy: ask }));
    expect(stepOf(nobody, 's').error).toMatchObject({ deniedBy: 'no-approver', decision: 'ask' });
    expect(sendCalls()).toHaveLength(1);
  });

  it('a policy that throws, rejects or answers nonsense denies', async () => {
    const plan = { steps: [{ id: 's', tool: 'send', args: { to: 'a@example.test', text: 'x' } }] };
    const policies: ToolPolicy[] = [
      () => {
        throw new Error('bug');
      },
      () => Promise.reject(new Error('down')),
      () => 'yes' as never,
      () => ({ decision: 'maybe' }) as never,
    ];
    for (const sendPolicy of policies) {
      const result = await executePlan(plan, tools({ sendPolicy }));
      expect(PolicyDeniedError.isInstance(stepOf(result, 's').error)).toBe(true);
    }
    expect(sendCalls()).toEqual([]);
  });

  it('a read-only tool with a policy of its own is asked too; without one it is not', async () => {
    const result = await executePlan(
      {
        steps: [
          { id: 'c', tool: 'contacts', args: { name: 'Bob' } },
          { id: 'w', tool: 'search', args: { q: 'x' } },
        ],
      },
      tools({ lookupPolicy: () => 'deny' }),
    );
    expect(stepOf(result, 'c').error).toMatchObject({ deniedBy: 'tool-policy' });
    expect(stepOf(result, 'w').status).toBe('ok');
  });

  it('denies the whole forEach step when one item is denied, before any call', async () => {
    const result = await executePlan(
      {
        steps: [
          {
            id: 's',
            tool: 'send',
            forEach: ['a@example.test', 'eve@evil.test'],
            args: { to: '$item', text: 'x' },
          },
        ],
      },
      tools({
        sendPolicy: async (request) =>
          (request.input as { to: string }).to.endsWith('evil.test') ? 'deny' : 'allow',
      }),
    );
    expect(stepOf(result, 's').error).toMatchObject({ index: 1 });
    expect(sendCalls()).toEqual([]);
  });

  it('a run cancelled while a policy is answering ends at once, and the call never goes out', async () => {
    const controller = new AbortController();
    let answer!: (decision: 'allow') => void;
    pending += 1;
    const running = executePlan(
      { steps: [{ id: 's', tool: 'send', args: { to: 'a@example.test', text: 'x' } }] },
      tools({
        sendPolicy: () =>
          new Promise((resolve) => {
            answer = resolve;
          }),
      }),
      { signal: controller.signal },
    );
    await Promise.resolve();
    controller.abort(new Error('user left'));
    await expect(running).rejects.toSatisfy((error) => RunAbortedError.isInstance(error));
    answer('allow');
    pending -= 1;
    await new Promise((resolve) => setImmediate(resolve));
    expect(sendCalls()).toEqual([]);
  });

  it('rejects a policy or approve that is not a function, naming it', async () => {
    const plan = { steps: [{ id: 's', tool: 'send', args: { to: 'a', text: 'x' } }] };
    await expect(executePlan(plan, tools(), { policy: 'allow' as never })).rejects.toThrow(
      'Expected `policy` to be a function, got `allow`',
    );
    expect(() =>
      defineTool({
        name: 'x',
        description: 'x',
        inputSchema: z.object({}),
        execute: () => null,
        policy: 'allow' as never,
      }),
    ).toThrow('Tool `x`: expected `policy` to be a function, got `allow`');
  });
});
