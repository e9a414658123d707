import type { ChatMessage, ChatRequest, ChatResponseFormat, ChatTool } from './chat-request.js';
import type { ParsedResponsesRequest, ResponsesInputItem } from './responses-request.js';
import type { StoredResponseItem } from './response-items.js';
import { SimulatedApiError } from './simulator-errors.js';

type ChatContent = ChatMessage['content'];
type ChatToolCall = NonNullable<Extract<ChatMessage, { role: 'assistant' }>['tool_calls']>[number];

/**
 * A Responses request in the shape the simulator serves every request in (a Chat Completions
 * body), so that scripting, classification, token counting, the prompt cache, latency and the
 * request rules treat both APIs alike: `instructions` become the leading system message,
 * message items messages, consecutive `function_call` items one assistant message's tool calls,
 * `function_call_output` items tool messages, `item_reference`s the items they name; function
 * tools, `text.format`, `tool_choice` and `parallel_tool_calls` keep their meaning.
 */
export function responsesToChatRequest(options: {
  request: ParsedResponsesRequest;
  lookupItem: (id: string) => StoredResponseItem | undefined;
}): ChatRequest {
  const { request, lookupItem } = options;
  const messages: ChatMessage[] = [];
  if (typeof request.instructions === 'string' && request.instructions !== '') {
    messages.push({ role: 'system', content: request.instructions });
  }
  const items: ResponsesInputItem[] =
    typeof request.input === 'string'
      ? [{ role: 'user', content: request.input }]
      : request.input.map((item, index) => resolveReference(item, index, lookupItem));

  const called = new Set<string>();
  const answered = new Set<string>();
  for (const item of items) {
    if (item.type === 'reasoning' || item.type === 'item_reference') continue;
    if (item.type === 'function_call') {
      const call: ChatToolCall = {
        id: item.call_id,
        type: 'function',
        function: { name: item.name, arguments: item.arguments },
      };
      called.add(item.call_id);
      const last = messages.at(-1);
      // Calls the model made in one turn travel as one assistant message, after its text if any.
      if (last?.role === 'assistant') last.tool_calls = [...(last.tool_calls ?? []), call];
      else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
      continue;
    }
    if (item.type === 'function_call_output') {
      if (!called.has(item.call_id)) {
        throw invalidInput(
          `No tool call found for function call output with call_id ${item.call_id}.`,
        );
      }
      answered.add(item.call_id);
      messages.push({
        role: 'tool',
        tool_call_id: item.call_id,
        content: chatContent(item.output),
      });
      continue;
    }
    messages.push({ role: item.role, content: chatContent(item.content) });
  }
  const unanswered = [...called].filter((id) => !answered.has(id));
  if (unanswered.length > 0) {
    throw invalidInput(`No tool output found for function call ${unanswered.join(', ')}.`);
  }

  const tools: ChatTool[] = request.tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      ...(tool.parameters === undefined || tool.parameters === null
        ? {}
        : { parameters: tool.parameters }),
      ...(tool.strict === undefined || tool.strict === null ? {} : { strict: tool.strict }),
    },
  }));
  const format = request.text?.format;
  const responseFormat: ChatResponseFormat | undefined =
    format === undefined || format === null
      ? undefined
      : format.type === 'json_schema'
        ? {
            type: 'json_schema',
            json_schema: {
              name: format.name,
              schema: format.schema,
              ...(typeof format.description === 'string'
                ? { description: format.description }
                : {}),
              ...(format.strict === undefined || format.strict === null
                ? {}
                : { strict: format.strict }),
            },
          }
        : { type: format.type };
  const choice = request.tool_choice;
  return {
    model: request.model,
    messages,
    stream: request.stream === true,
    ...(tools.length === 0 ? {} : { tools }),
    ...(choice === undefined || choice === null
      ? {}
      : {
          tool_choice:
            typeof choice === 'string'
              ? choice
              : { type: 'function', function: { name: choice.name } },
        }),
    ...(request.parallel_tool_calls === undefined || request.parallel_tool_calls === null
      ? {}
      : { parallel_tool_calls: request.parallel_tool_calls }),
    ...(responseFormat === undefined ? {} : { response_format: responseFormat }),
  };
}

function resolveReference(
  item: ResponsesInputItem,
  index: number,
  lookupItem: (id: string) => StoredResponseItem | undefined,
): ResponsesInputItem {
  if (item.type !== 'item_reference') return item;
  const stored = lookupItem(item.id);
  if (stored === undefined) {
    throw new SimulatedApiError({
      status: 404,
      type: 'invalid_request_error',
      param: `input[${index}]`,
      code: null,
      message: `Item with id '${item.id}' not found.`,
    });
  }
  return stored.type === 'message'
    ? { type: 'message', role: 'assistant', content: stored.text, id: stored.id }
    : stored;
}

/** Text parts (`input_text`, `output_text`) as the text parts the simulator reads. */
function chatContent(
  content: string | ReadonlyArray<{ type: string; text?: string | undefined }>,
): ChatContent {
  if (typeof content === 'string') return content;
  return content.map((part) =>
    (part.type === 'input_text' || part.type === 'output_text') && typeof part.text === 'string'
      ? { type: 'text', text: part.text }
      : { type: part.type },
  );
}

function invalidInput(message: string): SimulatedApiError {
  return new SimulatedApiError({
    status: 400,
    type: 'invalid_request_error',
    param: 'input',
    code: null,
    message,
  });
}
