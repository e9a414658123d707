import { describe, expect, it } from 'vitest';
import type { RunResult, StepRecord } from '../runtime/index.js';
import { formatRunSummary } from './format-run-summary.js';

function step(fields: Partial<StepRecord> & Pick<StepRecord, 'id' | 'tool'>): StepRecord {
  return { status: 'ok', startMs: 0, endMs: 10, attempts: 1, ...fields };
}

describe('formatRunSummary', () => {
  it("shows how many items each forEach step ran, and nothing where that isn't known", () => {
    const result: RunResult = {
      runId: 'r',
      status: 'error',
      plan: {
        steps: [
          { id: 'search', tool: 'web_search', args: {} },
          { id: 'pages', tool: 'fetch_page', forEach: '$search.items', args: {} },
          { id: 'one', tool: 'fetch_page', forEach: ['a'], args: {} },
          { id: 'later', tool: 'fetch_page', forEach: '$nope', args: {} },
        ],
      },
      results: {},
      steps: [
        step({ id: 'search', tool: 'web_search', value: { items: [1, 2, 3, 4, 5] } }),
        step({ id: 'pages', tool: 'fetch_page', value: [1, 2, 3, 4, 5] }),
        step({ id: 'one', tool: 'fetch_page', status: 'error', error: new Error('down') }),
        step({ id: 'later', tool: 'fetch_page', status: 'skipped', error: new Error('skipped') }),
      ],
      wallMs: 10,
    };
    const lines = formatRunSummary(result).split('\n');
    expect(lines[0]).toBe('✓ search  web_search            0.0 ms → 10.0 ms');
    expect(lines[1]).toBe('✓ pages   fetch_page × 5 items  0.0 ms → 10.0 ms');
    expect(lines[2]).toBe('✗ one     fetch_page × 1 item   0.0 ms → 10.0 ms');
    expect(lines[4]).toBe('– later   fetch_page');
  });
});
