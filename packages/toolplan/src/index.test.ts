import { describe, expect, it } from 'vitest';
import * as toolplan from './index.js';

// The root entry's values are a contract, like the CLI's: adding one is a decision (this list
// grows with it), removing or renaming one breaks users.
const PUBLIC_VALUES = [
  'AgentOptionsError',
  'BatchResultCountError',
  'ChainDefinitionError',
  'ChainFileError',
  'ChainNotReviewedError',
  'ChainOptionsError',
  'ChainParamsError',
  'ChainStaleError',
  'DependencyFailedError',
  'ForEachError',
  'ModelCallError',
  'ModelTimeoutError',
  'PlanParseError',
  'PlanReferenceError',
  'PlanValidationError',
  'PlanningError',
  'PolicyDeniedError',
  'PromptBudgetError',
  'RedisStoreError',
  'RepeatedSideEffectError',
  'ResultSerializationError',
  'StreamingExecutionError',
  'RunAbortedError',
  'StepTimeoutError',
  'ToolDefinitionError',
  'ToolExecutionError',
  'ToolInputError',
  'ToolOutputError',
  'ToolplanError',
  'ToolsRequestedError',
  'TraceStoreError',
  'chainStandingFromTraces',
  'compactHistory',
  'compressResult',
  'createAgent',
  'createLruResultCache',
  'createMcpServer',
  'createMemoryTraceStore',
  'createOpenAICompatibleModel',
  'createPlanCache',
  'createRulePredictor',
  'createSession',
  'createTracePredictor',
  'createTraceStore',
  'defineChain',
  'defaultPolicy',
  'defineTool',
  'executePlan',
  'exportRunAsSpans',
  'isFromQuery',
  'isTrustedArgument',
  'loadChainFiles',
  'mcpToolSets',
  'mcpTools',
  'parsePlan',
  'redisStore',
  'runPlanned',
  'startMcpHttpServer',
  'toErrorData',
  'validatePlan',
];

describe('the root entry', () => {
  it('exports exactly the designed values, at most about 60', () => {
    expect(Object.keys(toolplan).sort()).toEqual([...PUBLIC_VALUES].sort());
    expect(PUBLIC_VALUES.length).toBeLessThanOrEqual(60);
  });

  it('gives every error class its own isInstance', () => {
    const errors = Object.entries(toolplan).filter(
      ([name, value]) =>
        typeof value === 'function' && name.endsWith('Error') && name !== 'toErrorData',
    ) as Array<[string, { isInstance(error: unknown): boolean; prototype: object }]>;
    expect(errors.length).toBeGreaterThan(20);
    for (const [name, kind] of errors) {
      // An instance made without its constructor's arguments: the kind marker is what counts.
      const sample = Object.assign(Object.create(kind.prototype) as object, {
        [Symbol.for('toolplan.error')]: [name, 'ToolplanError'],
      });
      for (const [otherName, other] of errors) {
        const expected = otherName === name || otherName === 'ToolplanError';
        expect(other.isInstance(sample), `${otherName}.isInstance(${name})`).toBe(expected);
      }
    }
  });
});
