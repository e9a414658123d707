import { Command } from 'commander';
import { formatIssuePath, PlanValidationError, validatePlan } from '../plan/index.js';
import { executePlan } from '../runtime/index.js';
import { EXIT } from './exit-codes.js';
import { formatRunSummary } from './format-run-summary.js';
import { loadToolsModule } from './load-tools-module.js';
import { parsePlanFile } from './parse-plan-file.js';
import { readInputFile } from './read-input-file.js';
import { toRunResultJson } from './run-result-json.js';
import { positiveInteger } from './option-parsers.js';

export { EXIT } from './exit-codes.js';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  setExitCode: (code: number) => void;
}

export function execCommand(io: CommandIo): Command {
  return new Command('exec')
    .description('Execute a plan (JSON) with the tools of an ES module')
    .argument(
      '<plan>',
      'the plan file (JSON; a ```json fence or the seed "parallel_groups" form is accepted)',
    )
    .requiredOption(
      '--tools <module>',
      'ES module whose default export is an array or record of tools',
    )
    .option('--json', 'print exactly one JSON object on stdout')
    .option('--max-concurrency <n>', 'most tool calls running at once', positiveInteger)
    .option('--timeout <ms>', 'time-out for tools that declare none', positiveInteger)
    .action(
      async (
        planPath: string,
        options: { tools: string; json?: boolean; maxConcurrency?: number; timeout?: number },
      ) => {
        const value = parsePlanFile(planPath, await readInputFile(planPath, 'the plan file'));
        const tools = await loadToolsModule(options.tools);
        let plan;
        try {
          plan = validatePlan(value, { tools });
        } catch (error) {
          if (!(error instanceof PlanValidationError)) throw error;
          // One line per issue, with its code, for the person fixing the file.
          const count = error.issues.length;
          io.stderr(
            `error: ${planPath}: the plan is invalid (${count} issue${count === 1 ? '' : 's'}):`,
          );
          for (const issue of error.issues)
            io.stderr(`  ${issue.code} at ${formatIssuePath(issue.path)}: ${issue.message}`);
          io.setExitCode(EXIT.invalidInput);
          return;
        }
        const result = await executePlan(plan, tools, {
          ...(options.maxConcurrency === undefined
            ? {}
            : { maxConcurrency: options.maxConcurrency }),
          ...(options.timeout === undefined ? {} : { defaultTimeoutMs: options.timeout }),
        });
        io.stdout(
          options.json === true
            ? JSON.stringify(toRunResultJson(result))
            : formatRunSummary(result),
        );
        io.setExitCode(result.status === 'ok' ? EXIT.ok : EXIT.stepFailed);
      },
    );
}
