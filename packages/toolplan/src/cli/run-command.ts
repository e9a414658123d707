import { Command } from 'commander';
import { createAgent, redisStore, type AgentRun, type LearningStore } from '../agent/index.js';
import { createOpenAICompatibleModel, ModelCallError } from '../model/index.js';
import { cliModelHint } from './cli-model-hint.js';
import {
  createTraceStore,
  DEFAULT_TRACE_DB_PATH,
  traceStoreTarget,
  type TraceStore,
} from '../trace/index.js';
import { toErrorData } from '../plan/index.js';
import { mcpToolSets, type McpToolSets } from '../mcp/index.js';
import type { ToolSource } from '../tools/index.js';
import { CliUsageError } from './cli-usage-error.js';
import { describeModelCost } from './describe-model-cost.js';
import { loadSimulatorPackage, type SimulatedProviderHandle } from './optional-packages.js';
import {
  describeApiKeyVariables,
  endpointFromOptions,
  type EndpointFlags,
} from './endpoint-options.js';
import type { CommandIo } from './exec-command.js';
import { EXIT } from './exit-codes.js';
import { formatRunSummary } from './format-run-summary.js';
import { loadChainFolder } from './load-chain-folder.js';
import { weighChainsOnTraceLog } from './weigh-chains-on-trace-log.js';
import { loadToolsModule } from './load-tools-module.js';
import { loadScriptBook } from './load-script-book.js';
import { mcpServersFromFlags, type McpFlags } from './mcp-servers-from-flags.js';
import { positiveNumber } from './option-parsers.js';

interface RunFlags extends EndpointFlags, McpFlags {
  tools?: string;
  json?: boolean;
  scripts?: string;
  profile: string;
  speed: number;
  chains?: string;
  traces: string | false;
  store?: string;
  storeApp: string;
}

/**
 * `toolplan run "QUERY" --tools MODULE`: one query through `createAgent` — compiled chains
 * (`--chains DIR`), then one streamed planning call executed as it arrives — against any
 * OpenAI-compatible endpoint (`--base-url`, `--model`), or by default against the simulated
 * provider started in-process, which answers the queries of its script book (the bench
 * scenarios, or `--scripts FILE`). The run is recorded in the trace log unless `--no-traces`.
 * The tools come from `--tools`, from MCP servers (`--mcp "COMMAND"`, `--mcp-url URL`, each
 * repeatable), or both; the servers are closed when the run ends, whatever happened.
 */
