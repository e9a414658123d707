import type { RunResult } from 'toolplan/internal';
import type { CallCounter } from './noop-tool.js';
import { stepId } from './shape-to-plan.js';

/**
 * Throws unless a run computed every step's expected value with exactly one call per step, so
 * that a broken executor (or baseline) cannot produce a fast figure.
 */
export function checkValues(options: {
  label: string;
  values: readonly unknown[];
  expected: readonly number[];
  counter: CallCounter;
}): void {
  const { label, values, expected, counter } = options;
  if (values.length !== expected.length) {
    throw new Error(`${label}: ${values.length} values, expected ${expected.length}.`);
  }
  if (counter.calls !== expected.length) {
    throw new Error(`${label}: ${counter.calls} tool calls, expected ${expected.length}.`);
  }
  for (let index = 0; index < expected.length; index += 1) {
    if (values[index] !== expected[index]) {
      throw new Error(
        `${label}: step ${stepId(index)} gave ${String(values[index])}, expected ${String(expected[index])}.`,
      );
    }
  }
}

/** As {@link checkValues}, for an `executePlan` result: every step `ok`, in plan order. */
export function checkRunResult(options: {
  label: string;
  result: RunResult;
  expected: readonly number[];
  counter: CallCounter;
}): void {
  const { label, result, expected, counter } = options;
  if (result.status !== 'ok') {
    const failed = result.steps.find((step) => step.status !== 'ok');
    throw new Error(
      `${label}: run status ${result.status} (step ${failed?.id}: ${failed?.error?.message}).`,
    );
  }
  result.steps.forEach((step, index) => {
    if (step.id !== stepId(index) || step.status !== 'ok') {
      throw new Error(`${label}: steps[${index}] is ${step.id} with status ${step.status}.`);
    }
  });
  const lastId = stepId(expected.length - 1);
  if (result.results[lastId] !== expected[expected.length - 1]) {
    throw new Error(
      `${label}: results.${lastId} is ${String(result.results[lastId])}, expected ${String(expected[expected.length - 1])}.`,
    );
  }
  checkValues({ label, values: result.steps.map((step) => step.value), expected, counter });
}
