import { createRequire } from 'node:module';
import { z } from 'zod';
import { DEFAULT_TOOL_TIMEOUT_MS, type Agent } from '../agent/index.js';
import {
  PlanValidationError,
  unknownOptionProblems,
  validatePlan,
  type EveryKeyOf,
} from '../plan/index.js';
import {
  executePlan,
  resolveExecuteOptions,
  type ExecutePlanOptions,
  type ExecutionEvent,
} from '../runtime/index.js';
import { createToolRegistry, defaultPolicy, type ToolSource } from '../tools/index.js';
import { askOutputSchema, toAskOutput } from './ask-output.js';
import { describeAsk, describeRunPlan } from './describe-server-tools.js';
import { loadMcpServerSdk } from './load-mcp-server-sdk.js';
import { McpServerOptionsError } from './mcp-server-options-error.js';
import { toMcpToolResult } from './mcp-tool-result.js';
import { runPlanOutputSchema, toInvalidPlanOutput, toRunPlanOutput } from './run-plan-output.js';
import { serverToolHints } from './server-tool-hints.js';
import { untrustedPlanPolicy } from './untrusted-plan-policy.js';

/**
 * How `run_plan` executes plans: `executePlan`'s options, but for those the server sets on each
 * call (the request's `signal`, a fresh `runId`, and the trust marks, which `trustPlans` decides).
 */
export type McpExecuteOptions = Omit<
  ExecutePlanOptions,
  'signal' | 'runId' | 'onEvent' | 'query' | 'plannedAfterUntrusted' | 'results' | 'resultSources'
>;

export interface CreateMcpServerOptions {
  /** The tools plans may call. */
  tools: ToolSource;
  /**
   * Offers the tool `ask` (a query planned and executed in one call) answered by this agent.
   * Make it with the same `tools`: `ask`'s description names those. One agent may serve many
   * servers (one per HTTP session), so that what it learns is shared.
   * @default undefined (no `ask`)
   */
  agent?: Agent;
  /**
   * DANGEROUS: run plans as if their author were trusted. A plan an MCP client sends is untrusted
   * input (its author may have read anything), so by default it runs as planned after untrusted
   * data: every value it holds is untrusted, and a call of a side-effecting tool is denied unless
   * a policy allows it (DESIGN.md, "Trust"). With `trustPlans`, the plan's own values are
   * trusted and side effects run on them — give it only when every client is as trusted as the
   * code that starts the server. Arguments taken from untrusted tool output stay untrusted.
   * @default false
   */
  trustPlans?: boolean;
  /**
   * How plans are executed: concurrency, time-outs, retries, limits, a result cache, a `policy`
   * for side-effecting calls (in place of the default, which denies them on untrusted plans)…
   * @default the defaults of `executePlan`, with `defaultTimeoutMs: DEFAULT_TOOL_TIMEOUT_MS`
   */
  execute?: McpExecuteOptions;
  /** The server's name, as clients see it. @default 'toolplan' */
  name?: string;
  /** The server's version, as clients see it. @default toolplan's version */
  version?: string;
}

/** An MCP server offering `run_plan` (and `ask`), made with the official MCP SDK. */
export interface ToolplanMcpServer {
  /**
   * The SDK's `McpServer`, to register more tools, prompts or resources on: cast it to `McpServer`
   * (`@modelcontextprotocol/sdk/server/mcp.js`). It is `unknown` here so that toolplan's types do
   * not need the SDK's, which is an optional peer.
   */
  readonly server: unknown;
  /** The tools it offers: `run_plan`, then `ask` when it has an agent. */
  readonly toolNames: readonly string[];
  /**
   * Serves one client over a transport of the SDK (`StdioServerTransport`,
   * `StreamableHTTPServerTransport`, …). One server serves one transport at a time.
   */
  connect(transport: object): Promise<void>;
  /** Closes the connection; requests in flight are cancelled. */
  close(): Promise<void>;
  /**
   * Resolves once no call of `run_plan` or `ask` is running (at once when none is): to let what
   * runs finish before `close`, when a client has ended the session but awaits its answers.
   */
  settled(): Promise<void>;
}

