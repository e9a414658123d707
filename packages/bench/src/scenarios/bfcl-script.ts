import { stringify } from 'safe-stable-stringify';
import { countTokens } from 'toolplan/internal';
import type { Plan, PlanStep } from 'toolplan/internal';
import type { ScriptedLoop } from '@toolplan/simulator';
import type { BfclCall } from './bfcl-gold-calls.js';

/** What the simulated model says for one BFCL case. */
export interface BfclScript {
  /** The tool loop: every call at once (they are independent), then the answer. */
  loop: ScriptedLoop;
  /** The same calls as a compact plan, with an answer template giving the same text. */
  plan: Plan;
  /** The plan's answer template (references name plan step ids). */
  joinAnswer: string;
}

/** The answer text, given each call's result text in call order. */
export function bfclAnswerText(results: readonly string[]): string {
  return `Done: ${results.join('; ')}`;
}

// A key that can follow `$item.` in a reference.
const PATH_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Scripts a BFCL case from its calls. The loop calls are `c0`, `c1`, … in gold order. The plan is
 * written as a competent planner would write it, compactly: the calls of one tool that pass the
 * same argument names become one `forEach` step over a literal array (only the arguments that
 * differ are listed per item — the bare value where only one differs — and the others are written
 * once in `args`), unless separate steps cost fewer output tokens (two calls that differ in every
 * argument usually do); any other call is a step of its own. Both answers list every result in
 * gold order, so they produce the same text.
 */
export function buildBfclScript(calls: readonly BfclCall[]): BfclScript {
  const loop: ScriptedLoop = {
    calls: calls.map((call, index) => ({
      id: `c${index}`,
      tool: call.tool,
      args: escapeDollars(call.args),
    })),
    answer: bfclAnswerText(calls.map((_, index) => `\${c${index}.result}`)),
  };

  // Calls of one tool with the same argument names, in order of first appearance.
  const groups = new Map<string, number[]>();
  calls.forEach((call, index) => {
    const key = `${call.tool}\n${Object.keys(call.args).sort().join('\n')}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });

  const steps: PlanStep[] = [];
  const references: string[] = new Array<string>(calls.length);
  for (const indices of groups.values()) {
    const next = steps.length;
    const separate = indices.map((index, position) => {
      const call = calls[index] as BfclCall;
      const id = `s${next + position}`;
      return {
        step: { id, tool: call.tool, args: escapeDollars(call.args) },
        reference: `\${${id}.result}`,
      };
    });
    const repeated = forEachStep(
      `s${next}`,
      indices.map((index) => calls[index] as BfclCall),
    );
    const grouped = repeated && {
      step: repeated,
      references: indices.map((_, position) => `\${${repeated.id}[${position}].result}`),
    };
    // The shorter of the two (plan tokens are decode time); a `forEach` where they tie.
    if (
      grouped !== undefined &&
      planTokens([grouped.step], grouped.references) <=
        planTokens(
          separate.map(({ step }) => step),
          separate.map(({ reference }) => reference),
        )
    ) {
      steps.push(grouped.step);
      indices.forEach((index, position) => {
        references[index] = grouped.references[position] as string;
      });
    } else {
      for (const [position, { step, reference }] of separate.entries()) {
        steps.push(step);
        references[indices[position] as number] = reference;
      }
    }
  }
  const answer = bfclAnswerText(references);
  return { loop, plan: { steps, answer }, joinAnswer: answer };
}

/** Output tokens of steps and their answer references, as the plan's text writes them. */
function planTokens(steps: readonly PlanStep[], references: readonly string[]): number {
  return countTokens(JSON.stringify(steps)) + countTokens(references.join('; '));
}

/**
 * One `forEach` step for calls of one tool with the same argument names, or `undefined` when
 * that is not possible (a single call, no argument that differs, a name a reference cannot hold).
 */
function forEachStep(id: string, group: readonly BfclCall[]): PlanStep | undefined {
  const [first] = group;
  if (first === undefined || group.length < 2) return undefined;
  const names = Object.keys(first.args);
  const varying = names.filter((name) => {
    const value = stringify(first.args[name]);
    return group.some((call) => stringify(call.args[name]) !== value);
  });
  if (varying.length === 0) return undefined;
  const single = varying.length === 1 ? (varying[0] as string) : undefined;
  if (single === undefined && !varying.every((name) => PATH_KEY.test(name))) return undefined;

  const args: Record<string, unknown> = {};
  for (const name of names) {
    if (!varying.includes(name)) args[name] = escapeDollars(first.args[name]);
    else args[name] = single === undefined ? `$item.${name}` : '$item';
  }
  const forEach = group.map((call) =>
    escapeDollars(
      single === undefined
        ? Object.fromEntries(varying.map((name) => [name, call.args[name]]))
        : call.args[single],
    ),
  );
  return { id, tool: first.tool, args, forEach };
}

/** Writes every `$` in the strings of a literal value as `$$`, so that none reads as a reference. */
export function escapeDollars<T>(value: T): T {
  return escape(value) as T;
}

function escape(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('$', () => '$$');
  if (Array.isArray(value)) return value.map(escape);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escape(item)]));
  }
  return value;
}
