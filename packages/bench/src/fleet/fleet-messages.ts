/** What an agent process is started with (its first message). */
export interface FleetAgentInit {
  type: 'init';
  baseURL: string;
  modelId: string;
  /** The endpoint's key, when it needs one (`--base-url`). */
  apiKey?: string;
  /** The endpoint's own headers (the namespace header is added to them). */
  headers?: Record<string, string>;
  /** The provider's namespace: each pass its own prompt cache. */
  namespace: string;
  redisUrl: string;
  /** The trace log (`postgres://…?schema=…`). */
  tracesUrl: string;
  /** The application the learned state is shared within. */
  app: string;
  queuePrefix: string;
  queueName: string;
  seed: number;
  speed: number;
}

/** What a worker process is started with (its first message). */
export interface FleetWorkerInit {
  type: 'init';
  redisUrl: string;
  postgresUrl: string;
  /** The ledger's schema, and the pass its rows are filed under. */
  ledgerSchema: string;
  pass: string;
  queuePrefix: string;
  queueName: string;
  seed: number;
  speed: number;
}

/** A query for an agent process to answer. */
export interface FleetRunRequest {
  type: 'run';
  id: number;
  query: string;
  tenant: string;
  runId: string;
}

/** What an agent process says of a run. */
export type FleetRunReply =
  | {
      type: 'result';
      id: number;
      answer: string;
      answeredBy: string;
      llmCalls: number;
      inputTokens: number;
      cachedInputTokens: number;
      outputTokens: number;
      /** Every step the run executed: what the caller learns of each call's fate. */
      steps: Array<{ tool: string; status: string; error?: string }>;
    }
  | {
      type: 'error';
      id: number;
      name: string;
      message: string;
      /** The steps the failed run had executed, where its error says (`error.partial`). */
      steps?: Array<{ tool: string; status: string; error?: string }>;
    };

/** Every message a fleet process sends its parent. */
export type FleetChildMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'effect'; event: 'start' | 'end'; idempotencyKey: string; tool: string }
  | { type: 'background-error'; message: string }
  | FleetRunReply;
