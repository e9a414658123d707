import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import {
  benchConversationScenarios,
  benchFleetScenarios,
  benchInjectionScenarios,
  benchMultiTurnStrategies,
  benchScenarios,
  benchStrategies,
  pickBenchSelection,
} from '../bench-catalog.js';
import { formatBenchReport } from '../format-bench-report.js';
import { formatHeadlineTable } from '../headline-table.js';
import { writeBenchReport } from '../report/index.js';
import { formatToolRendering, measureToolRendering } from '../measure-tool-rendering.js';
import { runBench } from '../run-bench.js';
import { DEFAULT_FLEET_SERVICES } from '../fleet/run-fleet-bench.js';
import { BFCL_DIR_VARIABLE } from '../scenarios/bfcl-data.js';
import { resolveModelProfile } from '@toolplan/simulator';
import type { CommandIo, ProgressReport } from 'toolplan/internal';
import {
  describeApiKeyVariables,
  endpointFromOptions,
  type EndpointFlags,
} from 'toolplan/internal';
import { integer, positiveInteger, positiveNumber } from 'toolplan/internal';
import { createBenchProgress } from './bench-progress.js';
import { formatHostFigures } from '../format-host-figures.js';
import { createTraceStore, traceStoreTarget } from 'toolplan/internal';

interface BenchFlags extends EndpointFlags {
  scenario?: string[];
  strategy?: string[];
  profile: string;
  json?: string;
  speed: number;
  seed: number;
  caseConcurrency: number;
  minRuns: number;
  traces?: string;
  report?: string;
  provider: 'worker' | 'in-process';
  full?: boolean;
  postgres: string;
  redis: string;
}

