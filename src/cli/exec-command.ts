import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import {
  formatIssuePath,
  parsePlanText,
  PlanParseError,
  PlanValidationError,
  validatePlan,
} from '../plan/index.js';
import { executePlan } from '../runtime/index.js';
import { formatRunSummary } from './format-run-summary.js';
import { loadToolsModule, ToolsModuleError } from './load-tools-module.js';
import { toRunResultJson } from './run-result-json.js';
import { positiveInteger } from './option-parsers.js';

/** Exit codes of `toolplan exec`: a contract for scripts. */
export const EXIT = { ok: 0, stepFailed: 1, invalidInput: 2 } as const;

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
        let text: string;
        try {
          text = await readFile(planPath, 'utf8');
        } catch (cause) {
          io.stderr(
            `error: cannot read the plan file \`${planPath}\`: ${(cause as Error).message}`,
          );
          io.setExitCode(EXIT.invalidInput);
          return;
        }
        try {
          const tools = await loadToolsModule(options.tools);
          const plan = validatePlan(parsePlanText(text), { tools });
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
        } catch (error) {
          if (error instanceof PlanValidationError) {
            io.stderr(
              `error: the plan is invalid (${error.issues.length} issue${error.issues.length === 1 ? '' : 's'}):`,
            );
            for (const issue of error.issues)
              io.stderr(`  ${issue.code} at ${formatIssuePath(issue.path)}: ${issue.message}`);
          } else if (error instanceof PlanParseError || error instanceof ToolsModuleError) {
            io.stderr(`error: ${error.message}`);
          } else throw error;
          io.setExitCode(EXIT.invalidInput);
        }
      },
    );
}
