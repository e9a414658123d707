import {
  context as otelContext,
  SpanStatusCode,
  trace,
  type Attributes,
  type AttributeValue,
  type Context,
  type Span,
  type SpanContext,
  type SpanOptions,
  type SpanStatus,
  type TimeInput,
  type Tracer,
} from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { exportRunAsSpans } from './export-run-as-spans.js';
import { sampleRun } from './trace-store.contract.test-utils.js';

interface FinishedSpan {
  name: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Attributes;
  startTime: TimeInput | undefined;
  endTime: TimeInput | undefined;
  status: SpanStatus;
}

// The few lines of a tracer the API needs, so the test adds no SDK dependency.
function createMemoryTracer(): { tracer: Tracer; spans: FinishedSpan[] } {
  const spans: FinishedSpan[] = [];
  let next = 0;
  const tracer: Tracer = {
    startSpan(name: string, options: SpanOptions = {}, context?: Context): Span {
      const parent = trace.getSpan(context ?? otelContext.active())?.spanContext();
      const spanContext: SpanContext = {
        traceId: parent?.traceId ?? '0af7651916cd43dd8448eb211c80319c',
        spanId: (next += 1).toString(16).padStart(16, '0'),
        traceFlags: 1,
      };
      const record: FinishedSpan = {
        name,
        spanId: spanContext.spanId,
        parentSpanId: parent?.spanId,
        attributes: { ...options.attributes },
        startTime: options.startTime,
        endTime: undefined,
        status: { code: SpanStatusCode.UNSET },
      };
      const span: Span = {
        spanContext: () => spanContext,
        setAttribute(key: string, value: AttributeValue) {
          record.attributes[key] = value;
          return span;
        },
        setAttributes(attributes: Attributes) {
          Object.assign(record.attributes, attributes);
          return span;
        },
        addEvent: () => span,
        addLink: () => span,
        addLinks: () => span,
        setStatus(status: SpanStatus) {
          record.status = status;
          return span;
        },
        updateName(newName: string) {
          record.name = newName;
          return span;
        },
        end(endTime?: TimeInput) {
          record.endTime = endTime;
          spans.push(record);
        },
        isRecording: () => record.endTime === undefined,
        recordException: () => undefined,
      };
      return span;
    },
    startActiveSpan: (() => {
      throw new Error('not used');
    }) as Tracer['startActiveSpan'],
  };
  return { tracer, spans };
}

describe('exportRunAsSpans', () => {
  it('makes an invoke_agent span with usage and an execute_tool child per call, at the recorded times', () => {
    const { tracer, spans } = createMemoryTracer();
    const run = sampleRun(3);
    exportRunAsSpans(run, tracer);
    const origin = Date.parse(run.startedAt);
    const root = spans.find((span) => span.name === 'invoke_agent toolplan');
    expect(root).toMatchObject({
      parentSpanId: undefined,
      startTime: origin,
      endTime: origin + 120,
      attributes: {
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.usage.input_tokens': 500,
        'gen_ai.usage.output_tokens': 40,
        'gen_ai.usage.cache_read.input_tokens': 100,
        'toolplan.run_id': 'run-3',
        'toolplan.strategy': 'plan',
      },
    });
    const tools = spans.filter((span) => span.name.startsWith('execute_tool '));
    expect(tools.map((span) => span.name)).toEqual([
      'execute_tool get_user',
      'execute_tool get_preferences',
      'execute_tool get_recent_orders',
    ]);
    expect(tools[1]).toMatchObject({
      parentSpanId: root?.spanId,
      startTime: origin + 10,
      endTime: origin + 30,
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'get_preferences',
        'gen_ai.tool.call.id': 's1',
      },
      status: { code: SpanStatusCode.UNSET },
    });
  });

  it('marks failed calls and runs as errors with their error type', () => {
    const { tracer, spans } = createMemoryTracer();
    const run = sampleRun(4, { status: 'error', usage: undefined as never });
    delete (run as { usage?: unknown }).usage;
    const first = run.steps[0];
    if (first === undefined) throw new Error('sample has steps');
    run.steps[0] = { ...first, status: 'error', error: 'StepTimeoutError: too slow' };
    exportRunAsSpans(run, tracer, { agentName: 'planner' });
    const failed = spans.find((span) => span.name === 'execute_tool get_user');
    expect(failed?.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'StepTimeoutError: too slow',
    });
    expect(failed?.attributes['error.type']).toBe('StepTimeoutError');
    const root = spans.find((span) => span.name === 'invoke_agent planner');
    expect(root?.status.code).toBe(SpanStatusCode.ERROR);
    expect(root?.attributes).not.toHaveProperty('gen_ai.usage.input_tokens');
  });

  it('works with the API alone (no SDK registered): spans are no-ops', () => {
    expect(() => exportRunAsSpans(sampleRun(1), trace.getTracer('test'))).not.toThrow();
  });
});
