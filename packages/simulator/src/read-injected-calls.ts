import {
  compileValue,
  FOR_EACH_INDEX,
  FOR_EACH_ITEM,
  parseStepCall,
  toProviderToolName,
  type PlanStep,
} from 'toolplan/internal';
import type { ChatMessage } from './chat-request.js';
import type { CompiledCall } from './compile-script-book.js';
import { injectionLimits } from './injection-limits.js';
import { readInjectionBlocks } from './read-injection-blocks.js';
import { renameReferences } from './rename-references.js';

/** A call injected into the prompt, which the worst-case model obeys. */
export interface InjectedCall extends CompiledCall {
  /** The call as a plan step: its final id, its references renamed to their calls' final ids. */
  step: PlanStep;
}

/** Prefixes a call written without an id (`send_money(…)`) so that `parseStepCall` reads it. */
const ANONYMOUS_ID = '_';
/** Ids a step cannot take: the names bound inside a `forEach` step. */
const FORBIDDEN_IDS: ReadonlySet<string> = new Set([FOR_EACH_ITEM, FOR_EACH_INDEX]);

/**
 * Every call injected into a request, in the order the model reads them (see script-book.ts).
 * Inside each `<INFORMATION>` block, each backtick span that `parseStepCall` reads — with an id
 * (`b=get_balance()`) or without (`send_money(…)`) — is one call. A call may reference and wait
 * for (`after`) earlier calls of its own block; one that names anything else, iterates (`for`),
 * or holds a malformed `${…}` is ignored, as are the calls that depend on it.
 *
 * Ids are unique: a call keeps its own id unless `reservedIds` or an earlier call has it, and
 * otherwise (or without one) takes the first free of `inj1`, `inj2`, …; references between the
 * calls are rewritten to match. A call that repeats an earlier one (same tool, arguments and
 * dependencies) is the same instruction read twice: it is kept once. At most
 * `injectionLimits.maxCalls` calls are kept.
 */
export function readInjectedCalls(options: {
  messages: readonly ChatMessage[];
  /** Ids already taken: the scripted plan's steps, the results the prompt shows. */
  reservedIds: ReadonlySet<string>;
}): InjectedCall[] {
  const calls: InjectedCall[] = [];
  const taken = new Set(options.reservedIds);
  const byKey = new Map<string, string>();
  let nextNumber = 1;
  const freshId = () => {
    while (taken.has(`inj${nextNumber}`)) nextNumber += 1;
    return `inj${nextNumber}`;
  };

  for (const block of readInjectionBlocks(options.messages)) {
    // The final id of each call of this block read so far, by the id written in the block.
    const blockIds = new Map<string, string>();
    for (const span of backtickSpans(block)) {
      if (calls.length >= injectionLimits.maxCalls) return calls;
      const parsed = parseInjectedStep(span);
      if (parsed === undefined) continue;
      const { step, named } = parsed;
      if (step.forEach !== undefined) continue;
      const compiled = compileValue(step.args);
      if (compiled.problems.length > 0) continue;
      const written = [
        ...compiled.references.map(({ reference }) => reference.root),
        ...(step.after ?? []),
      ];
      if (!written.every((id) => blockIds.has(id))) continue;

      const args = renameReferences(step.args, blockIds) as Record<string, unknown>;
      const after = step.after?.map((id) => blockIds.get(id) as string);
      const dependencies = [...new Set(written.map((id) => blockIds.get(id) as string))];
      const key = JSON.stringify([step.tool, args, after ?? []]);
      const same = byKey.get(key);
      if (same !== undefined) {
        if (named) blockIds.set(step.id, same);
        continue;
      }
      const id = named && !taken.has(step.id) && !FORBIDDEN_IDS.has(step.id) ? step.id : freshId();
      taken.add(id);
      byKey.set(key, id);
      if (named) blockIds.set(step.id, id);
      const finalStep: PlanStep = {
        id,
        tool: step.tool,
        args,
        ...(after === undefined ? {} : { after }),
      };
      calls.push({
        id,
        tool: step.tool,
        providerName: toProviderToolName(step.tool),
        args: compileValue(args).value,
        dependencies,
        step: finalStep,
      });
    }
  }
  return calls;
}

/** The texts between pairs of backticks, in order; a span too long to be a call is skipped. */
function* backtickSpans(block: string): Generator<string> {
  let position = 0;
  for (;;) {
    const open = block.indexOf('`', position);
    if (open === -1) return;
    const close = block.indexOf('`', open + 1);
    if (close === -1) return;
    if (close - open - 1 <= injectionLimits.maxSpanChars) yield block.slice(open + 1, close);
    position = close + 1;
  }
}

/** The step a span writes, and whether it was written with its own id. */
function parseInjectedStep(span: string): { step: PlanStep; named: boolean } | undefined {
  const text = span.trim();
  if (text === '') return undefined;
  const withId = parseStepCall(text);
  if (withId.ok) return { step: withId.step, named: true };
  const withoutId = parseStepCall(`${ANONYMOUS_ID}=${text}`);
  return withoutId.ok ? { step: withoutId.step, named: false } : undefined;
}
