import { Ajv, type ValidateFunction } from 'ajv';
import type { ChatRequest, ChatResponseFormat } from './chat-request.js';
import type { ModelApi } from './check-request-rules.js';
import { messageText } from './message-text.js';
import { scriptFailure } from './script-failures.js';
import { SimulatedApiError } from './simulator-errors.js';

// Formats are not checked (schemas in the wild use many non-standard ones); strict mode is off
// because OpenAI's structured-output schemas carry keywords ajv does not know.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<string, ValidateFunction>();
const MAX_CACHED_VALIDATORS = 256;

/**
 * Refuses what OpenAI refuses about `response_format` (`text.format` in the Responses API) before
 * any generation.
 */
export function checkResponseFormatRequest(
  request: ChatRequest,
  api: ModelApi = 'chat-completions',
): void {
  const format = request.response_format;
  if (format?.type === 'json_object') {
    const mentionsJson = request.messages.some((message) =>
      messageText(message.content).toLowerCase().includes('json'),
    );
    if (!mentionsJson) {
      throw new SimulatedApiError({
        status: 400,
        type: 'invalid_request_error',
        param: api === 'chat-completions' ? 'messages' : 'input',
        code: null,
        message:
          api === 'chat-completions'
            ? "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'."
            : "'input' must contain the word 'json' in some form, to use 'text.format' of type 'json_object'.",
      });
    }
  }
  if (format?.type === 'json_schema') validatorFor(format);
}

/**
 * Checks a scripted text reply against the requested format. The script is at fault when it does
 * not comply, so this is a 500 (and a line in the server log), never a silently wrong reply.
 */
export function checkReplyFormat(options: {
  text: string;
  format: ChatResponseFormat | null | undefined;
  scenario: string;
}): void {
  const { text, format, scenario } = options;
  if (format === null || format === undefined || format.type === 'text') return;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw scriptFailure(
      `Scenario \`${scenario}\`: the request asks for ${format.type} output, but the scripted reply is not JSON: ${(error as Error).message}`,
      error,
    );
  }
  if (format.type === 'json_object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw scriptFailure(
        `Scenario \`${scenario}\`: the request asks for a JSON object, but the scripted reply is ${Array.isArray(value) ? 'an array' : typeof value}.`,
      );
    }
    return;
  }
  const validate = validatorFor(format);
  if (!validate(value)) {
    const problems = (validate.errors ?? [])
      .map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`)
      .join('; ');
    throw scriptFailure(
      `Scenario \`${scenario}\`: the scripted reply violates the json_schema \`${format.json_schema.name}\` of the request: ${problems}.`,
    );
  }
}

function validatorFor(format: Extract<ChatResponseFormat, { type: 'json_schema' }>) {
  const schema = format.json_schema.schema ?? {};
  const key = JSON.stringify(schema);
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
    // ajv keeps every schema it compiled (and refuses a second one with the same `$id`); the
    // compiled function stays usable, and this module's own cache is the bounded one.
    ajv.removeSchema(schema);
  } catch (error) {
    throw new SimulatedApiError({
      status: 400,
      type: 'invalid_request_error',
      param: 'response_format',
      code: 'invalid_json_schema',
      message: `Invalid schema for response_format '${format.json_schema.name}': ${(error as Error).message}`,
      cause: error,
    });
  }
  if (validators.size >= MAX_CACHED_VALIDATORS) validators.clear();
  validators.set(key, validate);
  return validate;
}