const OPTION_KEYS = ['tools', 'agent', 'trustPlans', 'execute', 'name', 'version'] as const;
const everyOption: EveryKeyOf<CreateMcpServerOptions, typeof OPTION_KEYS> = OPTION_KEYS;

const EXECUTE_KEYS = [
  'maxConcurrency',
  'defaultTimeoutMs',
  'retry',
  'limits',
  'clock',
  'maxBatchSize',
  'batchWindowMs',
  'shareScope',
  'inFlight',
  'cache',
  'sideEffects',
  'speculation',
  'policy',
  'approve',
] as const;
const everyExecuteOption: EveryKeyOf<McpExecuteOptions, typeof EXECUTE_KEYS> = EXECUTE_KEYS;

/**
 * Makes toolplan an MCP server: another agent that speaks MCP gets one tool call, `run_plan`,
 * instead of a round trip per tool. A plan sent to `run_plan` is validated whole before any
 * step runs (an invalid plan is a tool error listing every issue, and nothing runs), executed
 * with all of toolplan's rules, and reported as structured output (`RunPlanOutput`) and as its
 * JSON text. With an `agent`, `ask` answers a query in one call. Cancelling a request cancels
 * its run. Needs the optional peer `@modelcontextprotocol/sdk`, loaded when called.
 *
 * ```ts
 * import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
 * const server = await createMcpServer({ tools: [getRate, convert] });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export async function createMcpServer(options: CreateMcpServerOptions): Promise<ToolplanMcpServer> {
  const settings = checkOptions(options);
  const { McpServer } = await loadMcpServerSdk('createMcpServer (toolplan as an MCP server)');
  const { tools, agent, trustPlans, execute } = settings;
  const server = new McpServer(
    { name: settings.name, version: settings.version },
    { capabilities: { tools: {} } },
  );
  const hints = serverToolHints(tools);
  // Calls running now, and who waits for there to be none.
  let running = 0;
  const waiting: Array<() => void> = [];
  const track =
    <Args extends unknown[], Result>(handler: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      running += 1;
      try {
        return await handler(...args);
      } finally {
        running -= 1;
        if (running === 0) for (const resolve of waiting.splice(0)) resolve();
      }
    };

  server.registerTool(
    'run_plan',
    {
      title: 'Run a plan of tool calls',
      description: describeRunPlan({ tools, trustPlans }),
      inputSchema: {
        plan: z
          .record(z.string(), z.unknown())
          .describe('The plan: {"steps": [{"id", "tool", "args", …}, …], "answer"?: "…"}'),
      },
      outputSchema: runPlanOutputSchema,
      annotations: hints,
    },
    track(async ({ plan }, extra) => {
      let validated;
      try {
        validated = validatePlan(plan, {
          tools,
          ...(execute.limits === undefined ? {} : { limits: execute.limits }),
        });
      } catch (error) {
        if (!PlanValidationError.isInstance(error)) throw error;
        return toMcpToolResult({
          structured: toInvalidPlanOutput(error),
          text: error.message,
          isError: true,
        });
      }
      const onEvent = progressReporter({
        token: extra._meta?.progressToken,
        total: validated.steps.length,
        send: (notification) => extra.sendNotification(notification),
      });
      const result = await executePlan(validated, tools, {
        ...execute,
        signal: extra.signal,
        plannedAfterUntrusted: !trustPlans,
        ...(onEvent === undefined ? {} : { onEvent }),
      });
      return toMcpToolResult({ structured: toRunPlanOutput(result) });
    }),
  );

  if (agent !== undefined) {
    server.registerTool(
      'ask',
      {
        title: 'Answer a question with the tools',
        description: describeAsk({ tools }),
        inputSchema: { query: z.string().min(1).describe('The question, in words') },
        outputSchema: askOutputSchema,
        annotations: hints,
      },
      track(async ({ query }, extra) => {
        const run = await agent.run(query, { signal: extra.signal });
        return toMcpToolResult({ structured: toAskOutput(run) });
      }),
    );
  }

  return {
    server,
    toolNames: agent === undefined ? ['run_plan'] : ['run_plan', 'ask'],
    connect: (transport) => server.connect(transport as Parameters<typeof server.connect>[0]),
    close: () => server.close(),
    settled: () =>
      running === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
  };
}

interface ProgressNotification {
  method: 'notifications/progress';
  params: { progressToken: string | number; progress: number; total: number; message: string };
}

/**
 * Reports each finished step as MCP progress when the client asked for progress (a long plan
 * then keeps a client's time-out from running out, for clients that reset it on progress).
 */
