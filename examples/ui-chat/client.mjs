// What `useChat` does, without a browser: the AI SDK's DefaultChatTransport sends the chat to the
// example server, and readUIMessageStream builds the assistant message from the stream; each
// part is printed as it changes.
//   node examples/ui-chat/client.mjs [url] [question]
import { DefaultChatTransport, readUIMessageStream } from 'ai';

const [
  api = 'http://127.0.0.1:3000/api/chat',
  question = 'How much are 120 EUR in USD and in JPY?',
] = process.argv.slice(2);

const transport = new DefaultChatTransport({ api });
const stream = await transport.sendMessages({
  chatId: 'ui-chat-example',
  trigger: 'submit-message',
  messageId: undefined,
  abortSignal: undefined,
  messages: [{ id: 'user-1', role: 'user', parts: [{ type: 'text', text: question }] }],
});

const printed = new Map();
let message;
let failed = false;
for await (message of readUIMessageStream({
  stream,
  onError: (error) => {
    failed = true;
    console.error(`error: ${error.message}`);
  },
})) {
  for (const part of message.parts) {
    if (!('toolCallId' in part) || printed.get(part.toolCallId) === part.state) continue;
    printed.set(part.toolCallId, part.state);
    const step = `${part.type.slice('tool-'.length)} (${part.toolMetadata?.stepId ?? '?'})`;
    if (part.state === 'input-available') console.log(`${step} ${JSON.stringify(part.input)}`);
    if (part.state === 'output-available') console.log(`${step} → ${JSON.stringify(part.output)}`);
    if (part.state === 'output-error') console.log(`${step} ✗ ${part.errorText}`);
  }
}

const text = message?.parts.findLast((part) => part.type === 'text')?.text;
if (text !== undefined) console.log(text);
const { answeredBy, usage } = message?.metadata ?? {};
if (answeredBy !== undefined)
  console.log(`answered by ${answeredBy}, ${usage.llmCalls} model call(s)`);
if (failed || text === undefined) process.exitCode = 1;
