import { describe, expect, it } from 'vitest';
import { gpt4oProfile } from '@toolplan/simulator';
import { benchConversationScenarios, benchMultiTurnStrategies } from './bench-catalog.js';
import { formatBenchReport } from './format-bench-report.js';
import { runBench } from './run-bench.js';

describe('multi-turn conversations in runBench', () => {
  it('answers every turn with every strategy and reports input tokens turn by turn', async () => {
    const report = await runBench({
      scenarios: [],
      strategies: [],
      conversations: {
        scenarios: benchConversationScenarios,
        strategies: benchMultiTurnStrategies,
      },
      profile: gpt4oProfile,
      speed: 1000,
      minRuns: 1,
    });
    const byStrategy = report.scenarios['multi-turn'] ?? {};
    expect(Object.keys(byStrategy)).toEqual(['loop-full-history', 'loop-quick-wins', 'session']);
    for (const figures of Object.values(byStrategy)) {
      expect(figures.failures).toBeUndefined();
      expect(figures.correct).toBe(true);
      expect(figures.perTurn).toHaveLength(6);
      for (const turn of figures.perTurn ?? []) {
        expect(turn.correctRuns).toBe(1);
        expect(turn.inputTokens).toBeGreaterThan(0);
      }
      // The conversation's figures are the turns summed.
      const summed = (figures.perTurn ?? []).reduce((sum, turn) => sum + turn.inputTokens, 0);
      expect(figures.inputTokens).toBe(summed);
    }
    const full = byStrategy['loop-full-history'];
    const quickWins = byStrategy['loop-quick-wins'];
    const session = byStrategy['session'];
    if (full === undefined || quickWins === undefined || session === undefined) throw new Error();
    // The full history grows turn by turn; the session sends a delta.
    expect(full.perTurn?.[5]?.inputTokens).toBeGreaterThan(
      (full.perTurn?.[0]?.inputTokens ?? 0) * 4,
    );
    expect(quickWins.inputTokens).toBeLessThan(full.inputTokens);
    expect(session.inputTokens).toBeLessThan(full.inputTokens * 0.2);
    expect(session.toolCalls).toBe(full.toolCalls);

    const text = formatBenchReport(report);
    expect(text).toContain('input tokens per turn');
    expect(text).toMatch(/fewer input tokens than loop-full-history/);
    expect(text).toMatch(/^session .*%$/m);
  });
});
