import type { ChatRequest } from './chat-request.js';
import { checkStrictJsonSchema, describeStrictSchemaProblem } from './check-strict-json-schema.js';
import { SimulatedApiError } from './simulator-errors.js';

/** The OpenAI API a request came in through: it decides how a problem's `param` is spelled. */
export type ModelApi = 'chat-completions' | 'responses';

/** One broken rule, as OpenAI reports it. */
export interface RequestRuleProblem {
  param: string;
  code: string | null;
  message: string;
}

// OpenAI API reference, Chat Completions, `tools`: "A list of tools the model may call. ... A max
// of 128 functions are supported."
// https://platform.openai.com/docs/api-reference/chat/create#chat-create-tools
// The Responses reference names no maximum, so the limit holds for Chat Completions only.
const MAX_CHAT_TOOLS = 128;

// OpenAI API reference, `tools[].function.name` (Chat Completions), `tools[].name` (Responses),
// `response_format.json_schema.name`, `text.format.name`: "Must be a-z, A-Z, 0-9, or contain
// underscores and dashes, with a maximum length of 64."
// https://platform.openai.com/docs/api-reference/chat/create#chat-create-response_format
const NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
const MAX_NAME_LENGTH = 64;

/**
 * Every rule of OpenAI's API reference and Structured Outputs guide that `request` breaks, among
 * those a toolplan request could break: names of functions and of the response format, the
 * number of tools, `parallel_tool_calls` without tools, and strict-mode schemas (a `json_schema`
 * response format or a function sent with `strict: true`). Schemas sent without `strict: true`
 * are not held to the strict rules, as OpenAI does not hold them. `[]` when none is broken.
 */
export function findRequestRuleProblems(request: ChatRequest, api: ModelApi): RequestRuleProblem[] {
  const problems: RequestRuleProblem[] = [];
  const tools = request.tools ?? [];

  if (api === 'chat-completions' && tools.length > MAX_CHAT_TOOLS) {
    problems.push({
      param: 'tools',
      code: 'array_above_max_length',
      message: `Invalid 'tools': array too long. Expected an array with maximum length ${MAX_CHAT_TOOLS}, but got an array with length ${tools.length} instead.`,
    });
  }
  // Not in the reference, but what OpenAI answers (e.g. github.com/Upsonic/Upsonic/issues/323):
  // "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools'
  // are specified."
  if (
    api === 'chat-completions' &&
    tools.length === 0 &&
    request.parallel_tool_calls !== undefined &&
    request.parallel_tool_calls !== null
  ) {
    problems.push({
      param: 'parallel_tool_calls',
      code: null,
      message:
        "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.",
    });
  }

  tools.forEach((tool, index) => {
    const { name, strict, parameters } = tool.function;
    const prefix = api === 'chat-completions' ? `tools[${index}].function` : `tools[${index}]`;
    problems.push(...nameProblems(name, `${prefix}.name`));
    if (strict === true && parameters !== undefined) {
      const schemaProblems = checkStrictJsonSchema(parameters);
      if (schemaProblems.length > 0) {
        problems.push({
          param: `${prefix}.parameters`,
          code: 'invalid_function_parameters',
          message: `Invalid schema for function '${name}': ${schemaProblems.map(describeStrictSchemaProblem).join(' ')}`,
        });
      }
    }
  });

  const format = request.response_format;
  if (format?.type === 'json_schema') {
    const { name, strict, schema } = format.json_schema;
    const formatParam = api === 'chat-completions' ? 'response_format.json_schema' : 'text.format';
    problems.push(...nameProblems(name, `${formatParam}.name`));
    if (strict === true) {
      const schemaProblems = checkStrictJsonSchema(schema);
      if (schemaProblems.length > 0) {
        problems.push({
          param: api === 'chat-completions' ? 'response_format' : 'text.format.schema',
          code: 'invalid_json_schema',
          message: `Invalid schema for response_format '${name}': ${schemaProblems.map(describeStrictSchemaProblem).join(' ')}`,
        });
      }
    }
  }
  return problems;
}

/**
 * Refuses a request that breaks any rule `findRequestRuleProblems` knows, with one 400 in
 * OpenAI's error shape: the first problem's `param` and `code`, and every problem's message.
 */
export function checkRequestRules(request: ChatRequest, api: ModelApi): void {
  const problems = findRequestRuleProblems(request, api);
  const first = problems[0];
  if (first === undefined) return;
  throw new SimulatedApiError({
    status: 400,
    type: 'invalid_request_error',
    param: first.param,
    code: first.code,
    message: problems.map((problem) => problem.message).join('\n'),
  });
}

function nameProblems(name: string, param: string): RequestRuleProblem[] {
  const problems: RequestRuleProblem[] = [];
  if (name.length > MAX_NAME_LENGTH) {
    problems.push({
      param,
      code: 'string_above_max_length',
      message: `Invalid '${param}': string too long. Expected a string with maximum length ${MAX_NAME_LENGTH}, but got a string with length ${name.length} instead.`,
    });
  }
  if (!NAME_PATTERN.test(name)) {
    problems.push({
      param,
      code: 'invalid_value',
      message: `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '${NAME_PATTERN.source}'.`,
    });
  }
  return problems;
}