export function benchCommand(io: CommandIo & { progress?: ProgressReport }): Command {
  return new Command('bench')
    .description('Run every scenario × strategy against the simulated provider and compare them')
    .option(
      '--scenario <names...>',
      `scenarios to run (${[...benchScenarios, ...benchConversationScenarios, ...benchInjectionScenarios, ...benchFleetScenarios].map((scenario) => scenario.name).join(', ')})`,
    )
    .option(
      '--strategy <names...>',
      `strategies to run (${benchStrategies.map((strategy) => strategy.name).join(', ')}; multi-turn: ${benchMultiTurnStrategies.map((strategy) => strategy.name).join(', ')})`,
    )
    .option('--profile <name>', 'model profile of the simulated provider', 'gpt-4o')
    .option('--json <file>', 'also write the figures as JSON to this file')
    .option(
      '--traces <file-or-url>',
      'record every run in this trace log: a SQLite file, or a postgres:// URL (see `toolplan traces`)',
    )
    .option(
      '--report <dir>',
      'also write an HTML report (timelines and charts, with the SVG images) into this directory',
    )
    .option(
      '--speed <x>',
      'divide every model and tool duration by this (ratios are unchanged)',
      positiveNumber,
      1,
    )
    .option('--seed <n>', 'seed of every random draw (same seed, same run)', integer, 1)
    .option('--case-concurrency <n>', 'cases run at once (over all scenarios)', positiveInteger, 96)
    .option(
      '--min-runs <n>',
      "repeat a small scenario's cases until it has this many runs",
      positiveInteger,
      8,
    )
    .option(
      '--base-url <url>',
      'an OpenAI-compatible endpoint to use instead of the simulated provider',
    )
    .option('--model <name>', 'the model to ask at --base-url')
    .option(
      '--full',
      'run every case of every scenario for every strategy (large scenarios run a seeded sample by default, and long streams only their head for strategies that learn nothing)',
    )
    .option(
      '--postgres <url>',
      'the PostgreSQL the fleet scenario uses (a schema of its own, dropped after)',
      DEFAULT_FLEET_SERVICES.postgresUrl,
    )
    .option(
      '--redis <url>',
      'the Redis the fleet scenario uses (keys of its own, deleted after)',
      DEFAULT_FLEET_SERVICES.redisUrl,
    )
    .addOption(
      new Option('--provider <place>', 'where the simulated provider runs')
        .choices(['worker', 'in-process'])
        .default('worker'),
    )
    .addHelpText(
      'after',
      `
Environment variables:
${describeApiKeyVariables({ [BFCL_DIR_VARIABLE]: "another copy of BFCL's data for the bfcl scenario (default: the repository's data/bfcl)" })}

Progress goes to standard error (a line at least every 5 s where it is not a terminal); the
figures, then the summary, to standard output.

Exit codes: 0 every answer right; 1 some answer wrong; 2 a bad flag; 70 a bug.`,
    )
    .action(async (flags: BenchFlags) => {
      let scenarios;
      let strategies;
      let conversations;
      let injection;
      let fleet;
      let profile;
      let endpoint;
      try {
        ({ scenarios, strategies, conversations, injection, fleet } = pickBenchSelection({
          scenarios: flags.scenario,
          strategies: flags.strategy,
        }));
        profile = resolveModelProfile(flags.profile);
        endpoint = endpointFromOptions(flags);
      } catch (error) {
        io.stderr(`error: ${(error as Error).message}`);
        io.setExitCode(2);
        return;
      }
      const started = performance.now();
      const startedAt = new Date();
      const traces =
        flags.traces === undefined ? undefined : createTraceStore(traceStoreTarget(flags.traces));
      const progress = createBenchProgress({ report: (text, kind) => io.progress?.(text, kind) });
      const report = await runBench({
        ...(traces === undefined ? {} : { traces }),
        scenarios,
        strategies,
        conversations,
        injection,
        fleet,
        fleetServices: { postgresUrl: flags.postgres, redisUrl: flags.redis },
        profile,
        speed: flags.speed,
        seed: flags.seed,
        caseConcurrency: flags.caseConcurrency,
        minRuns: flags.minRuns,
        provider: flags.provider,
        full: flags.full === true,
        ...(endpoint === undefined ? {} : { endpoint }),
        onProgress: (event) => progress.onProgress(event),
      }).finally(async () => {
        progress.stop();
        // Awaited: a database store writes its last batch over the network.
        await traces?.close();
      });
      const descriptions = Object.fromEntries(
        [...scenarios, ...conversations.scenarios, ...injection, ...fleet].map((scenario) => [
          scenario.name,
          scenario.description,
        ]),
      );
      io.stdout(formatBenchReport(report, descriptions));
      // Skipped scenarios have nothing to render either.
      const ran = scenarios.filter((scenario) => report.scenarios[scenario.name] !== undefined);
      const toolRendering = await measureToolRendering(ran, {
        speed: flags.speed,
        seed: flags.seed,
      });
      // Only multi-turn scenarios picked: there are no single-query tools to render.
      if (ran.length > 0) io.stdout(`\n${formatToolRendering(toolRendering)}`);
      // The headline last, where a person looks first once the run is over.
      io.stdout(`\n${formatHeadlineTable(report)}`);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      // Injection scenarios alone run only the strategies they define a defence for.
      const injectionStrategies = strategies.filter((strategy) =>
        injection.some((scenario) => scenario.defences[strategy.name] !== undefined),
      ).length;
      io.stdout(
        `\n${describeSelection(ran.length + injection.length + fleet.filter((scenario) => report.scenarios[scenario.name] !== undefined).length, ran.length > 0 ? strategies.length : injectionStrategies, conversations)} in ${seconds} s · profile ${report.profile} · speed ${report.speed} · seed ${report.seed}${endpoint === undefined ? ' · simulated provider over HTTP' : ` · ${endpoint.baseURL}`}`,
      );
      if (report.host !== undefined) {
        const host = formatHostFigures(report.host);
        io.stdout(host.line);
        if (host.warning !== undefined) io.stderr(host.warning);
      }
      for (const [scenario, reason] of Object.entries(report.skipped ?? {})) {
        io.stderr(`warning: scenario ${scenario} was skipped: ${reason}`);
      }
      const transportErrors = Object.values(report.scenarios)
        .flatMap((byStrategy) => Object.values(byStrategy))
        .reduce((sum, figures) => sum + figures.transportErrors, 0);
      if (transportErrors > 0) {
        io.stderr(
          `warning: ${transportErrors} run${transportErrors === 1 ? '' : 's'} ended in a transport error (a reset connection or a provider error): not counted as wrong answers, and left out of the means`,
        );
      }
      if (flags.json !== undefined) {
        await mkdir(dirname(flags.json), { recursive: true });
        await writeFile(flags.json, `${JSON.stringify({ ...report, toolRendering }, null, 2)}\n`);
        io.stdout(`figures written to ${flags.json}`);
      }
      if (flags.report !== undefined) {
        const written = await writeBenchReport({
          directory: flags.report,
          report,
          descriptions,
          generatedAt: startedAt,
        });
        io.stdout(`report written to ${written.index}`);
      }
      const wrong = Object.values(report.scenarios).some((byStrategy) =>
        Object.values(byStrategy).some((figures) => !figures.correct),
      );
      io.setExitCode(wrong ? 1 : 0);
    });
}

/** What was run, for the closing line: each kind of scenario only where some ran. */
function describeSelection(
  scenarios: number,
  strategies: number,
  conversations: { scenarios: readonly unknown[]; strategies: readonly unknown[] },
): string {
  const parts: string[] = [];
  if (scenarios > 0 && strategies > 0)
    parts.push(`${scenarios} scenarios × ${strategies} strategies`);
  if (conversations.scenarios.length > 0 && conversations.strategies.length > 0) {
    parts.push(
      `${conversations.scenarios.length} multi-turn × ${conversations.strategies.length} strategies`,
    );
  }
  return parts.join(', ') || 'nothing';
}
