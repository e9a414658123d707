import { formatTextTable } from './format-text-table.js';
import type { BenchReport, StrategyFigures } from './bench-figures.js';
import { formatInjectionTable } from './format-injection-table.js';
import { formatFleetTable } from './format-fleet-table.js';

/** The strategies every other one is compared with. */
export const BASELINES = ['loop-sequential', 'loop-parallel'] as const;

/** The multi-turn strategy the others' input tokens are compared with. */
export const MULTI_TURN_BASELINE = 'loop-full-history';

/**
 * The bench report as text: per scenario, one row per strategy with every figure, then each
 * strategy's speed-up and cost cut against each baseline (baseline ÷ strategy: above 1 means
 * faster or cheaper than the baseline).
 */
export function formatBenchReport(
  report: BenchReport,
  descriptions: Record<string, string> = {},
): string {
  const blocks: string[] = [];
  for (const [scenario, byStrategy] of Object.entries(report.scenarios)) {
    const entries = Object.entries(byStrategy);
    const first = entries[0]?.[1];
    const cases = first?.cases ?? 0;
    const runs = first?.runs ?? 0;
    const perCase =
      runs === cases
        ? ` · ${cases} case${cases === 1 ? '' : 's'}${cases > 1 ? ', figures are means per case' : ''}`
        : runs < cases
          ? ` · ${cases} cases, figures are means per run (${first?.stream === undefined ? 'a sample' : "the stream's head"} for strategies with fewer runs)`
          : ` · ${cases} case${cases === 1 ? '' : 's'} run ${runs} times, figures are means per run`;
    const lines = [
      `${scenario}${descriptions[scenario] === undefined ? '' : ` — ${descriptions[scenario]}`}`,
    ];
    lines.push(`profile ${report.profile}${perCase}`);
    lines.push(
      formatTextTable(
        [
          'strategy',
          'latency',
          'p95',
          'LLM calls',
          'input tok',
          'cached',
          'output tok',
          'cost',
          'tool calls',
          'correct',
        ],
        entries.map(([name, figures]) => [
          name,
          milliseconds(figures.latencyMs),
          milliseconds(figures.latencyP95Ms),
          number(figures.llmCalls),
          number(figures.inputTokens),
          number(figures.cachedInputTokens),
          number(figures.outputTokens),
          `$${figures.costUsd.toFixed(5)}`,
          number(figures.toolCalls),
          correctness(figures),
        ]),
      ),
    );
    const baselines = BASELINES.filter((baseline) => byStrategy[baseline] !== undefined);
    if (baselines.length > 0) {
      lines.push('');
      lines.push('ratio to baseline (baseline ÷ strategy; > 1 is faster / cheaper)');
      lines.push(
        formatTextTable(
          [
            'strategy',
            ...baselines.flatMap((baseline) => [`latency vs ${baseline}`, `cost vs ${baseline}`]),
          ],
          entries.map(([name, figures]) => [
            name,
            ...baselines.flatMap((baseline) => {
              const base = byStrategy[baseline] as StrategyFigures;
              return [
                ratio(base.latencyMs, figures.latencyMs),
                ratio(base.costUsd, figures.costUsd),
              ];
            }),
          ]),
        ),
      );
    }
    const planned = entries.filter(([, figures]) => figures.lowerBoundMs !== undefined);
    if (planned.length > 0) {
      lines.push('');
      lines.push(
        "planning strategies — lower bound: plan-nostream, the plan at the decode rate then the tools' critical path;",
      );
      lines.push(
        "plan (streaming), each step from the moment its JSON closed along the DAG; 'with whole plan' also waits for the plan's last token;",
      );
      lines.push(
        "planner tokens: its calls' input and output as measured; 'as JSON': the output tokens of the same plans written as canonical JSON",
      );
      lines.push(
        formatTextTable(
          [
            'strategy',
            'lower bound',
            'latency ÷ bound',
            'bound with whole plan',
            'latency ÷ that',
            'output tok / tool call',
            'prompt tok',
            'planner in tok',
            'planner out tok',
            'as JSON',
          ],
          planned.map(([name, figures]) => [
            name,
            milliseconds(figures.lowerBoundMs as number),
            `${(figures.latencyMs / (figures.lowerBoundMs as number)).toFixed(2)}×`,
            figures.completePlanBoundMs === undefined
              ? '–'
              : milliseconds(figures.completePlanBoundMs),
            figures.completePlanBoundMs === undefined
              ? '–'
              : `${(figures.latencyMs / figures.completePlanBoundMs).toFixed(2)}×`,
            figures.toolCalls === 0 ? '–' : number(figures.outputTokens / figures.toolCalls),
            figures.promptTokens === undefined ? '–' : number(figures.promptTokens),
            figures.plannerInputTokens === undefined ? '–' : number(figures.plannerInputTokens),
            figures.plannerOutputTokens === undefined ? '–' : number(figures.plannerOutputTokens),
            figures.canonicalPlanTokens === undefined ? '–' : number(figures.canonicalPlanTokens),
          ]),
        ),
      );
    }
    lines.push(...formatToolSelection(byStrategy));
    lines.push(...formatTurns(byStrategy));
    lines.push(...formatStream(byStrategy));
    lines.push(...formatSpeculation(byStrategy));
    lines.push(...formatInjectionTable(byStrategy));
    lines.push(...formatFleetTable(byStrategy));
    for (const [name, figures] of entries) {
      for (const failure of figures.failures ?? []) lines.push(`  ✗ ${name}: ${failure}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/**
 * Multi-turn scenarios: input tokens turn by turn, the tool calls made so far, and how far below
 * `loop-full-history` each strategy's input is, per turn and over the conversation.
 */
function formatTurns(byStrategy: Record<string, StrategyFigures>): string[] {
  const entries = Object.entries(byStrategy).filter(([, figures]) => figures.perTurn !== undefined);
  if (entries.length === 0) return [];
  const turns = Math.max(...entries.map(([, figures]) => (figures.perTurn ?? []).length));
  const numbers = Array.from({ length: turns }, (_, index) => `turn ${index + 1}`);
  const base = byStrategy[MULTI_TURN_BASELINE]?.perTurn;
  const lines = ['', 'input tokens per turn (all model calls of the turn, cached included)'];
  lines.push(
    formatTextTable(
      ['strategy', ...numbers, 'total', 'cost', 'correct turns'],
      entries.map(([name, figures]) => {
        const perTurn = figures.perTurn ?? [];
        return [
          name,
          ...numbers.map((_, index) => {
            const turn = perTurn[index];
            return turn === undefined ? '–' : number(Math.round(turn.inputTokens));
          }),
          number(Math.round(figures.inputTokens)),
          `$${figures.costUsd.toFixed(5)}`,
          perTurn
            .map((turn) =>
              turn.correctRuns === figures.runs ? '✓' : `${turn.correctRuns}/${figures.runs}`,
            )
            .join(' '),
        ];
      }),
    ),
  );
  if (base !== undefined) {
    let calls = 0;
    const callsSoFar = base.map((turn) => (calls += turn.toolCalls));
    const baseTotal = byStrategy[MULTI_TURN_BASELINE]?.inputTokens ?? 0;
    lines.push('');
    lines.push(
      `fewer input tokens than ${MULTI_TURN_BASELINE} (1 − strategy ÷ baseline), per turn and in total`,
    );
    lines.push(
      formatTextTable(
        ['strategy', ...numbers, 'total'],
        [
          [
            `(tool calls so far, ${MULTI_TURN_BASELINE})`,
            ...numbers.map((_, index) => number(callsSoFar[index] ?? 0)),
            '',
          ],
          ...entries
            .filter(([name]) => name !== MULTI_TURN_BASELINE)
            .map(([name, figures]) => [
              name,
              ...numbers.map((_, index) =>
                reduction(
                  base[index]?.inputTokens ?? 0,
                  figures.perTurn?.[index]?.inputTokens ?? 0,
                ),
              ),
              reduction(baseTotal, figures.inputTokens),
            ]),
        ],
      ),
    );
  }
  return lines;
}

/**
 * Stream scenarios: how much of the repeated traffic was answered without a model call after the
 * warm-up, what the whole stream cost, what the compiled path costs beyond its tools, and each
 * request kind against the sequential loop.
 */
function formatStream(byStrategy: Record<string, StrategyFigures>): string[] {
  const entries = Object.entries(byStrategy).filter(([, figures]) => figures.stream !== undefined);
  const first = entries[0]?.[1].stream;
  if (first === undefined) return [];
  const lines = [
    '',
    `as traffic — after the first ${first.warmUp} queries (warm-up): share of the repeated kinds answered right with 0 LLM calls; the whole stream's cost; compiled path's time beyond its tools' critical path`,
    formatTextTable(
      [
        'strategy',
        '0-LLM share',
        '0-LLM (all)',
        'latency',
        'p95',
        'total cost',
        'compiled runs',
        'overhead',
      ],
      entries.map(([name, figures]) => {
        const stream = figures.stream as NonNullable<StrategyFigures['stream']>;
        return [
          name,
          percent(stream.zeroModelCallShare),
          percent(stream.zeroModelCallShareAll),
          milliseconds(figures.latencyMs),
          milliseconds(figures.latencyP95Ms),
          `$${stream.totalCostUsd.toFixed(4)}`,
          stream.compiledRuns === undefined ? '–' : number(stream.compiledRuns),
          stream.compiledOverheadMs === undefined
            ? '–'
            : `${stream.compiledOverheadMs.toFixed(2)} ms`,
        ];
      }),
    ),
  ];
  lines.push(...formatLearnedMisfits(entries));
  const versus = byStrategy['optimized']?.stream?.versusParts;
  if (versus !== undefined) {
    const cost =
      versus.cheaperParts.length === 0
        ? 'no part is cheaper (by more than 0.1%)'
        : `cheaper: ${versus.cheaperParts.join(', ')}`;
    lines.push(
      '',
      `optimized against its parts (${versus.parts.join(', ')}), after warm-up: ${milliseconds(versus.latencyMs)} vs ${milliseconds(versus.bestPartLatencyMs)} for the fastest part (${versus.bestPart}): ${percent(versus.fasterBy)} faster; ${cost}`,
    );
  }
  const base = byStrategy[BASELINES[0]]?.stream;
  for (const kind of Object.keys(first.perKind)) {
    lines.push('');
    lines.push(`kind ${kind} (after warm-up; ratios are ${BASELINES[0]} ÷ strategy)`);
    lines.push(
      formatTextTable(
        [
          'strategy',
          'runs',
          'latency',
          'p95',
          'LLM calls',
          'cost',
          '0-LLM',
          'latency ×',
          'cost ×',
          'correct',
        ],
        entries.map(([name, figures]) => {
          const own = figures.stream?.perKind[kind];
          const baseline = base?.perKind[kind];
          if (own === undefined) return [name, '–'];
          return [
            name,
            number(own.runs),
            milliseconds(own.latencyMs),
            milliseconds(own.latencyP95Ms),
            number(own.llmCalls),
            `$${own.costUsd.toFixed(5)}`,
            percent(own.zeroModelCallShare),
            baseline === undefined ? '–' : ratio(baseline.latencyMs, own.latencyMs),
            baseline === undefined ? '–' : ratio(baseline.costUsd, own.costUsd),
            `${own.correctRuns}/${own.runs}`,
          ];
        }),
      ),
    );
  }
  return lines;
}

/**
 * Stream scenarios whose learners can misapply what they learned (`near-miss`): per strategy, the
 * answers made without a model call that were wrong, the tool calls wasted on learned plans that
 * did not fit, and the share of runs right; then the wrong zero-call answers per request kind.
 */
function formatLearnedMisfits(entries: ReadonlyArray<[string, StrategyFigures]>): string[] {
  const counted = entries.filter(([, figures]) => figures.stream?.zeroCallWrong !== undefined);
  const kinds = Object.keys(counted[0]?.[1].stream?.perKind ?? {});
  if (counted.length === 0) return [];
  return [
    '',
    'learned plans that did not fit — over the runs made: answers with 0 LLM calls that were wrong; tool calls wasted on such runs and on compiled plans that failed before the planner; runs right',
    formatTextTable(
      ['strategy', 'runs', '0-LLM share', '0-LLM wrong', 'wasted tool calls', 'correct'],
      counted.map(([name, figures]) => {
        const stream = figures.stream as NonNullable<StrategyFigures['stream']>;
        return [
          name,
          number(figures.runs),
          percent(stream.zeroModelCallShare),
          number(stream.zeroCallWrong ?? 0),
          number(stream.wastedToolCalls ?? 0),
          `${figures.correctRuns}/${figures.runs} (${percent(figures.correctRuns / Math.max(1, figures.runs))})`,
        ];
      }),
    ),
    '',
    'answers with 0 LLM calls that were wrong, per kind (after warm-up)',
    formatTextTable(
      ['kind', ...counted.map(([name]) => name)],
      kinds.map((kind) => [
        kind,
        ...counted.map(([, figures]) => {
          const own = figures.stream?.perKind[kind];
          return own === undefined ? '–' : `${number(own.zeroCallWrong ?? 0)}/${number(own.runs)}`;
        }),
      ]),
    ),
  ];
}

/**
 * Tool-selection scenarios (`big-catalog`): each row's first planning prompt against the row that
 * sends every tool, the share of cases whose tools were all sent first, and the extra rounds.
 */
function formatToolSelection(byStrategy: Record<string, StrategyFigures>): string[] {
  const entries = Object.entries(byStrategy).filter(
    ([, figures]) => figures.toolSelection !== undefined,
  );
  if (entries.length === 0) return [];
  const whole = byStrategy['plan-all-tools']?.promptTokens;
  const first = entries[0]?.[1].toolSelection as NonNullable<StrategyFigures['toolSelection']>;
  return [
    '',
    `tool selection — over all ${first.cases} cases: prompt, the first planning prompt (system and query, o200k); tool recall, cases whose gold functions were all sent in it. Over the ${first.runs} runs: the same, the prompt as the provider counted it, and the runs in which the planner asked for a tool it was not sent`,
    formatTextTable(
      [
        'strategy',
        'prompt tok',
        'vs all tools',
        'tool recall',
        'runs: prompt tok',
        'tools sent',
        'tool recall',
        'extra rounds',
        'latency',
        'correct',
      ],
      entries.map(([name, figures]) => {
        const selection = figures.toolSelection as NonNullable<StrategyFigures['toolSelection']>;
        return [
          name,
          figures.promptTokens === undefined ? '–' : number(figures.promptTokens),
          whole === undefined || figures.promptTokens === undefined
            ? '–'
            : percent(figures.promptTokens / whole),
          figures.toolRecall === undefined ? '–' : percent(figures.toolRecall),
          number(selection.promptTokensRuns),
          number(selection.toolsSent),
          percent(selection.toolRecallRuns),
          `${selection.extraRounds} (${percent(selection.extraRoundShare)})`,
          milliseconds(figures.latencyMs),
          correctness(figures),
        ];
      }),
    ),
  ];
}

/**
 * Speculating strategies: what their guesses did, and their latency against `plan` (the same
 * planner without speculation). Tool calls include the wasted speculative ones.
 */
function formatSpeculation(byStrategy: Record<string, StrategyFigures>): string[] {
  const entries = Object.entries(byStrategy).filter(
    ([, figures]) => figures.speculation !== undefined,
  );
  if (entries.length === 0) return [];
  const plan = byStrategy['plan'];
  return [
    '',
    "predictive execution — guesses started at time zero; lower bound: the later of the complete plan and the tools' critical path from time zero",
    formatTextTable(
      [
        'strategy',
        'guesses',
        'started',
        'hit rate',
        'joined',
        'wasted',
        'tool calls',
        'saved / run',
        'latency vs plan',
        'cost',
      ],
      entries.map(([name, figures]) => {
        const speculation = figures.speculation as NonNullable<StrategyFigures['speculation']>;
        return [
          name,
          number(speculation.proposals),
          number(speculation.started),
          speculation.started === 0 ? '–' : percent(speculation.hitRate),
          number(speculation.joins),
          number(speculation.wasted),
          number(figures.toolCalls),
          milliseconds(speculation.savedMs),
          plan === undefined ? '–' : reduction(plan.latencyMs, figures.latencyMs),
          `$${figures.costUsd.toFixed(5)}`,
        ];
      }),
    ),
  ];
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function reduction(base: number, value: number): string {
  if (base === 0) return '–';
  return `${((1 - value / base) * 100).toFixed(1)}%`;
}

function milliseconds(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

function number(value: number): string {
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function ratio(base: number, value: number): string {
  if (value === 0) return base === 0 ? '1.00×' : '∞';
  return `${(base / value).toFixed(2)}×`;
}

function correctness(figures: StrategyFigures): string {
  if (figures.runs === 1) return figures.correct ? 'yes' : 'NO';
  return `${figures.correctRuns}/${figures.runs}`;
}
