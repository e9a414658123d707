/**
 * The key under which a run shares in-flight calls and cached results with other runs
 * (DESIGN.md, "Isolation"): the scope the caller named (a user, a tenant), or else the run's
 * own id, which nobody else produces unless handed the same id (a retry of the same request).
 * Single flight, the result cache and speculation prefix every call key with it, so that a
 * tool that reads its caller from ambient context never hands one caller's result to another.
 *
 * The parts are JSON-encoded so that no scope, however written, can equal a run id's key or
 * run into the call key that follows it.
 */
export function shareKey(options: { shareScope: string | undefined; runId: string }): string {
  return options.shareScope === undefined
    ? JSON.stringify(['run', options.runId])
    : JSON.stringify(['scope', options.shareScope]);
}

/** A call's key (`callKey`) within a sharing key: what single flight and caches are keyed by. */
export function scopedCallKey(share: string, key: string): string {
  return `${share}${key}`;
}

/** What is wrong with a `shareScope` option, or `undefined` when nothing is. */
export function shareScopeProblem(value: unknown): string | undefined {
  if (value === undefined || (typeof value === 'string' && value !== '')) return undefined;
  return `Expected \`shareScope\` to be a non-empty string, got \`${typeof value === 'string' ? value : String(value)}\``;
}
