import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelCallError } from '../model/model-call-error.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { PlanningError } from './planning-error.js';
import { ResultSerializationError } from './result-serialization-error.js';
import { runPlanned, type PlannedRun } from './run-planned.js';
import { scriptedModel } from './scripted-model.test-utils.js';

function weatherTools(calls: string[], failing = new Set<string>()) {
  return createToolRegistry([
    defineTool({
      name: 'get_weather',
      description: 'Weather for a city.',
      inputSchema: z.object({ city: z.string() }),
      readOnly: true,
      reasoningFields: ['temp'],
      execute: ({ city }) => {
        calls.push(city);
        if (failing.has(city)) throw new Error(`${city} is unreachable`);
        return { city, temp: city.length * 5, humidity: 80, raw: 'x'.repeat(50) };
      },
    }),
  ]);
}

describe('runPlanned', () => {
  it('answers from the template with a single model call', async () => {
    const calls: string[] = [];
    const model = scriptedModel([
      '{"steps":[{"id":"w","tool":"get_weather","forEach":["Oslo","Rome"],"args":{"city":"$item"}}],"answer":"${w[0].temp} / ${w[1].temp}"}',
    ]);
    const run = await runPlanned({ model, tools: weatherTools(calls), query: 'Oslo and Rome?' });
    expect(run.answer).toBe('20 / 20');
    expect(run.answeredBy).toBe('template');
    expect(model.doStreamCalls).toHaveLength(1);
    expect(calls).toEqual(['Oslo', 'Rome']);
  });

  it('joins with one more call when the plan needs reasoning, sending projected results only', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"w","tool":"get_weather","args":{"city":"Oslo"}}],"needsReasoning":true}',
      'Oslo is mild.',
    ]);
    const run = await runPlanned({ model, tools: weatherTools([]), query: 'Is Oslo mild?' });
    expect(run.answer).toBe('Oslo is mild.');
    expect(run.answeredBy).toBe('joiner');
    const joinPrompt = JSON.stringify(model.doStreamCalls[1]?.prompt);
    expect(joinPrompt).toContain('Is Oslo mild?');
    expect(joinPrompt).toContain('{\\"results\\":{\\"w\\":{\\"temp\\":20}}}');
    expect(joinPrompt).not.toContain('humidity');
  });

  it('replans after a failure, reusing finished results instead of calling again', async () => {
    const calls: string[] = [];
    const model = scriptedModel([
      '{"steps":[{"id":"a","tool":"get_weather","args":{"city":"Oslo"}},{"id":"b","tool":"get_weather","args":{"city":"Atlantis"}}],"answer":"${a.temp} ${b.temp}"}',
      '{"steps":[{"id":"c","tool":"get_weather","args":{"city":"Rome"}}],"answer":"${a.temp} ${c.temp}"}',
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools(calls, new Set(['Atlantis'])),
      query: 'Oslo and Atlantis?',
    });
    expect(run.answer).toBe('20 20');
    expect(run.plans).toHaveLength(2);
    expect(calls).toEqual(['Oslo', 'Atlantis', 'Rome']); // Oslo was not called again
    const replan = JSON.stringify(model.doStreamCalls[1]?.prompt);
    expect(replan).toContain('Atlantis is unreachable');
    expect(replan).toContain('{\\"a\\":{\\"temp\\":20}}');
  });

  it('stops replanning after maxReplans and explains the failure through the joiner', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"b","tool":"get_weather","args":{"city":"Atlantis"}}],"answer":"${b.temp}"}',
      'Atlantis could not be reached.',
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools([], new Set(['Atlantis'])),
      query: 'Atlantis?',
      maxReplans: 0,
    });
    expect(run.answeredBy).toBe('joiner');
    expect(run.answer).toBe('Atlantis could not be reached.');
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain('errors');
  });
});

describe('a planning failure after streamed steps started', () => {
  it('names the read-only steps that started from rejected attempts', async () => {
    const calls: string[] = [];
    const invalid =
      '{"steps":[{"id":"w","tool":"get_weather","args":{"city":"Oslo"}},{"id":"x","tool":"no_such_tool","args":{}}],"answer":"${w.temp}"}';
    const model = scriptedModel([invalid, invalid]);
    const error = (await runPlanned({
      model,
      tools: weatherTools(calls),
      query: 'Oslo?',
    }).catch((failure: unknown) => failure)) as PlanningError;
    expect(PlanningError.isInstance(error)).toBe(true);
    expect(error.readOnlyStepsStarted).toEqual(['w']);
    expect(error.message).toContain('then were cancelled: `w`');
    expect(error.message).toContain('no step with side effects ran');
  });
});

