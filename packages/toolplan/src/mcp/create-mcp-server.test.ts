import { readFile } from 'node:fs/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulatedProvider, type ScriptBook } from '@toolplan/simulator';
import { createAgent } from '../agent/index.js';
import { createOpenAICompatibleModel } from '../model/index.js';
import { defineTool } from '../tools/index.js';
import { createMcpServer, type CreateMcpServerOptions } from './create-mcp-server.js';
import { McpServerOptionsError } from './mcp-server-options-error.js';
import type { RunPlanOutput } from './run-plan-output.js';

const PER_EURO: Record<string, number> = { EUR: 1, USD: 1.08, JPY: 162.4 };

/** The quickstart's read-only tools, plus side effects whose every call is counted. */
function currencyTools() {
  const calls = { record: 0, notify: 0 };
  const aborted: string[] = [];
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const tools = [
    defineTool({
      name: 'get_rate',
      description: 'Exchange rate between two currencies.',
      inputSchema: z.object({ from: z.string().length(3), to: z.string().length(3) }),
      readOnly: true,
      execute: ({ from, to }) => ({
        rate: Math.round(((PER_EURO[to] ?? NaN) / (PER_EURO[from] ?? NaN)) * 10000) / 10000,
      }),
    }),
    defineTool({
      name: 'convert',
      description: 'An amount multiplied by a rate.',
      inputSchema: z.object({ amount: z.number(), rate: z.number() }),
      readOnly: true,
      execute: ({ amount, rate }) => ({ amount: Math.round(amount * rate * 100) / 100 }),
    }),
    // A side effect whose own policy lets any plan call it (an audit log, say).
    defineTool({
      name: 'record',
      description: 'Appends a line to the log.',
      inputSchema: z.object({ text: z.string() }),
      policy: () => 'allow',
      execute: () => {
        calls.record += 1;
        return { recorded: calls.record };
      },
    }),
    // A side effect under the run's policy.
    defineTool({
      name: 'notify',
      description: 'Sends a message.',
      inputSchema: z.object({ to: z.string(), text: z.string() }),
      execute: () => {
        calls.notify += 1;
        return { sent: true };
      },
    }),
    defineTool({
      name: 'wait_for_abort',
      description: 'Runs until its call is cancelled.',
      inputSchema: z.object({}),
      readOnly: true,
      execute: (_input, { signal }) =>
        new Promise((_resolve, reject) => {
          markStarted();
          signal.addEventListener('abort', () => {
            aborted.push('wait_for_abort');
            reject(signal.reason as Error);
          });
        }),
    }),
    defineTool({
      name: 'cyclic',
      description: 'Returns a value that is not JSON.',
      inputSchema: z.object({}),
      readOnly: true,
      execute: () => {
        const value: Record<string, unknown> = { name: 'loop' };
        value['self'] = value;
        return value;
      },
    }),
  ];
  return { tools, calls, aborted, started };
}

const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const each of open.splice(0).reverse()) await each.close();
});

