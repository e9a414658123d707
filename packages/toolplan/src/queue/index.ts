export {
  queueTool,
  queueTools,
  type QueuedTool,
  type QueuedTools,
  type QueueToolOptions,
} from './queue-tool.js';
export { startToolWorker, type ToolWorker, type ToolWorkerOptions } from './start-tool-worker.js';
export type { QueueLocationOptions } from './queue-options.js';
export type { RedisConnection, RedisConnectionOptions } from './redis-connection.js';
export { QueuedCallError } from './queued-call-error.js';
export { WorkerDiedError, WORKER_DIED_REASON } from './worker-died-error.js';
export { QueueConnectionError } from './queue-connection-error.js';
