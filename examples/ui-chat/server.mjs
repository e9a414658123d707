// A chat route for the AI SDK's `useChat`: POST /api/chat answers the last user message with
// toolplan's agent, as the AI SDK's UI message stream (a tool part per plan step, then the answer).
//   node examples/ui-chat/server.mjs
// answers on the simulated model (no key, no network: it knows the quickstart's question only);
//   TOOLPLAN_BASE_URL=https://api.openai.com/v1 OPENAI_API_KEY=… node examples/ui-chat/server.mjs
// on a real one (TOOLPLAN_MODEL names it). PORT picks the port (default 3000, 0: any free one).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createAgent, createOpenAICompatibleModel } from 'toolplan';
import tools from '../quickstart/tools.mjs';

const baseURL = process.env.TOOLPLAN_BASE_URL || undefined;
const simulator = baseURL === undefined ? await startSimulator() : undefined;
const model = createOpenAICompatibleModel({
  baseURL: simulator?.url ?? baseURL,
  modelId: process.env.TOOLPLAN_MODEL ?? 'gpt-4o',
  apiKey: process.env.OPENAI_API_KEY ?? 'none',
});
const agent = createAgent({ model, tools });

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    console.error(`ui-chat: ${error.name}: ${error.message}`);
    if (!response.headersSent) response.writeHead(500).end();
    else response.destroy();
  });
});

async function handle(request, response) {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname !== '/api/chat') return void response.writeHead(404).end();
  if (request.method !== 'POST') return void response.writeHead(405, { allow: 'POST' }).end();
  const query = lastUserText(await readJson(request));
  if (query === undefined) {
    return void response
      .writeHead(400, { 'content-type': 'text/plain' })
      .end('Expected a JSON body with `messages` (as useChat sends it) ending in a user message.');
  }
  // The client going away (a closed tab, useChat's `stop()`) aborts the run: no tool call is
  // made for an answer nobody reads.
  const left = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) left.abort(new Error('The client went away.'));
  });
  const answer = agent.toUIMessageStreamResponse(query, {
    signal: left.signal,
    // What went wrong stays on the server; the browser is told that something did.
    onError: (error) => {
      console.error(`ui-chat: ${error?.name}: ${error?.message}`);
      return 'An error occurred.';
    },
  });
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  try {
    await pipeline(Readable.fromWeb(answer.body), response);
  } catch (error) {
    // A client that leaves mid-answer closes the response early: that is not a failure here.
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}

/** The text of the last user message of useChat's request body (DefaultChatTransport's). */
function lastUserText(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const last = messages.findLast((message) => message?.role === 'user');
  const parts = Array.isArray(last?.parts) ? last.parts : [];
  const text = parts
    .filter((part) => part?.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n')
    .trim();
  return text === '' ? undefined : text;
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

async function startSimulator() {
  // Only for the example: an application depends on `toolplan` and its model provider alone.
  const { createSimulatedProvider } = await import('@toolplan/simulator');
  const scripts = JSON.parse(
    await readFile(new URL('../quickstart/scripts.json', import.meta.url), 'utf8'),
  );
  return createSimulatedProvider({ scripts, profile: 'gpt-4o' });
}

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`toolplan chat: POST http://127.0.0.1:${port}/api/chat`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void simulator?.close();
  });
}