async function connectServer(options: CreateMcpServerOptions) {
  const server = await createMcpServer(options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  await client.connect(clientSide);
  open.push(server, client);
  return { client, server };
}

async function connect(options: CreateMcpServerOptions) {
  return (await connectServer(options)).client;
}

async function runPlan(client: Client, plan: unknown) {
  const result = await client.callTool({ name: 'run_plan', arguments: { plan } });
  return {
    isError: result.isError === true,
    output: result.structuredContent as unknown as RunPlanOutput,
    text: (result.content as Array<{ type: string; text: string }>)[0]?.text ?? '',
  };
}

const CONVERSION = {
  steps: [
    { id: 'r', tool: 'get_rate', forEach: ['USD', 'JPY'], args: { from: 'EUR', to: '$item' } },
    { id: 'c', tool: 'convert', forEach: '$r', args: { amount: 120, rate: '$item.rate' } },
  ],
  answer: '120 EUR is ${c[0].amount} USD and ${c[1].amount} JPY.',
};

describe('createMcpServer: tools/list', () => {
  it('offers run_plan with its input and output schemas, the plan format and the tools', async () => {
    const client = await connect({ tools: currencyTools().tools });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['run_plan']);
    const [runPlanTool] = tools;
    expect(runPlanTool?.inputSchema).toMatchObject({
      type: 'object',
      properties: { plan: { type: 'object' } },
      required: ['plan'],
    });
    expect(runPlanTool?.outputSchema).toMatchObject({
      type: 'object',
      properties: { status: { enum: ['ok', 'error', 'invalid'] } },
      required: expect.arrayContaining(['status', 'results', 'steps']),
    });
    expect(runPlanTool?.description).toContain('"forEach"');
    expect(runPlanTool?.description).toContain('get_rate(from: string, to: string)');
    expect(runPlanTool?.description).toContain('untrusted input');
    // A side-effecting tool among them: the plan may have side effects.
    expect(runPlanTool?.annotations).toEqual({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: true,
    });
  });

  it('says run_plan is read-only and idempotent when every tool is read-only', async () => {
    const readOnly = currencyTools().tools.filter((tool) => tool.readOnly === true);
    const client = await connect({ tools: readOnly });
    const { tools } = await client.listTools();
    expect(tools[0]?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
    });
  });
});

