import type { EffectLog } from './side-effect-log.js';

/**
 * A transient failure: the first call of `key` in one environment throws, later calls pass. It
 * stands for an upstream that timed out once (a gateway 503), and gives the tasks that meet it a
 * replan — the planning prompt that shows tool output, which is where a plan can be attacked.
 * The tools that use it are not `idempotent`, so the runtime does not retry them itself.
 */
export function failOnce(log: EffectLog, key: string): void {
  if (log.failedOnce.has(key)) return;
  log.failedOnce.add(key);
  throw new Error(`${key}: the service timed out (503), try the call again`);
}
