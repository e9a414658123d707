import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool } from '../tools/index.js';
import type { ChainDefinition } from './chain-definition.js';
import { ChainNotReviewedError, ChainParamsError, ChainStaleError } from './chain-errors.js';
import { compileChain } from './compile-chain.js';
import { defineChain } from './define-chain.js';

function weatherTool(inputSchema: z.ZodType = z.object({ city: z.string() }).strict()): Tool {
  return defineTool({
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema,
    readOnly: true,
    execute: (input) => input,
  }) as Tool;
}

const sendTool = defineTool({
  name: 'send_email',
  description: 'Sends an email',
  inputSchema: z.object({ to: z.string(), body: z.string() }),
  execute: () => ({ sent: true }),
}) as Tool;

const weather = defineChain({
  name: 'weather',
  params: { cities: 'string[]' },
  match: { patterns: ['weather in (?<cities>.+)'] },
  plan: {
    steps: [{ id: 'w', tool: 'get_weather', forEach: '$params.cities', args: { city: '$item' } }],
  },
});

const mailing: ChainDefinition = {
  version: 1,
  name: 'mail-weather',
  origin: 'mined',
  kept: false,
  params: { city: { type: 'string' }, to: { type: 'string' } },
  match: { patterns: ['mail (?<to>\\S+) the weather in (?<city>\\S+)'] },
  plan: {
    steps: [
      { id: 'w', tool: 'get_weather', args: { city: '$params.city' } },
      { id: 'm', tool: 'send_email', args: { to: '$params.to', body: '${w.temp}' } },
    ],
  },
};

describe('compileChain', () => {
  it('validates the template against the current tools with params as an existing result', () => {
    const compiled = compileChain(weather, [weatherTool()]);
    expect(compiled.plan.steps.map((step) => step.step.id)).toEqual(['w']);
    expect(compiled.checkParams({ cities: ['Boston'] })).toEqual({ cities: ['Boston'] });
  });

  it('rejects a chain whose tool was removed, naming the chain and what to do', () => {
    const error = captureError(() => compileChain(weather, [sendTool]));
    expect(error).toBeInstanceOf(ChainStaleError);
    expect(error).toMatchObject({ name: 'ChainStaleError', chainName: 'weather' });
    expect((error as ChainStaleError).issues[0]?.code).toBe('unknown_tool');
    expect((error as Error).message).toMatch(/re-mine or edit the file/);
  });

  it('rejects a chain whose parameter no longer fits the changed schema', () => {
    const changed = weatherTool(z.object({ city: z.number() }).strict());
    const error = captureError(() => compileChain(weather, [changed]));
    expect(error).toBeInstanceOf(ChainStaleError);
    expect((error as ChainStaleError).issues[0]).toMatchObject({
      code: 'invalid_arguments',
      stepId: 'w',
      path: ['steps', 0, 'args', 'city'],
    });
    expect((error as Error).message).toContain(
      'gets $item, a string, but the tool now expects number',
    );
    const renamed = weatherTool(z.object({ town: z.string() }).strict());
    expect(() => compileChain(weather, [renamed])).toThrow(ChainStaleError);
  });

  it('rejects a chain whose literal arguments no longer fit', () => {
    const literal = defineChain({
      name: 'units',
      params: { city: 'string' },
      match: { patterns: ['weather in (?<city>\\S+)'] },
      plan: {
        steps: [{ id: 'w', tool: 'get_weather', args: { city: '$params.city', units: 'kelvin' } }],
      },
    });
    const strictUnits = weatherTool(
      z.object({ city: z.string(), units: z.enum(['celsius', 'fahrenheit']) }).strict(),
    );
    expect(() => compileChain(literal, [strictUnits])).toThrow(ChainStaleError);
  });

  it('refuses an unreviewed mined chain with a side-effect tool, and runs it once kept', () => {
    const error = captureError(() => compileChain(mailing, [weatherTool(), sendTool]));
    expect(error).toBeInstanceOf(ChainNotReviewedError);
    expect(error).toMatchObject({ chainName: 'mail-weather', tools: ['send_email'] });
    expect(() => compileChain({ ...mailing, kept: true }, [weatherTool(), sendTool])).not.toThrow();
  });

  it('requires a chain in code to declare its side effects', () => {
    const inCode = defineChain({
      name: 'mail-weather',
      params: mailing.params,
      match: { patterns: mailing.match.patterns ?? [] },
      plan: mailing.plan,
    });
    expect(() => compileChain(inCode, [weatherTool(), sendTool])).toThrow(/sideEffects: true/);
    expect(() =>
      compileChain({ ...inCode, sideEffects: true }, [weatherTool(), sendTool]),
    ).not.toThrow();
  });

  it('checks parameters against their declared types at run time', () => {
    const compiled = compileChain(weather, [weatherTool()]);
    expect(() => compiled.checkParams({ cities: 'Boston' })).toThrow(ChainParamsError);
    expect(() => compiled.checkParams({ cities: [] })).toThrow(ChainParamsError);
    expect(() => compiled.checkParams({ cities: ['Boston'], extra: 1 })).toThrow(/extra/);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
