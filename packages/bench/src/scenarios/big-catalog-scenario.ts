import {
  checkToolSelection,
  countTokens,
  createToolRegistry,
  DEFAULT_MAX_PROMPT_TOKENS,
  prepareToolSelection,
  renderPlannerPrompt,
  renderSelectedPlannerPrompt,
  selectTools,
} from 'toolplan/internal';
import { planAllToolsStrategy } from '../strategies/plan-strategy.js';
import type { BenchCase, BenchScenario, OpenedScenario } from './bench-scenario.js';
import { buildBfclCatalog } from './bfcl-catalog.js';
import { bfclDataDirectory, loadBfclCases } from './bfcl-data.js';
import { chooseGoldCalls } from './bfcl-gold-calls.js';
import { bfclResult, bfclTool, type BfclExclusion } from './bfcl-scenario.js';
import { bfclAnswerText, buildBfclScript } from './bfcl-script.js';

/**
 * Ends every query of the scenario: the simulated model's script book is keyed by query, and a
 * case whose function is a renamed variant here (`hotel_booking_v2`) is scripted differently from
 * the same query in `bfcl`. A zero-width space changes no word the tool index reads
 * (`toolWords`) and costs the prompt one token.
 */
export const BIG_CATALOG_QUERY_END = '\u200b';

/** The rows of the scenario: the planners that select tools, and `plan` sending them all. */
const SELECTING = ['plan', 'optimized'];

export interface BigCatalogOpenedScenario extends OpenedScenario {
  /** The cases left out (as `bfcl` leaves them out), with the reason for each. */
  excluded: readonly BfclExclusion[];
  /** The catalog: tools, and distinct names in BFCL's data. */
  catalog: { tools: number; names: number; tokens: number };
  /** Per case id: the tools the selecting planners are sent first (as `plan` selects them). */
  selected: ReadonlyMap<string, readonly string[]>;
  toolSelection(strategy: string): { toolRecall: number; promptTokens: number; cases: number };
}

/**
 * **big-catalog** — the tool-selection scenario: every BFCL case (`bfcl`'s 397) planned against
 * one catalog of all BFCL functions — 579 names; a name that cases define with different schemas
 * is a tool per schema (`buildBfclCatalog`), 628 tools in all, 43,940 tokens in the planner's
 * compact form — with the case's gold calls mapped to its own variants. `plan` and `optimized`
 * run with toolplan's defaults, which select the tools each query needs (`toolSelection`); the
 * row `plan-all-tools` sends the whole catalog. The figures of note are each row's
 * `promptTokens` (the first planning prompt as the provider counted it) and `toolRecall` (the
 * share of cases whose gold functions were all sent first, over every case whether or not it ran:
 * selection needs no model call), and the extra rounds in which the planner asked for a tool it
 * was not sent. Tool loops do not run: Chat Completions takes at most 128 tools.
 */
export const bigCatalogScenario = {
  name: 'big-catalog',
  description:
    'every BFCL case planned against one catalog of all 628 BFCL functions (579 names): the tools each query needs are selected',
  readsDataFiles: true,
  toolSelection: true,
  // Measured on this project's 2-core machine: all 397 cases × 3 rows took 273 s with the host
  // starved (plan-all-tools alone counts 44,000-token prompts three times per run: planner,
  // budget, provider); 100 keep the default bench near its time budget. `--full` runs all.
  sample: 100,
  strategies: (picked) => [
    ...picked.filter((strategy) => SELECTING.includes(strategy.name)),
    ...(picked.some((strategy) => strategy.name === 'plan') ? [planAllToolsStrategy] : []),
  ],
  async open(context): Promise<BigCatalogOpenedScenario> {
    const data = await loadBfclCases(bfclDataDirectory());
    const catalog = buildBfclCatalog(data);
    const registry = createToolRegistry(catalog.functions.map((fn) => bfclTool(fn, context)));
    const cases: BenchCase[] = [];
    const excluded: BfclExclusion[] = [];
    for (const bfclCase of data) {
      // The gold calls are chosen against the case's own functions, as `bfcl` chooses them.
      const own = createToolRegistry(bfclCase.functions.map((fn) => bfclTool(fn, context)));
      const choice = chooseGoldCalls(own, bfclCase.groundTruth);
      if (!choice.ok) {
        excluded.push({ id: bfclCase.id, reason: choice.reason });
        continue;
      }
      const names = catalog.names.get(bfclCase.id);
      const calls = choice.calls.map((call) => ({
        tool: names?.get(call.tool) ?? call.tool,
        args: call.args,
      }));
      const { loop, plan, joinAnswer } = buildBfclScript(calls);
      const query = `${bfclCase.query}${BIG_CATALOG_QUERY_END}`;
      cases.push({
        id: bfclCase.id,
        query,
        script: { name: `big-catalog/${bfclCase.id}`, query, loop, plan: { ...plan }, joinAnswer },
        expectedAnswer: bfclAnswerText(
          calls.map((call) => bfclResult(call.tool, call.args).result),
        ),
        expectedCalls: calls,
      });
    }
    // What the selecting rows send first, as their planner selects it (toolplan's defaults and
    // default prompt budget), for every case.
    const selection = prepareToolSelection({
      tools: registry,
      settings: checkToolSelection(undefined, registry),
      maxPromptTokens: DEFAULT_MAX_PROMPT_TOKENS,
    });
    if (selection === undefined)
      throw new TypeError('The BFCL catalog is within the selection limits.');
    const selected = new Map(
      cases.map((benchCase) => [
        benchCase.id,
        selectTools({
          index: selection.index,
          query: benchCase.query,
          maxTokens: selection.maxTokens,
          maxTools: selection.maxTools,
          always: selection.always,
        }).names,
      ]),
    );
    const recalled = cases.filter((benchCase) =>
      (benchCase.expectedCalls ?? []).every((call) =>
        selected.get(benchCase.id)?.includes(call.tool),
      ),
    ).length;
    // Each case's first planning prompt, system and query, as the planner writes it.
    const queryTokens = cases.reduce((sum, { query }) => sum + countTokens(query), 0);
    const selectedTokens = cases.reduce(
      (sum, { id }) =>
        sum +
        countTokens(
          renderSelectedPlannerPrompt(
            (selected.get(id) ?? []).map((name) => selection.index.signature(name)),
          ),
        ),
      0,
    );
    const wholeTokens = countTokens(renderPlannerPrompt(registry)) * cases.length;
    return {
      cases,
      excluded,
      catalog: {
        tools: registry.size,
        names: catalog.distinctNames,
        tokens: selection.index.totalTokens,
      },
      selected,
      toolsFor: () => registry,
      toolSelection: (strategy) => {
        const selecting = SELECTING.includes(strategy);
        return {
          toolRecall: selecting ? recalled / cases.length : 1,
          promptTokens: ((selecting ? selectedTokens : wholeTokens) + queryTokens) / cases.length,
          cases: cases.length,
        };
      },
      close() {},
    };
  },
} satisfies BenchScenario;
