import { unknownOptionProblems, type EveryKeyOf } from '../plan/index.js';
import { AgentOptionsError } from './agent-options-error.js';
import { checkAgentRunOptions } from './check-agent-run-options.js';
import type { AgentRunOptions } from './create-agent.js';
import { OptionProblems } from './option-problems.js';
import type { AgentRun } from './run-optimized.js';
import type { StepEndEvent } from './to-tool-output-chunk.js';

/** Options of `agent.toUIMessageStream()`: the run's, and how it is shown. */
export interface AgentUIMessageStreamOptions extends AgentRunOptions {
  /**
   * The assistant message's metadata (`message.metadata` on the client): `true` sends
   * `ToolplanMessageMetadata` (`{ runId }` with `start`; what answered, usage and duration with
   * `finish`); a function, its value for the finished run with `finish`; `false`, none.
   * @default true
   */
  messageMetadata?: boolean | ((run: AgentRun) => unknown);
  /**
   * The assistant message's id, sent with `start` (to store the message under an id of yours).
   * @default none: the client names the message
   */
  messageId?: string;
  /**
   * The text of the `error` chunk when the run fails (also for wrong options of this call, which
   * are not thrown). Default as the AI SDK's: what went wrong on the server is not sent to the
   * browser unless you choose to, except a wrong option of this call (an `AgentOptionsError`: the
   * developer's own values), whose message is the text. Log the error here.
   * @default `An error occurred.` (an `AgentOptionsError`'s message for one)
   */
  onError?: (error: unknown) => string;
  /**
   * The text of the tool part of a step that failed or was skipped (`tool-output-error`).
   * @default the error's message: toolplan's own (`Step \`w\`: tool \`get_weather\` failed: …`),
   * as the planner and the joiner see it when they replan or answer, so the answer may quote it
   * anyway
   */
  stepErrorText?: (error: Error, step: StepEndEvent) => string;
}

/** What `new Headers()` takes: an object, an array of pairs, or `Headers`. */
export type UIResponseHeaders = NonNullable<ConstructorParameters<typeof Headers>[0]>;

/** Options of `agent.toUIMessageStreamResponse()`: the stream's, and the HTTP response's. */
export interface AgentUIMessageStreamResponseOptions extends AgentUIMessageStreamOptions {
  /** @default 200 */
  status?: number;
  /** @default none */
  statusText?: string;
  /** Headers added to the AI SDK's (`UI_MESSAGE_STREAM_HEADERS`). @default none */
  headers?: UIResponseHeaders;
}

const RUN_KEYS = ['signal', 'runId', 'shareScope'] as const;
const STREAM_KEYS = [
  ...RUN_KEYS,
  'messageMetadata',
  'messageId',
  'onError',
  'stepErrorText',
] as const;
const RESPONSE_KEYS = [...STREAM_KEYS, 'status', 'statusText', 'headers'] as const;
const streamKeys: EveryKeyOf<AgentUIMessageStreamOptions, typeof STREAM_KEYS> = STREAM_KEYS;
const responseKeys: EveryKeyOf<AgentUIMessageStreamResponseOptions, typeof RESPONSE_KEYS> =
  RESPONSE_KEYS;

/** The options checked, with their defaults; wrong ones are kept as `problems`, not thrown. */
export interface ResolvedUIMessageStreamOptions {
  run: AgentRunOptions;
  messageMetadata: boolean | ((run: AgentRun) => unknown);
  messageId: string | undefined;
  onError: (error: unknown) => string;
  stepErrorText: (error: Error, step: StepEndEvent) => string;
  /** Only what was given and right. */
  response: { status?: number; statusText?: string; headers?: UIResponseHeaders };
  /** Every wrong option, when there was one: the stream then carries it as its error. */
  problems: AgentOptionsError | undefined;
}

const defaultStepErrorText = (error: Error) => error.message;