describe('results a prompt cannot show', () => {
  it('a cyclic or BigInt result is a typed error before the joiner’s call, with the results kept', async () => {
    const cyclic: Record<string, unknown> = { id: 7 };
    cyclic['self'] = cyclic;
    const tools = createToolRegistry([
      defineTool({
        name: 'get_account',
        description: 'An account, as the driver returns it.',
        inputSchema: z.object({}),
        readOnly: true,
        execute: () => ({ balance: 10n ** 20n }),
      }),
      defineTool({
        name: 'get_node',
        description: 'A graph node.',
        inputSchema: z.object({}),
        readOnly: true,
        execute: () => cyclic,
      }),
    ]);
    const model = scriptedModel([
      '{"steps":[{"id":"a","tool":"get_account","args":{}},{"id":"n","tool":"get_node","args":{}}],"needsReasoning":true}',
      'unreachable',
    ]);
    const error = (await runPlanned({ model, tools, query: 'Balance?' }).catch(
      (failure: unknown) => failure,
    )) as ResultSerializationError;
    expect(ResultSerializationError.isInstance(error)).toBe(true);
    expect(error.stepIds).toEqual(['a', 'n']);
    expect(error.purpose).toBe('answer');
    expect(error.partial?.results['a']).toEqual({ balance: 10n ** 20n });
    expect(error.partial?.results['n']).toBe(cyclic);
    // The joiner was never asked.
    expect(model.doStreamCalls).toHaveLength(1);
  });
});

describe('replanning and side effects', () => {
  it('never makes the same side-effect call twice across a plan and its replan', async () => {
    const sent: string[] = [];
    const tools = createToolRegistry([
      defineTool({
        name: 'charge',
        description: 'Charges a card (side effect); fails after charging',
        inputSchema: z.object({ amount: z.number() }),
        execute: ({ amount }) => {
          sent.push(String(amount));
          throw new Error('timeout after the charge went through');
        },
      }),
    ]);
    const model = scriptedModel([
      '{"steps":[{"id":"c","tool":"charge","args":{"amount":20}}],"answer":"${c.ok}"}',
      '{"steps":[{"id":"d","tool":"charge","args":{"amount":20}}],"answer":"${d.ok}"}',
      'The charge could not be confirmed.',
    ]);
    const run = await runPlanned({ model, tools, query: 'Charge 20' });
    expect(sent).toEqual(['20']);
    expect(run.steps.find((step) => step.id === 'd')?.error?.name).toBe('RepeatedSideEffectError');
    expect(run.answeredBy).toBe('joiner');
  });
});

/** The run's path through the state machine, as the prompts it sent say it. */
const purposes = (run: PlannedRun) => run.promptReports.map((report) => report.purpose);

const weatherPlan = (steps: Record<string, string>, answer?: string) =>
  JSON.stringify({
    steps: Object.entries(steps).map(([id, city]) => ({ id, tool: 'get_weather', args: { city } })),
    ...(answer === undefined ? {} : { answer }),
  });