describe('createMcpServer: run_plan', () => {
  it('runs a valid plan and returns its answer, results and steps, structured and as JSON text', async () => {
    const client = await connect({ tools: currencyTools().tools });
    const { isError, output, text } = await runPlan(client, CONVERSION);
    expect(isError).toBe(false);
    expect(output).toMatchObject({
      status: 'ok',
      answer: '120 EUR is 129.6 USD and 19488 JPY.',
      results: { r: [{ rate: 1.08 }, { rate: 162.4 }], c: [{ amount: 129.6 }, { amount: 19488 }] },
      steps: [
        { id: 'r', tool: 'get_rate', status: 'ok', attempts: 2 },
        { id: 'c', tool: 'convert', status: 'ok', attempts: 2 },
      ],
    });
    expect(output.runId).toEqual(expect.any(String));
    expect(JSON.parse(text)).toEqual(output);
  });

  it('accepts steps written as call strings, as the planner writes them', async () => {
    const client = await connect({ tools: currencyTools().tools });
    const { output } = await runPlan(client, {
      steps: ["r=get_rate(from='EUR', to='USD')", 'c=convert(amount=10, rate=$r.rate)'],
      answer: '${c.amount}',
    });
    expect(output).toMatchObject({ status: 'ok', answer: '10.8' });
  });

  it('refuses an invalid plan with every issue, as a tool error, and runs none of it', async () => {
    const { tools, calls } = currencyTools();
    const client = await connect({ tools });
    const { isError, output, text } = await runPlan(client, {
      steps: [
        { id: 'log', tool: 'record', args: { text: 'started' } },
        { id: 'r', tool: 'get_rat', args: { from: 'EUR', to: 'USD' } },
        { id: 'c', tool: 'convert', args: { amount: 'ten', rate: '$nowhere.rate' } },
      ],
    });
    expect(isError).toBe(true);
    expect(output).toMatchObject({ status: 'invalid', results: {}, steps: [] });
    expect(output.issues?.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown_tool', 'steps[1].tool'],
      ['unknown_reference', 'steps[2].args.rate'],
      ['invalid_arguments', 'steps[2].args.amount'],
    ]);
    expect(output.issues?.[0]?.message).toContain('get_rate');
    // The text is the message a model is given: every issue, with where it is.
    expect(text).toMatch(/^The plan has 3 problems/);
    expect(text).toContain('steps[2].args.amount');
    expect(calls.record).toBe(0);
    // The same step in a valid plan does run: the count above could have moved.
    await runPlan(client, { steps: [{ id: 'log', tool: 'record', args: { text: 'started' } }] });
    expect(calls.record).toBe(1);
  });

  it("denies a side effect on the plan's own values and reports it, the rest of the plan running", async () => {
    const { tools, calls } = currencyTools();
    const client = await connect({ tools });
    const { isError, output } = await runPlan(client, {
      steps: [
        { id: 'r', tool: 'get_rate', args: { from: 'EUR', to: 'USD' } },
        { id: 'n', tool: 'notify', args: { to: 'ops@example.com', text: 'rate fetched' } },
        { id: 'log', tool: 'record', args: { text: 'notified' }, after: ['n'] },
      ],
    });
    expect(isError).toBe(false);
    expect(calls.notify).toBe(0);
    expect(output.status).toBe('error');
    expect(output.results).toEqual({ r: { rate: 1.08 } });
    expect(output.steps).toMatchObject([
      { id: 'r', status: 'ok' },
      {
        id: 'n',
        status: 'denied',
        attempts: 0,
        error: {
          name: 'PolicyDeniedError',
          deniedBy: 'run-policy',
          decision: 'deny',
          reason: expect.stringContaining('MCP client') as string,
        },
      },
      { id: 'log', status: 'skipped', error: { name: 'DependencyFailedError', failedStepId: 'n' } },
    ]);
  });

  it("with trustPlans, runs side effects on the plan's values but not on a tool's output", async () => {
    const { tools, calls } = currencyTools();
    const client = await connect({ tools, trustPlans: true });
    const { output } = await runPlan(client, {
      steps: [
        { id: 'n', tool: 'notify', args: { to: 'ops@example.com', text: 'hello' } },
        { id: 'r', tool: 'get_rate', args: { from: 'EUR', to: 'USD' } },
        // get_rate is not `trusted`: its output must not choose a side effect's arguments.
        { id: 'm', tool: 'notify', args: { to: 'ops@example.com', text: 'rate ${r.rate}' } },
      ],
    });
    expect(calls.notify).toBe(1);
    expect(output.steps).toMatchObject([
      { id: 'n', status: 'ok' },
      { id: 'r', status: 'ok' },
      { id: 'm', status: 'denied', error: { reason: 'an argument carries untrusted data' } },
    ]);
  });

  it('applies the policy it is given in place of the default', async () => {
    const { tools, calls } = currencyTools();
    const client = await connect({ tools, execute: { policy: () => 'allow' } });
    const { output } = await runPlan(client, {
      steps: [{ id: 'n', tool: 'notify', args: { to: 'ops@example.com', text: 'hi' } }],
    });
    expect(output.status).toBe('ok');
    expect(calls.notify).toBe(1);
  });

  it('cancels the run when the client cancels the request', async () => {
    const { tools, aborted, started } = currencyTools();
    const client = await connect({ tools });
    const controller = new AbortController();
    const call = client.callTool(
      {
        name: 'run_plan',
        arguments: { plan: { steps: [{ id: 'w', tool: 'wait_for_abort', args: {} }] } },
      },
      undefined,
      { signal: controller.signal },
    );
    await started;
    controller.abort(new Error('the user gave up'));
    await expect(call).rejects.toThrow('the user gave up');
    await expect.poll(() => aborted).toEqual(['wait_for_abort']);
  });

  it('is settled when no call is running, and once the running ones end', async () => {
    const { tools, started } = currencyTools();
    const { client, server } = await connectServer({ tools });
    await server.settled();
    const controller = new AbortController();
    const call = client.callTool(
      {
        name: 'run_plan',
        arguments: { plan: { steps: [{ id: 'w', tool: 'wait_for_abort', args: {} }] } },
      },
      undefined,
      { signal: controller.signal },
    );
    call.catch(() => {});
    await started;
    let settled = false;
    const settling = server.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort();
    await settling;
    expect(settled).toBe(true);
  });

  it('reports each finished step as progress when the client asks for progress', async () => {
    const client = await connect({ tools: currencyTools().tools });
    const progress: unknown[] = [];
    await client.callTool({ name: 'run_plan', arguments: { plan: CONVERSION } }, undefined, {
      onprogress: (update) => progress.push(update),
    });
    expect(progress).toEqual([
      { progress: 1, total: 2, message: 'r: ok' },
      { progress: 2, total: 2, message: 'c: ok' },
    ]);
  });

  it('leaves out a result that is not JSON, saying why, and sends the rest', async () => {
    const client = await connect({ tools: currencyTools().tools });
    const { output } = await runPlan(client, {
      steps: [
        { id: 'loop', tool: 'cyclic', args: {} },
        { id: 'r', tool: 'get_rate', args: { from: 'EUR', to: 'USD' } },
      ],
    });
    expect(output.results).toEqual({ r: { rate: 1.08 } });
    expect(output.steps[0]).toMatchObject({
      id: 'loop',
      status: 'ok',
      resultNotJson: expect.stringContaining('circular') as string,
    });
  });

  it('refuses arguments that are not a plan object before anything runs', async () => {
    const client = await connect({ tools: currencyTools().tools });
    const result = await client.callTool({ name: 'run_plan', arguments: { plan: 'steps' } });
    expect(result.isError).toBe(true);
    expect((result.content as Array<{ text: string }>)[0]?.text).toMatch(/Input validation error/);
  });
});

