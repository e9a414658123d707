import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { runPlanned } from './run-planned.js';

/**
 * A model that streams `text` in pieces of four characters and counts the pieces handed out, so
 * a tool can tell how much of the plan had arrived when it was started.
 */
function countingModel(texts: string[]) {
  const progress = { delivered: 0, total: 0 };
  let call = 0;
  const model = new MockLanguageModelV3({
    doStream: async () => {
      const text = texts[call++] ?? '';
      const pieces = text.match(/[\s\S]{1,4}/g) ?? [];
      progress.delivered = 0;
      progress.total = pieces.length;
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'text-start', id: 't' },
        ...pieces.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
        { type: 'text-end', id: 't' },
        {
          type: 'finish',
          finishReason: { unified: 'stop', raw: 'stop' },
          usage: {
            inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
            outputTokens: { total: 1, text: 1, reasoning: 0 },
          },
        },
      ];
      const source = convertArrayToReadableStream(parts);
      const reader = source.getReader();
      // Count text deltas as the consumer pulls them.
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          if (value.type === 'text-delta') progress.delivered += 1;
          controller.enqueue(value);
        },
      });
      return { stream };
    },
  });
  return { model, progress };
}

function tools(progress: { delivered: number; total: number }, seen: Record<string, number>) {
  return createToolRegistry([
    defineTool({
      name: 'search',
      description: 'Search',
      inputSchema: z.object({ q: z.string() }),
      readOnly: true,
      // The notification is made of its hits: trusted here, so that the default policy lets it go.
      trusted: true,
      execute: ({ q }) => {
        seen[`search:${q}`] = progress.delivered / progress.total;
        return { hits: [q] };
      },
    }),
    defineTool({
      name: 'notify',
      description: 'Sends a notification (side effect)',
      inputSchema: z.object({ text: z.string() }),
      execute: ({ text }) => {
        seen[`notify:${text}`] = progress.delivered / progress.total;
        return { sent: true };
      },
    }),
  ]);
}

const PLAN =
  '{"steps":[{"id":"s","tool":"search","args":{"q":"flights"}},{"id":"n","tool":"notify","args":{"text":"${s.hits[0]}"}},{"id":"t","tool":"search","args":{"q":"hotels"}}],"answer":"done: ${n.sent}"}';

describe('streaming dispatch through runPlanned', () => {
  it('starts read-only steps before the plan has fully arrived, a side-effect step only after', async () => {
    const { model, progress } = countingModel([PLAN]);
    const seen: Record<string, number> = {};
    const run = await runPlanned({ model, tools: tools(progress, seen), query: 'go' });
    expect(run.answer).toBe('done: true');
    expect(run.dispatchedEarly).toEqual(['s', 't']);
    expect(seen['search:flights']).toBeLessThan(0.5);
    expect(seen['search:hotels']).toBeLessThan(1);
    expect(seen['notify:flights']).toBe(1);
    expect(Object.keys(run.arrivals ?? {})).toEqual(['s', 'n', 't']);
  });

  it('does the same with the plan in the wire form: call-string steps start as each string closes', async () => {
    const wire = JSON.stringify({
      steps: ["s=search(q='flights')", "n=notify(text='${s.hits[0]}')", "t=search(q='hotels')"],
      answer: 'done: ${n.sent}',
    });
    const { model, progress } = countingModel([wire]);
    const seen: Record<string, number> = {};
    const steps: unknown[] = [];
    const run = await runPlanned({
      model,
      tools: tools(progress, seen),
      query: 'go',
      onPlanStep: (step) => steps.push(step),
    });
    expect(run.answer).toBe('done: true');
    expect(run.dispatchedEarly).toEqual(['s', 't']);
    expect(seen['search:flights']).toBeLessThan(0.5);
    expect(seen['notify:flights']).toBe(1);
    expect(steps[0]).toEqual({ id: 's', tool: 'search', args: { q: 'flights' } });
    expect(run.plans[0]?.steps[1]).toEqual({
      id: 'n',
      tool: 'notify',
      args: { text: '${s.hits[0]}' },
    });
  });

  it('does not start anything before the whole plan when streaming is off', async () => {
    const { model, progress } = countingModel([PLAN]);
    const seen: Record<string, number> = {};
    const run = await runPlanned({
      model,
      tools: tools(progress, seen),
      query: 'go',
      stream: false,
    });
    expect(run.dispatchedEarly).toEqual([]);
    expect(Object.values(seen).every((share) => share === 1)).toBe(true);
  });

  it('cancels early steps of an invalid plan and runs the corrected one', async () => {
    const invalid =
      '{"steps":[{"id":"s","tool":"search","args":{"q":"flights"}},{"id":"x","tool":"nope","args":{}}]}';
    const { model, progress } = countingModel([invalid, PLAN]);
    const seen: Record<string, number> = {};
    const run = await runPlanned({ model, tools: tools(progress, seen), query: 'go' });
    expect(run.answer).toBe('done: true');
    expect(run.plans).toHaveLength(1);
    expect(run.results['s']).toEqual({ hits: ['flights'] });
  });
});

describe('a plan stream that breaks off', () => {
  it('keeps the steps that finished and asks for the rest, without repeating them', async () => {
    const calls: string[] = [];
    const registry = createToolRegistry([
      defineTool({
        name: 'search',
        description: 'Search',
        inputSchema: z.object({ q: z.string() }),
        readOnly: true,
        execute: ({ q }) => {
          calls.push(q);
          return { hits: [q] };
        },
      }),
    ]);
    const cut = '{"steps":[{"id":"s","tool":"search","args":{"q":"flights"}},{"id":"t","tool":"sea';
    const rest =
      '{"steps":[{"id":"t","tool":"search","args":{"q":"hotels"}}],"answer":"${s.hits[0]} + ${t.hits[0]}"}';
    let call = 0;
    const prompts: string[] = [];
    const model = new MockLanguageModelV3({
      doStream: async (options) => {
        prompts.push(JSON.stringify(options.prompt));
        const text = call++ === 0 ? cut : rest;
        const pieces = text.match(/[\s\S]{1,4}/g) ?? [];
        const parts: LanguageModelV3StreamPart[] = [
          { type: 'text-start', id: 't' },
          ...pieces.map((delta) => ({ type: 'text-delta' as const, id: 't', delta })),
          ...(call === 1
            ? [{ type: 'error' as const, error: new Error('connection reset') }]
            : [
                { type: 'text-end' as const, id: 't' },
                {
                  type: 'finish' as const,
                  finishReason: { unified: 'stop' as const, raw: 'stop' },
                  usage: {
                    inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
                    outputTokens: { total: 1, text: 1, reasoning: 0 },
                  },
                },
              ]),
        ];
        return { stream: convertArrayToReadableStream(parts) };
      },
    });
    const run = await runPlanned({ model, tools: registry, query: 'trip' });
    expect(run.answer).toBe('flights + hotels');
    expect(calls).toEqual(['flights', 'hotels']); // `s` ran once, before the cut
    const resume = JSON.parse(prompts[1] ?? '[]') as Array<{ content: unknown }>;
    const text = JSON.stringify(resume.at(-1)?.content);
    expect(text).toContain('cut off');
    expect(JSON.parse(text) as Array<{ text: string }>).toEqual([
      expect.objectContaining({
        text: expect.stringContaining('{"s":{"hits":["flights"]}}') as unknown,
      }),
    ]);
  });
});
