import { stringify } from 'safe-stable-stringify';
import { createToolRegistry } from 'toolplan/internal';
import { formatTextTable } from './format-text-table.js';
import type { BenchScenario, ScenarioContext } from './scenarios/bench-scenario.js';

/** Tokens of a scenario's tools as toolplan renders them for prompts, beside the JSON Schema providers are sent. */
export interface ToolRenderingFigures {
  /** Distinct tools over the scenario's cases (same name and schema counted once). */
  tools: number;
  /** o200k tokens of the compact TypeScript-like signatures. */
  compactTokens: number;
  /** o200k tokens of the function definitions with JSON Schema, as sent to providers. */
  jsonSchemaTokens: number;
}

/**
 * Measures, per scenario, what rendering tools as compact signatures saves against the JSON
 * Schema definitions providers are sent (issue #6: "send schemas once, compactly").
 */
export async function measureToolRendering(
  scenarios: readonly BenchScenario[],
  context: ScenarioContext,
): Promise<Record<string, ToolRenderingFigures>> {
  const figures: Record<string, ToolRenderingFigures> = {};
  for (const scenario of scenarios) {
    const opened = await scenario.open(context);
    try {
      const seen = new Set<string>();
      const total: ToolRenderingFigures = { tools: 0, compactTokens: 0, jsonSchemaTokens: 0 };
      for (const benchCase of opened.cases) {
        const registry = createToolRegistry(opened.toolsFor(benchCase));
        const report = registry.tokenReport();
        for (const [index, tool] of registry.list().entries()) {
          const key = `${tool.name}\u0000${stringify(tool.inputSchema.jsonSchema) ?? ''}`;
          const counted = report.tools[index];
          if (seen.has(key) || counted === undefined) continue;
          seen.add(key);
          total.tools += 1;
          total.compactTokens += counted.compactTokens;
          total.jsonSchemaTokens += counted.jsonSchemaTokens;
        }
      }
      figures[scenario.name] = total;
    } finally {
      await opened.close();
    }
  }
  return figures;
}

/** The figures as a small table. */
export function formatToolRendering(figures: Record<string, ToolRenderingFigures>): string {
  const rows = Object.entries(figures).map(([name, entry]) => [
    name,
    String(entry.tools),
    entry.compactTokens.toLocaleString('en-US'),
    entry.jsonSchemaTokens.toLocaleString('en-US'),
    `${(entry.jsonSchemaTokens / Math.max(1, entry.compactTokens)).toFixed(2)}×`,
  ]);
  const header = ['scenario', 'tools', 'compact tok', 'JSON Schema tok', 'JSON ÷ compact'];
  return [
    'tool schemas: compact signatures (toolplan prompts) vs JSON Schema definitions (what providers are sent)',
    formatTextTable(header, rows),
  ].join('\n');
}
