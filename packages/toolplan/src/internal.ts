// toolplan's internals, for the other packages of its repository (@toolplan/simulator,
// @toolplan/bench) only: not part of toolplan's API, and changed in any release without notice.
// Users build with the root entry, `toolplan`.
export * from './plan/index.js';
export * from './tools/index.js';
export * from './runtime/index.js';
export * from './model/index.js';
export * from './context/index.js';
export * from './agent/index.js';
export * from './trace/index.js';
export { openTraceDatabase } from './trace/open-trace-database.js';
export {
  migrateTraceDatabase,
  TRACE_MIGRATIONS,
  type TraceMigration,
} from './trace/trace-migrations.js';
export { createProgram } from './cli/create-program.js';
export {
  endpointFromOptions,
  describeApiKeyVariables,
  type EndpointFlags,
} from './cli/endpoint-options.js';
export type { CommandIo } from './cli/exec-command.js';
export { integer, positiveInteger, positiveNumber } from './cli/option-parsers.js';
export type { ProgressKind, ProgressReport } from './cli/progress-line.js';
