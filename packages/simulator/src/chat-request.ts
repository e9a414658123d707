import { z } from 'zod';
import { formatParam } from './format-param.js';
import { SimulatedApiError } from './simulator-errors.js';

// Only what the simulator reads is checked; every other field a client sends (temperature,
// seed, user, metadata…) passes through untouched, as OpenAI accepts it.

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });
const contentSchema = z.union([z.string(), z.array(contentPartSchema)]).nullish();

const toolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function').optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

const messageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: contentSchema, name: z.string().optional() }),
  z.looseObject({
    role: z.literal('developer'),
    content: contentSchema,
    name: z.string().optional(),
  }),
  z.looseObject({ role: z.literal('user'), content: contentSchema, name: z.string().optional() }),
  z.looseObject({
    role: z.literal('assistant'),
    content: contentSchema,
    name: z.string().optional(),
    tool_calls: z.array(toolCallSchema).nullish(),
  }),
  z.looseObject({ role: z.literal('tool'), content: contentSchema, tool_call_id: z.string() }),
]);

const toolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

const responseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().min(1),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

const chatRequestSchema = z.looseObject({
  model: z.string(),
  messages: z.array(messageSchema),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  tools: z.array(toolSchema).nullish(),
  tool_choice: z.unknown().optional(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: responseFormatSchema.nullish(),
});

/** A `POST /v1/chat/completions` body, as far as the simulator reads it. */
export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type ChatMessage = ChatRequest['messages'][number];
export type ChatTool = NonNullable<ChatRequest['tools']>[number];
export type ChatResponseFormat = NonNullable<ChatRequest['response_format']>;

/**
 * Checks a parsed JSON body and answers what OpenAI answers for the common mistakes: the same
 * status, `type`, `code` and `param`, and messages worded like OpenAI's.
 */
export function parseChatRequest(body: unknown): ChatRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid({ message: 'The request body must be a JSON object.', param: null, code: null });
  }
  const record = body as Record<string, unknown>;
  if (record['model'] === undefined || record['model'] === null || record['model'] === '') {
    throw invalid({ message: 'you must provide a model parameter', param: null, code: null });
  }
  if (record['messages'] === undefined) {
    throw invalid({
      message: "Missing required parameter: 'messages'.",
      param: 'messages',
      code: 'missing_required_parameter',
    });
  }
  if (Array.isArray(record['messages']) && record['messages'].length === 0) {
    throw invalid({
      message:
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      param: 'messages',
      code: 'empty_array',
    });
  }
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = formatParam(issue?.path ?? []);
    throw invalid({
      message: `Invalid value for '${param}': ${issue?.message ?? 'invalid'}.`,
      param,
      code: 'invalid_value',
    });
  }
  checkToolCallPairs(parsed.data.messages);
  return parsed.data;
}

/** OpenAI refuses a conversation whose tool calls and tool results do not pair up. */
function checkToolCallPairs(messages: readonly ChatMessage[]): void {
  const open = new Set<string>();
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      if (!open.delete(message.tool_call_id)) {
        throw invalid({
          message:
            "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          param: `messages.[${index}].role`,
          code: null,
        });
      }
      continue;
    }
    if (open.size > 0) break;
    if (message.role === 'assistant') {
      for (const call of message.tool_calls ?? []) open.add(call.id);
    }
  }
  if (open.size > 0) {
    throw invalid({
      message: `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
      param: 'messages',
      code: null,
    });
  }
}

function invalid(options: {
  message: string;
  param: string | null;
  code: string | null;
}): SimulatedApiError {
  return new SimulatedApiError({ status: 400, type: 'invalid_request_error', ...options });
}
