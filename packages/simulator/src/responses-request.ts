import { z } from 'zod';
import { formatParam } from './format-param.js';
import { SimulatedApiError } from './simulator-errors.js';

// Only what the simulator reads is checked; every other field a client sends (temperature,
// store, include, metadata…) passes through, as OpenAI accepts it.

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });
const contentSchema = z.union([z.string(), z.array(contentPartSchema)]);

const messageItemSchema = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'system', 'developer', 'assistant']),
  content: contentSchema,
  id: z.string().optional(),
});
const functionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
  id: z.string().optional(),
});
const functionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string(),
  output: contentSchema,
});
const itemReferenceSchema = z.looseObject({ type: z.literal('item_reference'), id: z.string() });
// Reasoning items come back from reasoning models; the simulated models do not reason, and a
// reasoning item changes nothing in what they answer.
const reasoningItemSchema = z.looseObject({ type: z.literal('reasoning') });

const inputItemSchema = z.union([
  messageItemSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  itemReferenceSchema,
  reasoningItemSchema,
]);

const functionToolSchema = z.looseObject({
  type: z.literal('function'),
  name: z.string(),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const textFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string(),
    description: z.string().nullish(),
    schema: z.record(z.string(), z.unknown()),
    strict: z.boolean().nullish(),
  }),
]);

const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string() }),
]);

// A plain object: unknown fields are dropped from the parsed value (the body itself is not
// refused for them), which keeps the type free of an index signature.
const responsesRequestSchema = z.object({
  model: z.string(),
  input: z.union([z.string(), z.array(inputItemSchema)]),
  instructions: z.string().nullish(),
  tools: z.array(z.looseObject({ type: z.string() })).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  text: z.looseObject({ format: textFormatSchema.nullish() }).nullish(),
  max_output_tokens: z.number().int().nullish(),
  stream: z.boolean().nullish(),
  store: z.boolean().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

/** A `POST /v1/responses` body, as far as the simulator reads it. */
export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
export type ResponsesInputItem = z.infer<typeof inputItemSchema>;
export type ResponsesFunctionTool = z.infer<typeof functionToolSchema>;
export type ResponsesTextFormat = z.infer<typeof textFormatSchema>;

/** A parsed request whose tools are all function tools (the only kind the simulator serves). */
export type ParsedResponsesRequest = Omit<ResponsesRequest, 'tools'> & {
  tools: ResponsesFunctionTool[];
};

/**
 * Checks a parsed JSON body as the Responses API would, and answers the common mistakes with
 * OpenAI's status, `type`, `code` and `param`. Built-in tools (web search, file search…) and
 * server-side conversation state (`previous_response_id`, `conversation`) are refused: the
 * simulated provider has neither, and saying so beats an answer that ignores them.
 */
export function parseResponsesRequest(body: unknown): ParsedResponsesRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid({ message: 'The request body must be a JSON object.', param: null, code: null });
  }
  const record = body as Record<string, unknown>;
  for (const field of ['model', 'input'] as const) {
    if (record[field] === undefined || record[field] === null || record[field] === '') {
      throw invalid({
        message: `Missing required parameter: '${field}'.`,
        param: field,
        code: 'missing_required_parameter',
      });
    }
  }
  for (const field of ['previous_response_id', 'conversation'] as const) {
    if (record[field] !== undefined && record[field] !== null) {
      throw invalid({
        message: `The simulated provider keeps no conversation state: send the whole conversation as 'input' instead of '${field}'.`,
        param: field,
        code: 'unsupported_parameter',
      });
    }
  }
  const parsed = responsesRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = formatParam(issue?.path ?? []);
    throw invalid({
      message: `Invalid value for '${param}': ${issue?.message ?? 'invalid'}.`,
      param,
      code: 'invalid_value',
    });
  }
  const tools: ResponsesFunctionTool[] = [];
  for (const [index, tool] of (parsed.data.tools ?? []).entries()) {
    const functionTool = functionToolSchema.safeParse(tool);
    if (!functionTool.success) {
      const param = formatParam(['tools', index, ...(functionTool.error.issues[0]?.path ?? [])]);
      throw invalid({
        message:
          tool.type === 'function'
            ? `Invalid value for '${param}': ${functionTool.error.issues[0]?.message ?? 'invalid'}.`
            : `The simulated provider serves function tools only, not '${tool.type}'.`,
        param,
        code: tool.type === 'function' ? 'invalid_value' : 'unsupported_value',
      });
    }
    tools.push(functionTool.data);
  }
  return { ...parsed.data, tools };
}

function invalid(options: {
  message: string;
  param: string | null;
  code: string | null;
}): SimulatedApiError {
  return new SimulatedApiError({ status: 400, type: 'invalid_request_error', ...options });
}