export function runCommand(io: CommandIo): Command {
  return new Command('run')
    .description('Answer one query: chains first, else one planned model call executed in parallel')
    .argument('<query>', 'what to ask')
    .option('--tools <module>', 'ES module whose default export is an array or record of tools')
    .option(
      '--mcp <command>',
      'an MCP server to start and use the tools of, as one quoted command line (repeatable)',
      collect,
    )
    .option(
      '--mcp-url <url>',
      'an MCP server at a URL (Streamable HTTP) to use the tools of (repeatable)',
      collect,
    )
    .option(
      '--trust-mcp',
      "trust the MCP servers' annotations (readOnlyHint, idempotentHint): their read-only tools may start early, be cached and retried",
    )
    .option('--json', 'print exactly one JSON object on stdout')
    .option('--base-url <url>', 'an OpenAI-compatible endpoint (default: the simulated provider)')
    .option('--model <name>', 'the model to ask at --base-url')
    .option(
      '--scripts <file>',
      "script book (JSON) for the simulated provider (default: the bench scenarios')",
    )
    .option('--profile <name>', 'profile of the simulated provider', 'gpt-4o')
    .option('--speed <x>', 'speed of the simulated provider', positiveNumber, 1)
    .option(
      '--chains <dir>',
      'compiled chains to try first (`*.chain.json`, see `toolplan chains`)',
    )
    .option(
      '--traces <file-or-url>',
      'the trace log the run is recorded in: a SQLite file, or a postgres:// URL',
      DEFAULT_TRACE_DB_PATH,
    )
    .option('--no-traces', 'record nothing')
    .option(
      '--store <url>',
      'share learned state with other processes on Redis (redis://host:6379): plan cache, chains, predictor, results',
    )
    .option('--store-app <name>', 'the application whose learned state --store shares', 'toolplan')
    .addHelpText('after', HELP_AFTER)
    .action(async (query: string, flags: RunFlags) => {
      // Flags that do not go together are a usage error before anything is loaded or started.
      const named = endpointFromOptions(flags);
      const servers = mcpServersFromFlags(flags);
      if (flags.tools === undefined && servers.length === 0) {
        throw new CliUsageError({
          message:
            'Give the tools: `--tools MODULE`, `--mcp "COMMAND"` (an MCP server to start) or `--mcp-url URL`.',
        });
      }
      let provider: SimulatedProviderHandle | undefined;
      let traceStore: TraceStore | undefined;
      let mcp: McpToolSets | undefined;
      let store: LearningStore | undefined;
      if (flags.store !== undefined) {
        try {
          store = redisStore({ url: flags.store, app: flags.storeApp });
        } catch (error) {
          throw new CliUsageError({ message: (error as Error).message });
        }
      }
      try {
        const local = flags.tools === undefined ? undefined : await loadToolsModule(flags.tools);
        let tools: ToolSource = local ?? [];
        if (servers.length > 0) {
          // A name a server shares with another source is prefixed with the server's name.
          mcp = await mcpToolSets(servers, { beside: tools });
          tools = mcp.tools;
        }
        const chains = flags.chains === undefined ? [] : await loadChainFolder(flags.chains);
        let endpoint = named;
        if (endpoint === undefined) {
          const simulator = await loadSimulatorPackage(
            '`toolplan run` without `--base-url` (the simulated provider)',
          );
          provider = await simulator.createSimulatedProvider({
            profile: flags.profile,
            speed: flags.speed,
            scripts: await loadScriptBook({ path: flags.scripts, speed: flags.speed, seed: 1 }),
          });
          endpoint = { baseURL: provider.url, modelId: provider.profile.name };
        }
        if (flags.traces !== false) traceStore = createTraceStore(traceStoreTarget(flags.traces));
        // Proposed chain files answer alone only once the log shows them agreeing with the
        // planner, as `toolplan chains list` says; kept ones are trusted as written.
        const standing =
          traceStore === undefined || chains.length === 0
            ? []
            : await weighChainsOnTraceLog({ chains, traces: traceStore });
        const agent = createAgent({
          model: createOpenAICompatibleModel({
            baseURL: endpoint.baseURL,
            modelId: endpoint.modelId,
            ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
          }),
          tools,
          chains,
          chainAgreements: Object.fromEntries(standing.map((each) => [each.name, each.agreements])),
          ...(traceStore === undefined ? {} : { traceStore }),
          ...(store === undefined ? {} : { store }),
        });
        const run = await agent.run(query).catch((error: unknown) => {
          if (ModelCallError.isInstance(error))
            error.hint = cliModelHint({ error, simulated: provider !== undefined });
          throw error;
        });
        const wallMs = Math.round(run.wallMs * 100) / 100;
        const { usage } = run;
        const failed = run.steps.some((step) => step.status !== 'ok');
        if (flags.json === true) {
          io.stdout(
            JSON.stringify({
              answer: run.answer,
              plan: run.plans.length === 1 ? run.plans[0] : run.plans,
              results: run.results,
              steps: run.steps.map((step) => ({
                id: step.id,
                tool: step.tool,
                status: step.status,
                startMs: step.startMs,
                endMs: step.endMs,
                ...(step.error === undefined ? {} : { error: toErrorData(step.error) }),
              })),
              usage,
              wallMs,
              answeredBy: run.answeredBy,
              ...(run.chainName === undefined ? {} : { chainName: run.chainName }),
              ...(run.fallThrough === undefined ? {} : { fallThrough: run.fallThrough }),
              timeline: run.timeline,
              ...(run.speculation === undefined ? {} : { speculation: run.speculation }),
            }),
          );
        } else {
          io.stdout(formatAgentRun(run));
          io.stdout(`\n${run.answer}`);
          io.stdout(
            `\n${usage.llmCalls} model call${usage.llmCalls === 1 ? '' : 's'} · ${usage.inputTokens} input tokens (${usage.cachedInputTokens} cached) · ${usage.outputTokens} output tokens · ${await describeModelCost(usage, endpoint.modelId)} · ${wallMs} ms · answered by ${ANSWERED_BY[run.answeredBy]}${run.chainName === undefined ? '' : ` \`${run.chainName}\``}`,
          );
        }
        io.setExitCode(failed ? EXIT.stepFailed : EXIT.ok);
      } finally {
        await mcp?.close();
        await provider?.close();
        // The run is recorded after it answered; let that happen before the log is closed.
        await new Promise((resolve) => setImmediate(resolve));
        await traceStore?.close();
        await store?.close();
      }
    });
}

const HELP_AFTER = `
Environment variables (read with --base-url; a key is never a flag, to keep it out of shell history):
${describeApiKeyVariables()}

MCP servers (--mcp, --mcp-url): their tools keep the names the servers give them; a name two
sources share is prefixed with the server's name (everything.echo). A started server gets only
PATH, HOME, USER, SHELL, TERM and LOGNAME of this environment (no API keys); give it more with
env: --mcp "env GITHUB_TOKEN=... npx some-server". Servers' annotations are hints from a party
that may be untrusted: they count only with --trust-mcp.

Examples:
  # the simulated provider, which knows the quickstart's query: no key, no network
  $ toolplan run "How much are 120 EUR in USD and in JPY?" --tools examples/quickstart/tools.mjs --scripts examples/quickstart/scripts.json
  # the tools of an MCP server (a script book of your own that plans over them)
  $ toolplan run "Add 2 and 3" --mcp "npx @modelcontextprotocol/server-everything" --scripts scripts.json
  # a real model
  $ OPENAI_API_KEY=sk-... toolplan run "How much are 120 EUR in USD and in JPY?" --tools examples/quickstart/tools.mjs --base-url https://api.openai.com/v1 --model gpt-4o

Exit codes: 0 answered; 1 a step failed; 2 no answer (a bad flag or file, a model error); 70 a bug.`;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const ANSWERED_BY = {
  chain: 'the chain',
  'plan-cache': 'the plan cache',
  template: "the plan's template",
  joiner: 'the joiner',
} as const;

/** One line per step of every plan the run executed, as `toolplan exec` prints them. */
function formatAgentRun(run: AgentRun): string {
  return run.plans
    .map((plan, index) => {
      const ids = new Set(plan.steps.map((step) => step.id));
      const steps = run.steps.filter((step) => ids.has(step.id));
      const summary = formatRunSummary({
        runId: run.runId,
        status: steps.every((step) => step.status === 'ok') ? 'ok' : 'error',
        plan,
        results: {},
        steps,
        wallMs: Math.max(0, ...steps.map((step) => step.endMs)),
      });
      return run.plans.length > 1
        ? `plan ${index + 1} of ${run.plans.length}:\n${summary}`
        : summary;
    })
    .join('\n');
}
