import type { ToolSource } from 'toolplan/internal';
import type { BenchCase, ScenarioContext } from './bench-scenario.js';

/**
 * One conversation of a multi-turn scenario: its questions in order, each a `BenchCase` (the
 * question, the simulated model's script for it, the right answer). A turn's script and answer
 * may rely on what earlier turns found.
 */
export interface ConversationCase {
  /** Unique within the scenario. */
  id: string;
  turns: readonly BenchCase[];
}

/** Opened multi-turn scenario: its conversations and the tools for each. */
export interface OpenedConversationScenario {
  cases: readonly ConversationCase[];
  toolsFor(conversation: ConversationCase): ToolSource;
  close(): Promise<void> | void;
}

/**
 * A multi-turn benchmark scenario: like `BenchScenario`, but each case is a conversation, run
 * with the multi-turn strategies (how much of the earlier turns each question carries) rather
 * than the single-query ones.
 */
export interface ConversationScenario {
  /** Stable: scenario names are a contract of `toolplan bench --scenario` and `--json`. */
  name: string;
  description: string;
  open(context: ScenarioContext): Promise<OpenedConversationScenario> | OpenedConversationScenario;
}
