import { Command } from 'commander';
import {
  createTraceStore,
  DEFAULT_TRACE_DB_PATH,
  formatToolSequence,
  mineChains,
  traceStoreTarget,
  writeChainFile,
  type ChainDefinition,
  type MinedChains,
  type TraceRun,
} from '../trace/index.js';
import type { ChainStanding } from '../agent/index.js';
import type { CommandIo } from './exec-command.js';
import { loadChainFolder } from './load-chain-folder.js';
import { nonNegativeInteger, positiveInteger } from './option-parsers.js';
import { traceLogMayExist } from './trace-log-may-exist.js';
import { weighChainsOnTraceLog } from './weigh-chains-on-trace-log.js';

/** Where mined chains are written and kept chains are read when no folder is given. */
export const DEFAULT_CHAINS_DIR = '.toolplan/chains';

// The whole log is mined: a frequent shape is only frequent against everything else.
const ALL_RUNS = Number.MAX_SAFE_INTEGER;

/** `toolplan chains`: mine the trace log for frequent plan shapes, and list chain files. */
export function chainsCommand(io: CommandIo): Command {
  const chains = new Command('chains').description(
    'Mine the trace log for frequent plan shapes and manage the chain files they become',
  );
  chains
    .command('mine')
    .description('Propose chain templates from the frequent plans in the trace log')
    .option(
      '--traces <file-or-url>',
      'the trace log: a SQLite file, or a postgres:// URL',
      DEFAULT_TRACE_DB_PATH,
    )
    .option('--min-support <n>', 'fewest runs a shape needs to be proposed', positiveInteger, 3)
    .option('--out <dir>', 'where the proposals are written, one file each', DEFAULT_CHAINS_DIR)
    .option('--json', 'print exactly one JSON object on stdout: { proposals, files, … }')
    .action(
      async (options: { traces: string; minSupport: number; out: string; json?: boolean }) => {
        if (!traceLogMayExist(options.traces)) {
          io.stderr(
            `error: no trace log at ${options.traces}; record runs first (toolplan bench --traces).`,
          );
          io.setExitCode(2);
          return;
        }
        let runs: TraceRun[];
        const store = createTraceStore(traceStoreTarget(options.traces));
        try {
          runs = await store.listRuns({ limit: ALL_RUNS });
        } finally {
          await store.close();
        }
        const mined = mineChains(runs, { minSupport: options.minSupport });
        const files: string[] = [];
        for (const proposal of mined.proposals)
          files.push(await writeChainFile(options.out, proposal));
        io.stdout(
          options.json === true
            ? JSON.stringify({ ...mined, files })
            : formatMined(mined, options.out),
        );
      },
    );
  chains
    .command('list')
    .description(
      'List the chain files: kept by a developer (trusted as written), or proposed — in shadow until they agree with the planner, then promoted',
    )
    .option('--dir <dir>', 'the folder of chain files', DEFAULT_CHAINS_DIR)
    .option(
      '--traces <file-or-url>',
      'the trace log (a SQLite file, or a postgres:// URL) whose planner runs promote proposed chains',
      DEFAULT_TRACE_DB_PATH,
    )
    .option(
      '--promote-after <n>',
      'agreements in a row a proposed chain needs to answer alone',
      nonNegativeInteger,
      3,
    )
    .option(
      '--json',
      'print exactly one JSON object on stdout: { chains } (each with its standing)',
    )
    .action(
      async (options: { dir: string; traces: string; promoteAfter: number; json?: boolean }) => {
        const loaded = await loadChainFolder(options.dir);
        const standing = await weighChainsOnTraceLog({
          chains: loaded,
          traces: options.traces,
          promoteAfter: options.promoteAfter,
        });
        io.stdout(
          options.json === true
            ? JSON.stringify({
                chains: loaded.map((chain, index) => ({ ...chain, standing: standing[index] })),
              })
            : formatList(loaded, standing, options.dir),
        );
      },
    );
  return chains;
}

function formatMined(mined: MinedChains, out: string): string {
  if (mined.proposals.length === 0) {
    return `No plan shape recurs often enough in ${mined.totalRuns} runs; nothing proposed.`;
  }
  const rows = [['name', 'support', 'share', 'cumulative', 'tools', 'example']];
  let cumulative = 0;
  for (const proposal of mined.proposals) {
    const share = proposal.coverage ?? 0;
    cumulative += share;
    rows.push([
      proposal.name,
      String(proposal.support ?? 0),
      percent(share),
      percent(cumulative),
      formatToolSequence(proposal.plan.steps.map((step) => step.tool)),
      truncate(proposal.examples?.[0] ?? '', 60),
    ]);
  }
  return [
    `${mined.proposals.length} proposal${mined.proposals.length === 1 ? '' : 's'} covering ${percent(mined.coverage)} of ${mined.totalRuns} runs, written to ${out} (kept: false — review each file and set "kept": true to keep it).`,
    '',
    ...table(rows),
  ].join('\n');
}

function formatList(
  chains: readonly ChainDefinition[],
  standing: readonly ChainStanding[],
  dir: string,
): string {
  if (chains.length === 0) return `No chain files in ${dir}.`;
  const rows = [['name', 'status', 'standing', 'origin', 'support', 'tools']];
  for (const [index, chain] of chains.entries()) {
    rows.push([
      chain.name,
      chain.kept ? 'kept' : 'proposed',
      describeStanding(standing[index]),
      chain.origin,
      chain.support === undefined ? '' : String(chain.support),
      formatToolSequence(chain.plan.steps.map((step) => step.tool)),
    ]);
  }
  return table(rows).join('\n');
}

/** `trusted`, `promoted (5 agreed)`, `shadow 1/3 (2 disagreed)`. */
function describeStanding(standing: ChainStanding | undefined): string {
  if (standing === undefined || standing.state === 'trusted') return 'trusted';
  const disagreed = standing.disagreements === 0 ? '' : ` (${standing.disagreements} disagreed)`;
  if (standing.state === 'promoted') return `promoted${disagreed}`;
  return `shadow ${standing.agreements}/${standing.promoteAfter}${disagreed}`;
}

function table(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function truncate(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
