import type { PlanStep } from './plan.js';
/**
 * Writes a canonical step as a call string, the form {@link parseStepCall} reads back to the same
 * step: `w=get_weather(city=$item,date='2024-01-20') for ['Boston','New York']`. References are
 * written bare, other strings in single quotes, keys bare where they are identifiers; an empty
 * `after` is left out (it orders nothing). It is the shortest form a model is taught to write, so
 * the simulated model writes it and the docs show it.
 *
 * Throws a `TypeError` for what the call form cannot hold: a step id that is not an identifier,
 * a tool name outside `[A-Za-z0-9_.:-]`, an `after` entry that is not an identifier, or a value
 * that is not JSON (`undefined`, a function, a non-finite number).
 */
export declare function formatStepCall(step: PlanStep): string;
