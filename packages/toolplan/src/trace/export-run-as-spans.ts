import { createRequire } from 'node:module';
import type * as OpenTelemetry from '@opentelemetry/api';
import type { Attributes, Context, Span, Tracer } from '@opentelemetry/api';
import type { TraceRun } from './trace-record.js';

export interface ExportRunAsSpansOptions {
  /**
   * The context the run's span is a child of.
   * @default the active context
   */
  parent?: Context;
  /**
   * `gen_ai.agent.name` of the run's span (its name is `invoke_agent {agentName}`).
   * @default 'toolplan'
   */
  agentName?: string;
}

/**
 * Replays a recorded run as OpenTelemetry spans, following the GenAI semantic conventions: one
 * `invoke_agent` span for the run with the model usage, and one `execute_tool {name}` child span
 * per tool call, at the times recorded. Spans are made after the fact (explicit start and end
 * times), so exporting never touches the run's own hot path. Returns the run's span (ended).
 */
export function exportRunAsSpans(
  run: TraceRun,
  tracer: Tracer,
  options: ExportRunAsSpansOptions = {},
): Span {
  const { context: otelContext, SpanKind, SpanStatusCode, trace } = loadOpenTelemetry();
  const agentName = options.agentName ?? 'toolplan';
  const origin = Date.parse(run.startedAt);
  const attributes: Attributes = {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': agentName,
    'toolplan.run_id': run.runId,
    'toolplan.strategy': run.strategy,
    'toolplan.status': run.status,
  };
  if (run.usage !== undefined) {
    attributes['gen_ai.usage.input_tokens'] = run.usage.inputTokens;
    attributes['gen_ai.usage.output_tokens'] = run.usage.outputTokens;
    attributes['gen_ai.usage.cache_read.input_tokens'] = run.usage.cachedInputTokens;
    attributes['toolplan.llm_calls'] = run.usage.llmCalls;
  }
  const runSpan = tracer.startSpan(
    `invoke_agent ${agentName}`,
    { kind: SpanKind.INTERNAL, startTime: origin, attributes },
    options.parent ?? otelContext.active(),
  );
  const inRun = trace.setSpan(options.parent ?? otelContext.active(), runSpan);
  for (const step of run.steps) {
    const span = tracer.startSpan(
      `execute_tool ${step.tool}`,
      {
        kind: SpanKind.INTERNAL,
        startTime: origin + step.startMs,
        attributes: {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': step.tool,
          'gen_ai.tool.call.id': step.stepId,
          'gen_ai.tool.type': 'function',
          'toolplan.step.status': step.status,
          'toolplan.step.attempts': step.attempts,
        },
      },
      inRun,
    );
    if (step.status !== 'ok') {
      span.setAttribute('error.type', errorType(step.error) ?? step.status);
      span.setStatus({ code: SpanStatusCode.ERROR, message: step.error ?? step.status });
    }
    span.end(origin + step.endMs);
  }
  if (run.status !== 'ok') {
    runSpan.setAttribute('error.type', errorType(run.error) ?? 'step_failed');
    runSpan.setStatus({ code: SpanStatusCode.ERROR, message: run.error ?? 'a step failed' });
  }
  runSpan.end(origin + run.wallMs);
  return runSpan;
}

// Errors are recorded as `Name: message`; the name is the stable, low-cardinality part.
function errorType(error: string | undefined): string | undefined {
  if (error === undefined) return undefined;
  const match = /^([A-Za-z_$][\w$]*):/.exec(error);
  return match?.[1];
}

const require = createRequire(import.meta.url);

/**
 * The OpenTelemetry API, loaded when a run is first exported rather than when toolplan is
 * imported (start-up time). Its two builds share one global registry (a global symbol), so the
 * tracer provider a program registered is the one used here.
 */
function loadOpenTelemetry(): typeof OpenTelemetry {
  return require('@opentelemetry/api') as typeof OpenTelemetry;
}
