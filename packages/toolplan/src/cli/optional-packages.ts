import type { Command } from 'commander';
import { loadOptionalPackage } from '../tools/index.js';

/**
 * What the CLI uses of `@toolplan/simulator`, typed here rather than imported: the simulator
 * depends on this library, so the library cannot depend on it, not even for types.
 */
export interface SimulatorPackage {
  createSimulatedProvider(options: {
    port?: number;
    profile?: string;
    speed?: number;
    seed?: number;
    scripts?: unknown;
  }): Promise<SimulatedProviderHandle>;
  computeRequestCost(
    usage: { promptTokens: number; cachedTokens: number; completionTokens: number },
    profile: unknown,
  ): number;
  modelProfiles: Readonly<Record<string, { name: string }>>;
}

/** A running simulated provider, as the CLI uses it. */
export interface SimulatedProviderHandle {
  url: string;
  profile: { name: string };
  close(): Promise<void>;
}

/** What the CLI uses of `@toolplan/bench` (private to the repository). */
export interface BenchPackage {
  benchCommand(io: unknown): Command;
  /** Every bench scenario's scripts that need no data files: `run`'s default script book. */
  defaultScriptBook(options: { speed: number; seed: number }): Promise<unknown>;
}

export function loadSimulatorPackage(neededBy: string): Promise<SimulatorPackage> {
  return loadOptionalPackage<SimulatorPackage>({
    name: '@toolplan/simulator',
    neededBy,
    remedy: 'Install it beside toolplan: `npm install @toolplan/simulator`.',
  });
}

export function loadBenchPackage(neededBy: string): Promise<BenchPackage> {
  return loadOptionalPackage<BenchPackage>({
    name: '@toolplan/bench',
    neededBy,
    remedy:
      'The benchmark lives in the toolplan repository, not in the published package: clone the repository, then run `npm install && npx toolplan bench` in it.',
  });
}
