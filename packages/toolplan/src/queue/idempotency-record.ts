/**
 * What Redis keeps of a call under its job id, beside BullMQ's job and longer than it: whether
 * the call was queued, started or finished, and how it finished. It is what makes a repeated
 * enqueue safe after BullMQ removed the finished job, and what tells a worker that picks up a
 * stalled job whether the call already started on a worker that died.
 */
export type IdempotencyRecord =
  | { state: 'queued' }
  | { state: 'started' }
  | { state: 'done'; value?: unknown }
  | { state: 'failed'; error: { name: string; message: string } };

/** Names of the keys of one queue (BullMQ's own keys are `prefix:queue:…` too, its job ids never start with `toolplan`). */
export function queueKeys(prefix: string, queueName: string) {
  const base = `${prefix}:${queueName}:toolplan`;
  return {
    record: (jobId: string) => `${base}-record:${jobId}`,
    cancelled: (jobId: string) => `${base}-cancelled:${jobId}`,
    cancelChannel: `${base}-cancel`,
  };
}

/** Reads a stored record; anything else (an expired or foreign value) is `undefined`. */
export function parseIdempotencyRecord(text: string | null): IdempotencyRecord | undefined {
  if (text === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  switch (record['state']) {
    case 'queued':
    case 'started':
      return { state: record['state'] };
    case 'done':
      return 'value' in record ? { state: 'done', value: record['value'] } : { state: 'done' };
    case 'failed': {
      const error = record['error'] as Record<string, unknown> | undefined;
      return {
        state: 'failed',
        error: {
          name: typeof error?.['name'] === 'string' ? error['name'] : 'Error',
          message: typeof error?.['message'] === 'string' ? error['message'] : 'unknown failure',
        },
      };
    }
    default:
      return undefined;
  }
}

/** Whether a record says how the call ended, so that nothing needs to run or wait. */
export function isFinal(
  record: IdempotencyRecord | undefined,
): record is Extract<IdempotencyRecord, { state: 'done' | 'failed' }> {
  return record?.state === 'done' || record?.state === 'failed';
}

/**
 * A worker's start of a job, atomically: starts it (returns nil) unless the record says it
 * finished, or says it started already and the tool may not run twice — then returns the record,
 * which the worker answers with instead of running the tool.
 * KEYS[1] the record; ARGV[1] '1' when the tool may run again; ARGV[2] the record's TTL (ms).
 */
export const START_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, record = pcall(cjson.decode, current)
  if ok and type(record) == 'table' then
    local state = record['state']
    if state == 'done' or state == 'failed' then return current end
    if state == 'started' and ARGV[1] ~= '1' then return current end
  end
end
redis.call('SET', KEYS[1], '{"state":"started"}', 'PX', ARGV[2])
return false
`;

/**
 * Forgets a call that never started (it was cancelled while it waited in the queue), so that a
 * repeat of the run runs it. KEYS[1] the record.
 */
export const FORGET_QUEUED_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == '{"state":"queued"}' then redis.call('DEL', KEYS[1]) return 1 end
return 0
`;