describe('createMcpServer: ask', () => {
  it('answers a query in one call with the agent it is given', async () => {
    const scripts = JSON.parse(
      await readFile(
        new URL('../../../../examples/quickstart/scripts.json', import.meta.url),
        'utf8',
      ),
    ) as ScriptBook;
    const provider = await createSimulatedProvider({ speed: 50, scripts });
    open.push(provider);
    const { tools } = currencyTools();
    const agent = createAgent({
      model: createOpenAICompatibleModel({ baseURL: provider.url, modelId: provider.profile.name }),
      tools,
    });
    const client = await connect({ tools, agent });
    const { tools: listed } = await client.listTools();
    expect(listed.map((tool) => tool.name)).toEqual(['run_plan', 'ask']);
    expect(listed[1]?.description).toContain('get_rate, convert');
    const result = await client.callTool({
      name: 'ask',
      arguments: { query: 'How much are 120 EUR in USD and in JPY?' },
    });
    expect(result.isError).not.toBe(true);
    expect(result.structuredContent).toMatchObject({
      answer: '120 EUR is 129.6 USD and 19488 JPY.',
      answeredBy: 'template',
      plans: [{ steps: expect.any(Array) as unknown[] }],
      results: { c: [{ amount: 129.6 }, { amount: 19488 }] },
      steps: [
        { id: 'r', status: 'ok' },
        { id: 'c', status: 'ok' },
      ],
      usage: { llmCalls: 1 },
    });
  });
});

describe('createMcpServer: options', () => {
  it('names every wrong option at once', async () => {
    const error = await createMcpServer({
      tools: currencyTools().tools,
      trustPlans: 'yes' as unknown as boolean,
      execute: { maxConcurrency: 0, signal: new AbortController().signal } as never,
      colour: 'blue',
    } as CreateMcpServerOptions).catch((caught: unknown) => caught);
    expect(McpServerOptionsError.isInstance(error)).toBe(true);
    expect((error as McpServerOptionsError).problems).toEqual([
      '`createMcpServer` has no option `colour`; it would be ignored.',
      'Expected `trustPlans` to be a boolean, got `yes`',
      '`createMcpServer({ execute })` has no option `signal`; it would be ignored.',
    ]);
  });

  it('checks the values of execute options', async () => {
    const error = await createMcpServer({
      tools: [],
      execute: { maxConcurrency: 0 },
    }).catch((caught: unknown) => caught);
    expect((error as McpServerOptionsError).problems).toEqual([
      '`execute`: Expected `maxConcurrency` to be a positive integer, got `0`',
    ]);
  });
});