function progressReporter(options: {
  token: string | number | undefined;
  total: number;
  send: (notification: ProgressNotification) => Promise<void>;
}): ((event: ExecutionEvent) => void) | undefined {
  const { token, total, send } = options;
  if (token === undefined) return undefined;
  let finished = 0;
  return (event) => {
    if (event.type !== 'step-end') return;
    finished = Math.min(total, finished + 1);
    // A notification that cannot be sent (the client left) must not fail the run.
    send({
      method: 'notifications/progress',
      params: {
        progressToken: token,
        progress: finished,
        total,
        message: `${event.stepId}: ${event.status}`,
      },
    }).catch(() => {});
  };
}

function checkOptions(options: CreateMcpServerOptions) {
  const problems: string[] = [];
  if (typeof options !== 'object' || options === null) {
    throw new McpServerOptionsError({
      problems: [
        `Expected the options of \`createMcpServer\` to be an object, got \`${String(options)}\``,
      ],
    });
  }
  problems.push(
    ...unknownOptionProblems({ of: 'createMcpServer', given: options, known: everyOption }),
  );
  let tools;
  try {
    tools = createToolRegistry(options.tools);
  } catch (error) {
    problems.push(`\`tools\`: ${(error as Error).message}`);
  }
  const { agent, trustPlans = false, name = 'toolplan', version = toolplanVersion() } = options;
  if (
    agent !== undefined &&
    (typeof agent !== 'object' || agent === null || typeof agent.run !== 'function')
  ) {
    problems.push(
      `Expected \`agent\` to be an agent made by \`createAgent\`, got \`${String(agent)}\``,
    );
  }
  if (typeof trustPlans !== 'boolean')
    problems.push(`Expected \`trustPlans\` to be a boolean, got \`${String(trustPlans)}\``);
  for (const [key, value] of [
    ['name', name],
    ['version', version],
  ] as const) {
    if (typeof value !== 'string' || value === '')
      problems.push(`Expected \`${key}\` to be a non-empty string, got \`${String(value)}\``);
  }
  const given = options.execute ?? {};
  const execute: McpExecuteOptions = {
    defaultTimeoutMs: DEFAULT_TOOL_TIMEOUT_MS,
    ...given,
    policy: given.policy ?? (trustPlans === true ? defaultPolicy : untrustedPlanPolicy),
  };
  if (typeof given !== 'object' || given === null) {
    problems.push(`Expected \`execute\` to be an object of options, got \`${String(given)}\``);
  } else {
    const unknown = unknownOptionProblems({
      of: 'createMcpServer({ execute })',
      given,
      known: everyExecuteOption,
    });
    problems.push(...unknown);
    if (unknown.length === 0) {
      try {
        resolveExecuteOptions(execute);
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        problems.push(`\`execute\`: ${error.message}`);
      }
    }
  }
  if (problems.length > 0 || tools === undefined) throw new McpServerOptionsError({ problems });
  return { tools, agent, trustPlans, execute, name, version };
}

/** The version of this package, read when a server needs it rather than when toolplan loads. */
function toolplanVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}
