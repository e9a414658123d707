import { afterAll, describe, expect, it } from 'vitest';
import { validatePlan } from 'toolplan/internal';
import { findScenario } from '@toolplan/simulator';
import { compileScriptBook } from '@toolplan/simulator';
import { countTokens, createToolRegistry } from 'toolplan/internal';
import { MULTI_TURN_QUERIES, multiTurnScenario } from './multi-turn-scenario.js';
import { callTool, TEST_CONTEXT } from './scenario-checks.test-utils.js';

describe('multi-turn scenario', async () => {
  const opened = await multiTurnScenario.open(TEST_CONTEXT);
  const [conversation] = opened.cases;
  if (conversation === undefined) throw new Error('no conversation');
  const registry = createToolRegistry(opened.toolsFor(conversation));
  const book = compileScriptBook({ scenarios: conversation.turns.map((turn) => turn.script) });
  afterAll(() => opened.close());

  it('has at least six turns whose scripts compile and answer their own question', () => {
    expect(conversation.turns.length).toBeGreaterThanOrEqual(6);
    expect(book.scenarios).toHaveLength(conversation.turns.length);
    for (const turn of conversation.turns) expect(turn.script.query).toBe(turn.query);
    expect(conversation.turns.map((turn) => turn.query)).toEqual([...MULTI_TURN_QUERIES]);
  });

  it('no question contains another, so every turn is matched to its own script', () => {
    const queries = conversation.turns.map((turn) => turn.query);
    for (const [index, query] of queries.entries()) {
      for (const other of queries.slice(index + 1)) {
        expect(query.includes(other) || other.includes(query)).toBe(false);
      }
    }
    // A full-history loop: every earlier question in its own user message before the latest.
    // A session: the earlier questions quoted in the same message, before the one asked.
    for (const [index, query] of queries.entries()) {
      const earlier = queries.slice(0, index);
      const history = earlier.flatMap((text) => [
        { role: 'user' as const, content: text },
        { role: 'assistant' as const, content: 'An answer.' },
      ]);
      expect(findScenario([...history, { role: 'user', content: query }], book)?.query).toBe(query);
      const quoted = `Earlier in this conversation: ${earlier.map((text) => `Q: ${text} A: …`).join(' | ')}\nQuestion: ${query}`;
      expect(findScenario([{ role: 'user', content: quoted }], book)?.query).toBe(query);
    }
  });

  it('every plan validates, later turns referencing earlier turns by session id', () => {
    const available: string[] = [];
    for (const [index, turn] of conversation.turns.entries()) {
      const validated = validatePlan(turn.script.plan, { tools: registry, available });
      available.push(...validated.steps.map((step) => `t${index + 1}_${step.step.id}`));
    }
    expect(JSON.stringify(conversation.turns[1]?.script.plan)).toContain('$t1_s.results[0].id');
    expect(JSON.stringify(conversation.turns[5]?.script.plan)).toContain('$t2_d2.specs');
  });

  it('returns results of realistic size: the search a few KB, reviews about one', async () => {
    const found = await callTool(registry, 'search_products', {
      query: 'noise-cancelling headphones',
      maxPriceUsd: 350,
    });
    expect(JSON.stringify(found).length).toBeGreaterThan(3000);
    expect(countTokens(JSON.stringify(found))).toBeGreaterThan(1000);
    const reviews = await callTool(registry, 'get_reviews', { id: 'hp-aur-q7' });
    expect(JSON.stringify(reviews).length).toBeGreaterThan(3000);
  });

  it('every tool is read-only, idempotent and described', () => {
    for (const tool of registry.list()) {
      expect(tool.description.length).toBeGreaterThan(10);
      expect(tool.readOnly).toBe(true);
      expect(tool.idempotent).toBe(true);
    }
  });
});
