// `toolplan/queue`: tools on queue workers — a tool's calls run by workers through BullMQ on
// Redis (`queueTool` on the agent side, `startToolWorker` on the workers), with their errors and
// types. Needs the optional peers `bullmq` and `ioredis`, loaded on first use.
export { queueTool, queueTools } from '../queue/queue-tool.js';
export { startToolWorker } from '../queue/start-tool-worker.js';
export { QueueConnectionError } from '../queue/queue-connection-error.js';
export { QueuedCallError } from '../queue/queued-call-error.js';
export { WorkerDiedError, WORKER_DIED_REASON } from '../queue/worker-died-error.js';
export type * from '../queue/index.js';