describe('runPlanned, transition by transition (the diagram at the top of run-planned.ts)', () => {
  it('plan → execute → template: the plan answers itself, with one model call', async () => {
    const model = scriptedModel([weatherPlan({ w: 'Oslo' }, '${w.temp}')]);
    const run = await runPlanned({ model, tools: weatherTools([]), query: 'Oslo?' });
    expect(run).toMatchObject({ answer: '20', answeredBy: 'template' });
    expect(purposes(run)).toEqual(['plan']);
  });

  it('plan → plan: an invalid plan is sent back with its problems for a corrected one', async () => {
    const calls: string[] = [];
    const model = scriptedModel([
      '{"steps":[{"id":"w","tool":"get_wether","args":{"city":"Oslo"}}],"answer":"${w.temp}"}',
      weatherPlan({ w: 'Oslo' }, '${w.temp}'),
    ]);
    const run = await runPlanned({ model, tools: weatherTools(calls), query: 'Oslo?' });
    expect(run.answer).toBe('20');
    expect(purposes(run)).toEqual(['plan', 'correction']);
    expect(run.plans).toHaveLength(1);
    expect(calls).toEqual(['Oslo']);
  });

  it('plan ✗: once the correction round is used up, a PlanningError and no tool called', async () => {
    const calls: string[] = [];
    const invalid = '{"steps":[{"id":"w","tool":"get_wether","args":{"city":"Oslo"}}]}';
    const model = scriptedModel([invalid, invalid]);
    await expect(runPlanned({ model, tools: weatherTools(calls), query: 'Oslo?' })).rejects.toThrow(
      PlanningError,
    );
    expect(model.doStreamCalls).toHaveLength(2);
    expect(calls).toEqual([]);
  });

  it('execute → join: a plan without an answer template is answered by the joiner', async () => {
    const model = scriptedModel([weatherPlan({ w: 'Oslo' }), 'Oslo: 20 degrees.']);
    const run = await runPlanned({ model, tools: weatherTools([]), query: 'Oslo?' });
    expect(run).toMatchObject({ answer: 'Oslo: 20 degrees.', answeredBy: 'joiner' });
    expect(purposes(run)).toEqual(['plan', 'answer']);
  });

  it('execute → replan → plan → execute → join: one replan by default, then the joiner', async () => {
    const model = scriptedModel([
      weatherPlan({ a: 'Atlantis' }, '${a.temp}'),
      weatherPlan({ b: 'Atlantis' }, '${b.temp}'),
      'Atlantis could not be reached.',
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools([], new Set(['Atlantis'])),
      query: 'Atlantis?',
    });
    expect(purposes(run)).toEqual(['plan', 'replan', 'answer']);
    expect(run.plans).toHaveLength(2);
    expect(run.answeredBy).toBe('joiner');
  });

  it('replans stop at maxReplans', async () => {
    const model = scriptedModel([
      weatherPlan({ a: 'Atlantis' }, '${a.temp}'),
      weatherPlan({ b: 'Atlantis' }, '${b.temp}'),
      weatherPlan({ c: 'Atlantis' }, '${c.temp}'),
      'Atlantis could not be reached.',
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools([], new Set(['Atlantis'])),
      query: 'Atlantis?',
      maxReplans: 2,
    });
    expect(purposes(run)).toEqual(['plan', 'replan', 'replan', 'answer']);
    expect(run.plans).toHaveLength(3);
  });

  const cutAfterOslo = {
    text: '{"steps":[{"id":"w","tool":"get_weather","args":{"city":"Oslo"}},{"id":"r","tool":"get_we',
    cut: true,
  } as const;

  it('plan → resume → plan: a cut stream keeps what its early steps finished', async () => {
    const calls: string[] = [];
    const model = scriptedModel([cutAfterOslo, weatherPlan({ r: 'Rome' }, '${w.temp} ${r.temp}')]);
    const run = await runPlanned({ model, tools: weatherTools(calls), query: 'Oslo and Rome?' });
    expect(run.answer).toBe('20 20');
    expect(purposes(run)).toEqual(['plan', 'resume']);
    expect(calls).toEqual(['Oslo', 'Rome']);
    expect(run.dispatchedEarly).toEqual(['w', 'r']);
  });

  it('resumes stop at maxResumes: the next cut stream ends the run', async () => {
    const once = scriptedModel([cutAfterOslo, cutAfterOslo]);
    await expect(
      runPlanned({ model: once, tools: weatherTools([]), query: 'Oslo and Rome?' }),
    ).rejects.toThrow(ModelCallError);
    expect(once.doStreamCalls).toHaveLength(2);
    const never = scriptedModel([cutAfterOslo]);
    await expect(
      runPlanned({ model: never, tools: weatherTools([]), query: 'Oslo?', maxResumes: 0 }),
    ).rejects.toThrow(ModelCallError);
    expect(never.doStreamCalls).toHaveLength(1);
  });

  it('without streaming, a cut plan is not resumed: nothing ran early to keep', async () => {
    const calls: string[] = [];
    const model = scriptedModel([cutAfterOslo]);
    await expect(
      runPlanned({ model, tools: weatherTools(calls), query: 'Oslo?', stream: false }),
    ).rejects.toThrow(ModelCallError);
    expect(calls).toEqual([]);
  });

  it('a resume does not use up a replan: each limit has its own counter', async () => {
    const model = scriptedModel([
      cutAfterOslo,
      weatherPlan({ r: 'Atlantis' }, '${w.temp} ${r.temp}'),
      weatherPlan({ c: 'Rome' }, '${w.temp} ${c.temp}'),
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools([], new Set(['Atlantis'])),
      query: 'Oslo and Atlantis?',
    });
    expect(purposes(run)).toEqual(['plan', 'resume', 'replan']);
    expect(run).toMatchObject({ answer: '20 20', answeredBy: 'template' });
  });

  it('resumes are counted over the whole run, a replan’s stream included', async () => {
    const replies = [
      cutAfterOslo,
      weatherPlan({ r: 'Atlantis' }, '${w.temp} ${r.temp}'),
      { text: '{"steps":[{"id":"c","tool":"get_weather","args":{"ci', cut: true } as const,
      weatherPlan({ c: 'Rome' }, '${w.temp} ${c.temp}'),
    ];
    const tools = weatherTools([], new Set(['Atlantis']));
    await expect(
      runPlanned({ model: scriptedModel(replies), tools, query: 'Oslo and Atlantis?' }),
    ).rejects.toThrow(ModelCallError);
    const run = await runPlanned({
      model: scriptedModel(replies),
      tools,
      query: 'Oslo and Atlantis?',
      maxResumes: 2,
    });
    expect(purposes(run)).toEqual(['plan', 'resume', 'replan', 'resume']);
    expect(run.answer).toBe('20 20');
  });
});

