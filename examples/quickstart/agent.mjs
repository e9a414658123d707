// One query through toolplan's agent, against any OpenAI-compatible endpoint:
//   OPENAI_API_KEY=… node examples/quickstart/agent.mjs "How much are 120 EUR in USD and in JPY?"
// TOOLPLAN_BASE_URL and TOOLPLAN_MODEL point it elsewhere (a local server, another provider).
import { createAgent, createOpenAICompatibleModel } from 'toolplan';
import tools from './tools.mjs';

const model = createOpenAICompatibleModel({
  baseURL: process.env.TOOLPLAN_BASE_URL ?? 'https://api.openai.com/v1',
  modelId: process.env.TOOLPLAN_MODEL ?? 'gpt-4o',
  apiKey: process.env.OPENAI_API_KEY ?? 'none',
});

const agent = createAgent({ model, tools });
const query = process.argv[2] ?? 'How much are 120 EUR in USD and in JPY?';

try {
  for await (const event of agent.stream(query)) {
    if (event.type === 'step-end')
      console.log(
        `  ${event.tool} (${event.stepId}) ${event.status} at ${Math.round(event.atMs)} ms`,
      );
    if (event.type === 'finish') {
      const { answer, usage, wallMs, answeredBy } = event.result;
      console.log(answer);
      console.log(
        `${usage.llmCalls} model call(s), ${usage.inputTokens} input and ${usage.outputTokens} output tokens, ${Math.round(wallMs)} ms, answered by ${answeredBy}`,
      );
    }
  }
} catch (error) {
  // A failed run (no server at TOOLPLAN_BASE_URL, a wrong key, an unknown query) is one line to
  // read, not a stack: toolplan's errors name their kind (ModelCallError, PlanningError, …).
  console.error(`toolplan: ${error.name}: ${error.message}`);
  process.exitCode = 1;
}
