import type { MultiTurnStrategy } from './strategies/index.js';
import { sumUsage } from 'toolplan/internal';
import { computeRequestCost, type ModelProfile } from '@toolplan/simulator';
import { createToolRegistry, type ToolSource } from 'toolplan/internal';
import type { RunMeasurement, StrategyFigures, TurnFigures } from './bench-figures.js';
import type { RunRecording } from './capture-timeline.js';
import { instrumentTools, type ToolCallRecord } from './instrument-tools.js';
import type { ConversationCase } from './scenarios/conversation-scenario.js';
import { createMeteredModels, type BenchEndpoint } from './create-metered-models.js';
import { isTransportError } from './is-transport-error.js';
import { quantile } from './quantile.js';
import { splitTransportErrors } from './split-transport-errors.js';

/** One turn of one conversation as measured. */
export type TurnOutcome = RunMeasurement;

/** One conversation, every turn in order. */
export interface ConversationOutcome {
  latencyMs: number;
  turns: TurnOutcome[];
  /** A turn broke in transport (see `isTransportError`): the conversation has no answer to judge. */
  transportError: boolean;
  /** The whole conversation's model and tool calls, for the report's timeline. */
  recording?: RunRecording;
}

/**
 * Holds one conversation with a multi-turn strategy: its questions asked one after another, each
 * turn's usage read off the meters as the difference of their totals before and after it (the
 * strategy keeps its models across turns), each answer checked against the expected one. A turn
 * that fails ends the conversation: what later turns would build on is missing; they count as
 * wrong and cost nothing.
 */
export async function runConversation(options: {
  strategy: MultiTurnStrategy;
  conversation: ConversationCase;
  tools: ToolSource;
  endpoint: BenchEndpoint;
  profile: ModelProfile;
}): Promise<ConversationOutcome> {
  const { strategy, conversation, endpoint, profile } = options;
  const origin = performance.now();
  const toolRecords: ToolCallRecord[] = [];
  const tools = instrumentTools(createToolRegistry(options.tools), {
    origin,
    record: (call) => toolRecords.push(call),
  });
  const models = createMeteredModels({ endpoint, origin });
  const meters = models.meters;
  const chat = strategy.start({
    tools,
    model: models.model,
  });
  const turns: TurnOutcome[] = [];
  let broken: string | undefined;
  let transportError = false;
  for (const turn of conversation.turns) {
    if (broken !== undefined) {
      turns.push({ ...emptyTurn(), failure: `${turn.id}: not asked (${broken} failed)` });
      continue;
    }
    const before = sumUsage(...meters.map((meter) => meter.totals()));
    const callsBefore = toolRecords.length;
    const started = performance.now();
    let failure: string | undefined;
    try {
      const { answer } = await chat.ask(turn.query);
      if (answer.trim() !== turn.expectedAnswer.trim()) {
        failure = `${conversation.id}/${turn.id}: answered ${JSON.stringify(answer.slice(0, 200))}, expected ${JSON.stringify(turn.expectedAnswer.slice(0, 200))}`;
      }
    } catch (error) {
      failure = `${conversation.id}/${turn.id}: ${(error as Error).message}`;
      broken = turn.id;
      transportError = isTransportError(error);
    }
    const after = sumUsage(...meters.map((meter) => meter.totals()));
    const usage = {
      llmCalls: after.llmCalls - before.llmCalls,
      inputTokens: after.inputTokens - before.inputTokens,
      cachedInputTokens: after.cachedInputTokens - before.cachedInputTokens,
      outputTokens: after.outputTokens - before.outputTokens,
    };
    turns.push({
      latencyMs: performance.now() - started,
      ...usage,
      costUsd: computeRequestCost(
        {
          promptTokens: usage.inputTokens,
          cachedTokens: usage.cachedInputTokens,
          completionTokens: usage.outputTokens,
        },
        profile,
      ),
      toolCalls: toolRecords.length - callsBefore,
      correct: failure === undefined,
      ...(failure === undefined ? {} : { failure }),
    });
  }
  const latencyMs = performance.now() - origin;
  return {
    latencyMs,
    turns,
    transportError,
    recording: {
      caseId: conversation.id,
      query: conversation.turns.map((turn) => turn.query).join(' ⏎ '),
      wallMs: latencyMs,
      modelCalls: meters.flatMap((meter) => meter.calls()),
      toolCalls: toolRecords,
    },
  };
}

function emptyTurn(): TurnOutcome {
  return {
    latencyMs: 0,
    llmCalls: 0,
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    toolCalls: 0,
    correct: false,
  };
}

/**
 * A multi-turn strategy's figures: the usual ones per conversation (a run is a whole
 * conversation; correct only if every turn was), and the same per turn, means over the runs.
 */
export function summariseConversations(options: {
  outcomes: readonly ConversationOutcome[];
  cases: number;
}): StrategyFigures {
  const { judged, measured: outcomes, transportErrors } = splitTransportErrors(options.outcomes);
  const runs = Math.max(1, outcomes.length);
  const turnCount = Math.max(0, ...outcomes.map((outcome) => outcome.turns.length));
  const perTurn: TurnFigures[] = Array.from({ length: turnCount }, (_, index) => {
    const turns = outcomes.flatMap((outcome) => {
      const turn = outcome.turns[index];
      return turn === undefined ? [] : [turn];
    });
    const mean = (pick: (turn: TurnOutcome) => number) =>
      turns.reduce((sum, turn) => sum + pick(turn), 0) / Math.max(1, turns.length);
    return {
      latencyMs: mean((turn) => turn.latencyMs),
      llmCalls: mean((turn) => turn.llmCalls),
      inputTokens: mean((turn) => turn.inputTokens),
      cachedInputTokens: mean((turn) => turn.cachedInputTokens),
      outputTokens: mean((turn) => turn.outputTokens),
      costUsd: mean((turn) => turn.costUsd),
      toolCalls: mean((turn) => turn.toolCalls),
      correctRuns: turns.filter((turn) => turn.correct).length,
    };
  });
  const total = (pick: (turn: TurnFigures) => number) =>
    perTurn.reduce((sum, turn) => sum + pick(turn), 0);
  const latencies = outcomes
    .map((outcome) => outcome.latencyMs)
    .sort((left, right) => left - right);
  const correctRuns = judged.filter((outcome) =>
    outcome.turns.every((turn) => turn.correct),
  ).length;
  const failures = options.outcomes.flatMap((outcome) =>
    outcome.turns.flatMap((turn) =>
      turn.failure === undefined
        ? []
        : [outcome.transportError ? `(transport) ${turn.failure}` : turn.failure],
    ),
  );
  return {
    latencyMs: latencies.reduce((sum, value) => sum + value, 0) / runs,
    llmCalls: total((turn) => turn.llmCalls),
    inputTokens: total((turn) => turn.inputTokens),
    cachedInputTokens: total((turn) => turn.cachedInputTokens),
    outputTokens: total((turn) => turn.outputTokens),
    costUsd: total((turn) => turn.costUsd),
    toolCalls: total((turn) => turn.toolCalls),
    correct: judged.length > 0 && correctRuns === judged.length,
    cases: options.cases,
    runs: options.outcomes.length,
    correctRuns,
    transportErrors,
    latencyP50Ms: quantile(latencies, 0.5),
    latencyP95Ms: quantile(latencies, 0.95),
    perTurn,
    ...(failures.length === 0 ? {} : { failures: failures.slice(0, 5) }),
  };
}
