import type { ModelMessage } from 'ai';
import { compactHistory, compressToolResults } from 'toolplan/internal';
import { createSession } from 'toolplan/internal';
import type { MultiTurnStrategy } from './multi-turn-strategy.js';
import { runToolLoop } from './run-tool-loop.js';

/**
 * The loop as a chat app runs it: every earlier turn's messages — questions, tool calls, full tool
 * results, answers — go back to the model with each new question (and with every step of it).
 */
export const loopFullHistoryStrategy: MultiTurnStrategy = {
  name: 'loop-full-history',
  description: 'AI SDK tool loop (parallel calls), the whole conversation sent every turn',
  start({ tools, model }) {
    const history: ModelMessage[] = [];
    const loopModel = model({ parallelToolCalls: true });
    return {
      async ask(query, { signal } = {}) {
        const result = await runToolLoop({
          model: loopModel,
          tools,
          query,
          history,
          ...(signal === undefined ? {} : { signal }),
        });
        history.push({ role: 'user', content: query }, ...result.messages);
        return { answer: result.answer };
      },
    };
  },
};

/**
 * The seed's quick wins on the same loop: every tool result is compressed before the model sees
 * it (`compressToolResults`: over budget, long arrays and strings are cut, with markers), and at
 * the start of each turn the earlier turns are compacted (`compactHistory`: older messages become
 * one summary, the last two are kept whole). Within a turn the messages grow as the AI SDK appends
 * them: compacting a turn's own tool calls away would make the model call them again.
 */
export const loopQuickWinsStrategy: MultiTurnStrategy = {
  name: 'loop-quick-wins',
  description:
    'the same loop, results compressed and earlier turns summarised (compactHistory) each turn',
  start({ tools, model }) {
    const history: ModelMessage[] = [];
    const loopModel = model({ parallelToolCalls: true });
    const compressed = compressToolResults(tools);
    return {
      async ask(query, { signal } = {}) {
        const result = await runToolLoop({
          model: loopModel,
          tools: compressed,
          query,
          // The question itself is appended after compaction, so it is never summarised away.
          history: compactHistory(history),
          ...(signal === undefined ? {} : { signal }),
        });
        history.push({ role: 'user', content: query }, ...result.messages);
        return { answer: result.answer };
      },
    };
  },
};

/**
 * toolplan's session: each turn is one planning call carrying the delta (task summary, the last
 * turn's compressed results, tools already called), full results kept locally by id.
 */
export const sessionStrategy: MultiTurnStrategy = {
  name: 'session',
  description: 'toolplan createSession: one planning call per turn with the compressed delta',
  start({ tools, model }) {
    // As the loop baselines: one attempt per model call (a failed one is a transport error).
    const session = createSession({ model: model(), tools, maxRetries: 0 });
    return {
      async ask(query, { signal } = {}) {
        const turn = await session.ask(query, signal === undefined ? {} : { signal });
        return { answer: turn.answer };
      },
    };
  },
};