describe('the trust boundary: plans written after untrusted tool output', () => {
  const flags = (run: PlannedRun) =>
    run.plans.map((plan) => plan.steps.map((step) => step.plannedAfterUntrusted === true));

  it('marks every step of a replan after an untrusted result, none of the first plan', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"a","tool":"get_weather","args":{"city":"Oslo"}},{"id":"b","tool":"get_weather","args":{"city":"Atlantis"}}],"answer":"${a.temp} ${b.temp}"}',
      // The model tries to clear the mark; the runtime sets it whatever the model wrote.
      '{"steps":[{"id":"c","tool":"get_weather","args":{"city":"Rome"},"plannedAfterUntrusted":false}],"answer":"${a.temp} ${c.temp}"}',
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools([], new Set(['Atlantis'])),
      query: 'Oslo and Atlantis?',
    });
    expect(flags(run)).toEqual([[false, false], [true]]);
  });

  it('does not mark a replan that read only trusted tools’ output, nor keep a mark the model wrote', async () => {
    const tools = createToolRegistry([
      defineTool({
        name: 'get_profile',
        description: 'The caller’s own profile.',
        inputSchema: z.object({ part: z.string() }),
        readOnly: true,
        trusted: true,
        execute: ({ part }) => {
          if (part === 'missing') throw new Error('no such part');
          return { part, value: 1 };
        },
      }),
    ]);
    const model = scriptedModel([
      '{"steps":[{"id":"a","tool":"get_profile","args":{"part":"name"},"plannedAfterUntrusted":true},{"id":"b","tool":"get_profile","args":{"part":"missing"}}],"answer":"${a.value}"}',
      '{"steps":[{"id":"c","tool":"get_profile","args":{"part":"email"}}],"answer":"${a.value} ${c.value}"}',
    ]);
    const run = await runPlanned({ model, tools, query: 'My profile?' });
    expect(flags(run)).toEqual([[false, false], [false]]);
  });

  it('marks a resumed plan written after the cut plan’s early steps returned', async () => {
    const model = scriptedModel([
      {
        text: '{"steps":[{"id":"w","tool":"get_weather","args":{"city":"Oslo"}},{"id":"r","tool":"get_we',
        cut: true,
      },
      weatherPlan({ r: 'Rome' }, '${w.temp} ${r.temp}'),
    ]);
    const run = await runPlanned({ model, tools: weatherTools([]), query: 'Oslo and Rome?' });
    expect(flags(run)).toEqual([[true]]);
  });

  it('marks a plan whose request carries earlier results (a session’s follow-up)', async () => {
    const model = scriptedModel([weatherPlan({ w: 'Oslo' }, '${w.temp}')]);
    const run = await runPlanned({
      model,
      tools: weatherTools([]),
      query: 'And Oslo?',
      earlier: { t1_w: { city: 'Rome', temp: 20 } },
      request: { fixed: 'And Oslo? Earlier: …', render: () => 'And Oslo? Earlier: …' } as never,
    });
    expect(flags(run)).toEqual([[true]]);
  });
});