function defaultOnError(error: unknown): string {
  // An `AgentOptionsError` names the caller's own options and values, nothing of the server's.
  return AgentOptionsError.isInstance(error) ? error.message : 'An error occurred.';
}

/**
 * Checks the options of `toUIMessageStream` (`of`), or of `toUIMessageStreamResponse` (its
 * `status`, `statusText` and `headers` too). A wrong option is a problem for the stream to report,
 * never a throw, and its default is used instead.
 */
export function resolveUIMessageStreamOptions(
  given: AgentUIMessageStreamResponseOptions,
  of: 'toUIMessageStream' | 'toUIMessageStreamResponse',
): ResolvedUIMessageStreamOptions {
  const problems = new OptionProblems();
  const options: AgentUIMessageStreamResponseOptions =
    typeof given === 'object' && given !== null ? given : {};
  if (options !== given)
    problems.add(`Expected the options to be an object, got \`${String(given)}\``);
  for (const problem of unknownOptionProblems({
    of: `agent.${of}`,
    given: options,
    known: of === 'toUIMessageStream' ? streamKeys : responseKeys,
  }))
    problems.add(problem);
  const { signal, runId, shareScope } = options;
  const run: AgentRunOptions = {
    ...(signal === undefined ? {} : { signal }),
    ...(runId === undefined ? {} : { runId }),
    ...(shareScope === undefined ? {} : { shareScope }),
  };
  checkAgentRunOptions(run, problems);
  const { messageMetadata = true, messageId, onError, stepErrorText } = options;
  const metadataRight =
    typeof messageMetadata === 'boolean' || typeof messageMetadata === 'function';
  if (!metadataRight)
    problems.add(
      `Expected \`messageMetadata\` to be a boolean or a function, got \`${String(messageMetadata)}\``,
    );
  const idRight = messageId === undefined || (typeof messageId === 'string' && messageId !== '');
  if (!idRight)
    problems.add(`Expected \`messageId\` to be a non-empty string, got \`${String(messageId)}\``);
  const onErrorRight = onError === undefined || typeof onError === 'function';
  if (!onErrorRight)
    problems.add(`Expected \`onError\` to be a function, got \`${String(onError)}\``);
  const stepErrorTextRight = stepErrorText === undefined || typeof stepErrorText === 'function';
  if (!stepErrorTextRight)
    problems.add(`Expected \`stepErrorText\` to be a function, got \`${String(stepErrorText)}\``);
  const response = checkResponseOptions(options, problems);
  return {
    run,
    messageMetadata: metadataRight ? messageMetadata : true,
    messageId: idRight ? messageId : undefined,
    onError: onErrorRight && onError !== undefined ? onError : defaultOnError,
    stepErrorText:
      stepErrorTextRight && stepErrorText !== undefined ? stepErrorText : defaultStepErrorText,
    response,
    problems: problems.error(),
  };
}

/** What `Response` would refuse (a status out of 200–599, headers that are not headers) is a problem. */
function checkResponseOptions(
  options: AgentUIMessageStreamResponseOptions,
  problems: OptionProblems,
): ResolvedUIMessageStreamOptions['response'] {
  const { status, statusText, headers } = options;
  const response: ResolvedUIMessageStreamOptions['response'] = {};
  if (status !== undefined) {
    if (Number.isInteger(status) && status >= 200 && status <= 599) response.status = status;
    else
      problems.add(
        `Expected \`status\` to be an integer from 200 to 599, got \`${String(status)}\``,
      );
  }
  if (statusText !== undefined) {
    if (typeof statusText === 'string') response.statusText = statusText;
    else problems.add(`Expected \`statusText\` to be a string, got \`${String(statusText)}\``);
  }
  if (headers !== undefined) {
    try {
      new Headers(headers);
      response.headers = headers;
    } catch (error) {
      problems.add(`\`headers\`: ${(error as Error).message}`);
    }
  }
  return response;
}
