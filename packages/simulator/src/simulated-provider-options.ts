import { compileScriptBook, type CompiledScriptBook } from './compile-script-book.js';
import type { FaultRule } from './fault-schedule.js';
import { MODEL_BEHAVIOURS, type ModelBehaviour } from './model-behaviour.js';
import { resolveModelProfile, type ModelProfile } from './profiles/index.js';
import type { ScriptBook } from './script-book.js';
import { SimulatorOptionsError } from './simulator-errors.js';
import { systemClock, type SimulatorClock } from './simulator-clock.js';

/** Where the simulator reports a script that failed (a 500): loudly, by default on the console. */
export interface SimulatorLogger {
  error(message: string): void;
}

export interface SimulatedProviderOptions {
  /**
   * The model imitated: a built-in profile's name (`gpt-4o`, `gpt-4.1-mini`, `claude-sonnet`) or
   * a profile object. Requests must name this profile's `name` as their `model`.
   * @default 'gpt-4o'
   */
  profile?: string | ModelProfile;
  /**
   * Divides every duration (time to first token, prefill, decode): 1 is real time, 1000 makes a
   * 2-second answer take 2 ms. No ratio between durations changes.
   * @default 1
   */
  speed?: number;
  /**
   * Seeds every random draw; the same seed (and the same requests) gives the same latencies and ids.
   * @default 0
   */
  seed?: number;
  /**
   * What the model says, per query (see script-book.ts). Checked when the provider is created.
   * @default { scenarios: [] }
   */
  scripts?: ScriptBook;
  /**
   * How the model treats instructions injected into tool output, for requests without an
   * `x-toolplan-behaviour` header: `honest` follows its script only; `worst-case` also obeys
   * every injected call (see script-book.ts).
   * @default 'honest'
   */
  behaviour?: ModelBehaviour;
  /**
   * The port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * The interface to listen on.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Faults applied to chat-completion requests in arrival order (the first matching rule wins). A
   * request can also ask for one with the `x-toolplan-fault` header.
   * @default []
   */
  faults?: readonly FaultRule[];
  /**
   * How many recent prompts the prompt cache remembers.
   * @default 256
   */
  promptCacheSize?: number;
  /**
   * The clock durations are measured and waited on.
   * @default systemClock (performance.now and timers)
   */
  clock?: SimulatorClock;
  /**
   * Receives a line for every scripted reply that failed (a 500 `script_error`).
   * @default console
   */
  logger?: SimulatorLogger;
}

/** Options with defaults filled in and everything checked. */
export interface ResolvedSimulatorOptions {
  profile: ModelProfile;
  speed: number;
  seed: number;
  scripts: CompiledScriptBook;
  behaviour: ModelBehaviour;
  port: number;
  host: string;
  faults: readonly FaultRule[];
  promptCacheSize: number;
  clock: SimulatorClock;
  logger: SimulatorLogger;
}

/** Fills in defaults and rejects nonsense eagerly, naming the option and the value. */
export function resolveSimulatorOptions(
  options: SimulatedProviderOptions = {},
): ResolvedSimulatorOptions {
  const speed = options.speed ?? 1;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0) {
    throw expected('speed', 'a positive number', speed);
  }
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw expected('seed', 'an integer', seed);
  const behaviour = options.behaviour ?? 'honest';
  if (!MODEL_BEHAVIOURS.includes(behaviour)) {
    throw expected('behaviour', '`honest` or `worst-case`', behaviour);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw expected('port', 'an integer from 0 to 65535', port);
  }
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') throw expected('host', 'a host name', host);
  const promptCacheSize = options.promptCacheSize ?? 256;
  if (!Number.isInteger(promptCacheSize) || promptCacheSize < 0) {
    throw expected('promptCacheSize', 'a non-negative integer', promptCacheSize);
  }
  const faults = options.faults ?? [];
  if (!Array.isArray(faults)) throw expected('faults', 'an array of fault rules', faults);
  faults.forEach((rule, index) => checkFaultRule(rule, index));
  const clock = options.clock ?? systemClock;
  if (
    typeof clock !== 'object' ||
    clock === null ||
    typeof clock.now !== 'function' ||
    typeof clock.sleep !== 'function'
  ) {
    throw expected('clock', 'an object with `now()` and `sleep(ms, signal)`', clock);
  }
  const logger = options.logger ?? console;
  if (typeof logger !== 'object' || logger === null || typeof logger.error !== 'function') {
    throw expected('logger', 'an object with `error(message)`', logger);
  }
  return {
    profile: resolveModelProfile(options.profile ?? 'gpt-4o'),
    speed,
    seed,
    scripts: compileScriptBook(options.scripts ?? { scenarios: [] }),
    behaviour,
    port,
    host,
    faults,
    promptCacheSize,
    clock,
    logger,
  };
}

function checkFaultRule(rule: FaultRule, index: number): void {
  const at = `faults[${index}]`;
  if (typeof rule !== 'object' || rule === null) throw expected(at, 'a fault rule', rule);
  const fault = rule.fault as unknown;
  const kind =
    typeof fault === 'object' && fault !== null ? (fault as { kind?: unknown }).kind : undefined;
  if (kind !== 'rate-limit' && kind !== 'server-error' && kind !== 'cut-stream') {
    throw expected(`${at}.fault.kind`, '`rate-limit`, `server-error` or `cut-stream`', kind);
  }
  if (rule.fault.kind === 'cut-stream') {
    const chunks = rule.fault.afterChunks;
    if (!Number.isInteger(chunks) || chunks < 0) {
      throw expected(`${at}.fault.afterChunks`, 'a non-negative integer', chunks);
    }
  }
  if (rule.fault.kind === 'rate-limit' && rule.fault.retryAfterSeconds !== undefined) {
    const seconds = rule.fault.retryAfterSeconds;
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw expected(`${at}.fault.retryAfterSeconds`, 'a non-negative integer', seconds);
    }
  }
  if (rule.skip !== undefined && (!Number.isInteger(rule.skip) || rule.skip < 0)) {
    throw expected(`${at}.skip`, 'a non-negative integer', rule.skip);
  }
  if (
    rule.times !== undefined &&
    rule.times !== Number.POSITIVE_INFINITY &&
    (!Number.isInteger(rule.times) || rule.times < 1)
  ) {
    throw expected(`${at}.times`, 'a positive integer or Infinity', rule.times);
  }
}

function expected(option: string, what: string, value: unknown): SimulatorOptionsError {
  return new SimulatorOptionsError({
    option,
    message: `Expected \`${option}\` to be ${what}, got \`${show(value)}\``,
  });
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}
