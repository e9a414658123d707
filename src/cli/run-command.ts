import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { PlanningError, runPlanned } from '../agent/index.js';
import { benchScenarios } from '../bench/bench-catalog.js';
import { uniqueScripts } from '../bench/unique-scripts.js';
import { createOpenAICompatibleModel, meterModel, ModelCallError } from '../model/index.js';
import { toErrorData } from '../plan/index.js';
import { RunAbortedError } from '../runtime/index.js';
import {
  createSimulatedProvider,
  type ScriptBook,
  type SimulatedProvider,
} from '../simulator/index.js';
import { endpointFromOptions, type EndpointFlags } from './endpoint-options.js';
import type { CommandIo } from './exec-command.js';
import { formatRunSummary } from './format-run-summary.js';
import { loadToolsModule, ToolsModuleError } from './load-tools-module.js';
import { positiveNumber } from './option-parsers.js';

interface RunFlags extends EndpointFlags {
  tools: string;
  json?: boolean;
  scripts?: string;
  profile: string;
  speed: number;
}

/**
 * `toolplan run "QUERY" --tools MODULE`: one query with the `plan` strategy — against any
 * OpenAI-compatible endpoint (`--base-url`, `--model`), or by default against the simulated
 * provider started in-process, which answers the queries of its script book (the bench
 * scenarios, or `--scripts FILE`).
 */
export function runCommand(io: CommandIo): Command {
  return new Command('run')
    .description('Answer one query: one planned model call, the plan executed in parallel')
    .argument('<query>', 'what to ask')
    .requiredOption(
      '--tools <module>',
      'ES module whose default export is an array or record of tools',
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
    .action(async (query: string, flags: RunFlags) => {
      let provider: SimulatedProvider | undefined;
      try {
        const tools = await loadToolsModule(flags.tools);
        let endpoint = endpointFromOptions(flags);
        if (endpoint === undefined) {
          provider = await createSimulatedProvider({
            profile: flags.profile,
            speed: flags.speed,
            scripts: await loadScripts(flags.scripts),
          });
          endpoint = { baseURL: provider.url, modelId: provider.profile.name };
        }
        const meter = meterModel(
          createOpenAICompatibleModel({
            baseURL: endpoint.baseURL,
            modelId: endpoint.modelId,
            ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
          }),
        );
        const started = performance.now();
        const run = await runPlanned({ model: meter.model, tools, query });
        const wallMs = Math.round((performance.now() - started) * 100) / 100;
        const usage = meter.totals();
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
            }),
          );
        } else {
          for (const [index, result] of run.runs.entries()) {
            if (run.runs.length > 1) io.stdout(`plan ${index + 1} of ${run.runs.length}:`);
            io.stdout(formatRunSummary(result));
          }
          io.stdout(`\n${run.answer}`);
          io.stdout(
            `\n${usage.llmCalls} model call${usage.llmCalls === 1 ? '' : 's'} · ${usage.inputTokens} input tokens (${usage.cachedInputTokens} cached) · ${usage.outputTokens} output tokens · ${wallMs} ms · answered by the ${run.answeredBy}`,
          );
        }
        io.setExitCode(failed ? 1 : 0);
      } catch (error) {
        if (
          error instanceof ToolsModuleError ||
          error instanceof PlanningError ||
          error instanceof ModelCallError ||
          error instanceof RunAbortedError ||
          error instanceof TypeError
        ) {
          io.stderr(`error: ${error.message}`);
          io.setExitCode(2);
        } else throw error;
      } finally {
        await provider?.close();
      }
    });
}

async function loadScripts(path: string | undefined): Promise<ScriptBook> {
  if (path !== undefined) return JSON.parse(await readFile(path, 'utf8')) as ScriptBook;
  const opened = await Promise.all(
    benchScenarios.map((scenario) => scenario.open({ speed: 1, seed: 1 })),
  );
  try {
    return {
      scenarios: uniqueScripts(
        opened.flatMap((scenario) => scenario.cases.map((benchCase) => benchCase.script)),
      ),
    };
  } finally {
    await Promise.all(opened.map((scenario) => scenario.close()));
  }
}
