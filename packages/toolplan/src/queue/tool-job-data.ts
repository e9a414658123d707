/** What a job carries to its worker: the call's input and the context the tool is given. */
export interface ToolJobData {
  input: unknown;
  runId: string;
  stepId: string;
  idempotencyKey: string;
  attempt: number;
  index?: number;
  /** The worker aborts the call's signal and fails it after this long (ms). */
  timeoutMs?: number;
}
