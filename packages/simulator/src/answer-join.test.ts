import { describe, expect, it } from 'vitest';
import { answerJoin, findResultsInPrompt } from './answer-join.js';
import type { ChatMessage } from './chat-request.js';
import { compileScriptBook, type CompiledScenario } from './compile-script-book.js';
import { findJsonObjects } from './find-json-objects.js';
import type { SimulatedApiError } from './simulator-errors.js';

const [scenario, plain, order] = compileScriptBook({
  scenarios: [
    { name: 'w', query: 'Weather?', joinAnswer: 'Warmer: ${cmp.warmer}; all: ${cmp}' },
    { name: 'p', query: 'Hi?', joinAnswer: 'Hello.' },
    {
      name: 'o',
      query: 'Order it?',
      joinAnswer: 'Order ${o.reference} placed.',
      joinFailure: 'The order could not be placed.',
    },
  ],
}).scenarios as [CompiledScenario, CompiledScenario, CompiledScenario];

describe('findJsonObjects', () => {
  it('finds objects in prose and fences, skipping braces that are not JSON', () => {
    const text =
      'Use {curly} braces. Results: {"a": {"b": "}"}} and\n```json\n{"c": [1, {"d": 2}]}\n```';
    expect(findJsonObjects(text)).toEqual([{ a: { b: '}' } }, { c: [1, { d: 2 }] }]);
  });
});

describe('findResultsInPrompt', () => {
  it('collects tool messages by id and JSON keys, top level or under results/steps', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Weather? {"bos": {"temp": 1}}' },
      { role: 'user', content: '{"results": {"nyc": {"temp": 2}}, "steps": {"sfo": 3}}' },
      { role: 'tool', tool_call_id: 'cmp', content: '{"warmer": "NYC"}' },
    ];
    const results = findResultsInPrompt(messages);
    expect(results.get('bos')).toEqual({ temp: 1 });
    expect(results.get('nyc')).toEqual({ temp: 2 });
    expect(results.get('sfo')).toBe(3);
    expect(results.get('cmp')).toEqual({ warmer: 'NYC' });
  });

  it('lets later messages win', () => {
    const results = findResultsInPrompt([
      { role: 'user', content: '{"a": 1}' },
      { role: 'user', content: '{"a": 2}' },
    ]);
    expect(results.get('a')).toBe(2);
  });
});

describe('answerJoin', () => {
  it('resolves the join answer against the results in the prompt', () => {
    const text = answerJoin({
      scenario,
      messages: [{ role: 'user', content: 'Weather? Results: {"cmp": {"warmer": "NYC"}}' }],
    });
    expect(text).toBe('Warmer: NYC; all: {"warmer":"NYC"}');
  });

  it('answers a join answer without references as written', () => {
    expect(answerJoin({ scenario: plain, messages: [{ role: 'user', content: 'Hi?' }] })).toBe(
      'Hello.',
    );
  });

  it('writes the scripted failure when a result the answer needs is missing, and only then', () => {
    expect(
      answerJoin({ scenario: order, messages: [{ role: 'user', content: 'Order it?' }] }),
    ).toBe('The order could not be placed.');
    expect(
      answerJoin({
        scenario: order,
        messages: [{ role: 'user', content: 'Order it? {"o": {"reference": "ORD-1"}}' }],
      }),
    ).toBe('Order ORD-1 placed.');
  });

  it('fails loudly, naming the query, when the results are not in the prompt', () => {
    try {
      answerJoin({ scenario, messages: [{ role: 'user', content: 'Weather?' }] });
      expect.unreachable();
    } catch (error) {
      expect((error as SimulatedApiError).status).toBe(500);
      expect((error as SimulatedApiError).message).toContain('"Weather?"');
    }
  });
});
