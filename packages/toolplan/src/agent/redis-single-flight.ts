import { createHash } from 'node:crypto';
import { SingleFlight, type Flight, type FlightFollower } from '../runtime/index.js';
import { isJsonValue } from './is-json-value.js';
import type { RedisChannels } from './redis-channels.js';
import type { RedisConnection } from './redis-connection.js';
import { splitScopedKey } from './split-scoped-key.js';

/** What the process holding a call's lease tells the others. */
type FlightMessage = { ok: true; value?: unknown } | { ok: false };

interface RemoteWait {
  readonly followers: FlightFollower[];
  readonly flight: Flight;
  stop: () => void;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Renews a lease only while it is ours (another process may have taken it over). */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Single flight across processes, for the tools that opted in (`inFlight.tools` of
 * `redisStore`): identical calls of one `shareScope` in flight anywhere in the fleet are made
 * once. Within the process it is the ordinary registry; beyond it:
 *
 *     join ─(nobody here has it)─► waiting on Redis ─► SET lock NX PX lease
 *        ├─(got it)──► the followers are told to call: the first begins the call holding the
 *        │             lease (renewed while it runs), the rest follow it here
 *        └─(held elsewhere)─► subscribed to the call's channel
 *              ├─(outcome published)──► landed
 *              ├─(holder gave up or failed)──► try the lock again
 *              └─(lease expired: the holder died)──► try the lock again (take over)
 *
 * Only successes travel (errors are not data that survives a process boundary, and each process
 * should see its own): a failed or abandoned holder tells the waiters to try themselves. Keys hold
 * the scope's digest, and runs without a scope never leave the process. A process whose
 * Redis fails makes its calls itself.
 */
export class RedisSingleFlight extends SingleFlight {
  readonly #redis: RedisConnection;
  readonly #channels: RedisChannels;
  readonly #prefix: string;
  readonly #tools: ReadonlySet<string>;
  readonly #leaseMs: number;
  readonly #origin: string;
  readonly #onError: (error: unknown) => void;
  readonly #remote = new Map<string, RemoteWait>();
  /** Leases this process won and whose call has not begun yet, by id: their tokens. */
  readonly #granted = new Map<string, string>();
  /** Calls whose wait Redis failed: their next caller calls without a lease. */
  readonly #bypass = new Set<string>();
  #closed = false;

  constructor(options: {
    redis: RedisConnection;
    channels: RedisChannels;
    prefix: string;
    tools: readonly string[];
    leaseMs: number;
    origin: string;
    onError: (error: unknown) => void;
  }) {
    super();
    this.#redis = options.redis;
    this.#channels = options.channels;
    this.#prefix = options.prefix;
    this.#tools = new Set(options.tools);
    this.#leaseMs = options.leaseMs;
    this.#origin = options.origin;
    this.#onError = options.onError;
  }

  /** Stops waiting on Redis: waiters here are told to make their calls themselves. */
  close(): void {
    this.#closed = true;
    for (const [id, wait] of this.#remote) this.#abandonWait(id, wait);
  }

  override join(tool: object, key: string, follower: FlightFollower): Flight | undefined {
    const local = super.join(tool, key, follower);
    if (local !== undefined) return local;
    const id = this.#idOf(tool, key);
    if (id === undefined || this.#closed) return undefined;
    // We hold the lease: this caller makes the call (`begin` follows).
    if (this.#granted.has(id)) return undefined;
    if (this.#bypass.delete(id)) return undefined;
    let wait = this.#remote.get(id);
    if (wait === undefined) {
      const flight: Flight = {
        runId: 'redis',
        stepId: id,
        land: () => undefined,
        abandon: () => undefined,
      };
      wait = { followers: [], flight, stop: () => undefined };
      this.#remote.set(id, wait);
      this.#acquire(id, wait);
    }
    wait.followers.push(follower);
    return wait.flight;
  }

  override leave(tool: object, key: string, follower: FlightFollower): void {
    super.leave(tool, key, follower);
    const id = this.#idOf(tool, key);
    const wait = id === undefined ? undefined : this.#remote.get(id);
    if (wait === undefined || id === undefined) return;
    const position = wait.followers.indexOf(follower);
    if (position >= 0) wait.followers.splice(position, 1);
    if (wait.followers.length === 0) {
      wait.stop();
      this.#remote.delete(id);
    }
  }

  override begin(tool: object, key: string, owner: { runId: string; stepId: string }): Flight {
    const flight = super.begin(tool, key, owner);
    const id = this.#idOf(tool, key);
    const token = id === undefined ? undefined : this.#granted.get(id);
    if (id === undefined || token === undefined) return flight;
    this.#granted.delete(id);
    const renew = setInterval(
      () => {
        this.#redis
          .call('EVAL', RENEW, 1, this.#lockKey(id), token, this.#leaseMs)
          .catch(this.#onError);
      },
      Math.max(1, Math.floor(this.#leaseMs / 3)),
    );
    renew.unref();
    const finish = (message: FlightMessage) => {
      clearInterval(renew);
      this.#redis
        .call('PUBLISH', this.#channelOf(id), JSON.stringify(message))
        .then(() => this.#redis.call('EVAL', RELEASE, 1, this.#lockKey(id), token))
        .catch(this.#onError);
    };
    let done = false;
    return {
      runId: flight.runId,
      stepId: flight.stepId,
      land: (outcome) => {
        flight.land(outcome);
        if (done) return;
        done = true;
        finish(
          outcome.ok && (outcome.value === undefined || isJsonValue(outcome.value))
            ? { ok: true, ...(outcome.value === undefined ? {} : { value: outcome.value }) }
            : { ok: false },
        );
      },
      abandon: () => {
        flight.abandon();
        if (done) return;
        done = true;
        finish({ ok: false });
      },
    };
  }

  #idOf(tool: object, key: string): string | undefined {
    const name = (tool as { name?: unknown }).name;
    if (typeof name !== 'string' || !this.#tools.has(name)) return undefined;
    const split = splitScopedKey(key);
    if (split?.kind !== 'scope') return undefined;
    return `${digest(split.name)}:${digest(key)}`;
  }

  #lockKey = (id: string) => `${this.#prefix}flight:${id}`;
  #channelOf = (id: string) => `${this.#prefix}flight-channel:${id}`;

  /**
   * Subscribes, then tries the lock: an outcome published after the lock was found held reaches
   * us. One published before we subscribed came with the lock's release, so the lock is then
   * free and we make the call ourselves — a second call, never a stale result: only calls in
   * flight are shared, not results of calls that ended (that is the result cache's `ttlMs`).
   */
  #acquire(id: string, wait: RemoteWait): void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let unlisten: (() => void) | undefined;
    wait.stop = () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      unlisten?.();
    };
    const settle = (message: FlightMessage) => {
      if (stopped || this.#remote.get(id) !== wait) return;
      if (!message.ok) {
        attempt();
        return;
      }
      wait.stop();
      this.#remote.delete(id);
      const outcome = { ok: true as const, value: 'value' in message ? message.value : undefined };
      for (const follower of wait.followers.splice(0)) queueMicrotask(() => follower.land(outcome));
    };
    const attempt = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const token = `${this.#origin}:${crypto.randomUUID()}`;
      (async () => {
        if (stopped) return;
        const won = await this.#redis.call(
          'SET',
          this.#lockKey(id),
          token,
          'NX',
          'PX',
          this.#leaseMs,
        );
        if (stopped) {
          if (won === 'OK') await this.#redis.call('EVAL', RELEASE, 1, this.#lockKey(id), token);
          return;
        }
        if (won === 'OK') {
          wait.stop();
          this.#remote.delete(id);
          this.#granted.set(id, token);
          // The first follower begins the call under our lease; the others join it here.
          for (const follower of wait.followers.splice(0)) follower.abandon();
          // Nobody took it (they all left meanwhile): give the lease back.
          if (this.#granted.get(id) === token) {
            this.#granted.delete(id);
            await this.#redis.call('EVAL', RELEASE, 1, this.#lockKey(id), token);
          }
          return;
        }
        // Held elsewhere: look again when its lease would run out (renewed, it will not).
        const left = (await this.#redis.call('PTTL', this.#lockKey(id))) as number;
        if (stopped) return;
        timer = setTimeout(attempt, left > 0 ? left + 5 : 5);
        timer.unref();
      })().catch((error: unknown) => {
        this.#onError(error);
        this.#bypass.add(id);
        this.#abandonWait(id, wait);
      });
    };
    this.#channels
      .listen(this.#channelOf(id), (text) => settle(JSON.parse(text) as FlightMessage))
      .then((stop) => {
        if (stopped) stop();
        else {
          unlisten = stop;
          attempt();
        }
      })
      .catch((error: unknown) => {
        this.#onError(error);
        this.#bypass.add(id);
        this.#abandonWait(id, wait);
      });
  }

  /** Redis failed us, or the store closed: the waiters make their calls themselves. */
  #abandonWait(id: string, wait: RemoteWait): void {
    wait.stop();
    if (this.#remote.get(id) === wait) this.#remote.delete(id);
    for (const follower of wait.followers.splice(0)) queueMicrotask(() => follower.abandon());
  }
}

/**
 * A registry that is the process's own until `target` is set (the store connected): the agent's
 * settings hold it from creation, before Redis is reached.
 */
export class DeferredSingleFlight extends SingleFlight {
  target: SingleFlight | undefined;

  override join(tool: object, key: string, follower: FlightFollower): Flight | undefined {
    return this.target === undefined
      ? super.join(tool, key, follower)
      : this.target.join(tool, key, follower);
  }

  override leave(tool: object, key: string, follower: FlightFollower): void {
    if (this.target === undefined) super.leave(tool, key, follower);
    else this.target.leave(tool, key, follower);
  }

  override begin(tool: object, key: string, owner: { runId: string; stepId: string }): Flight {
    return this.target === undefined
      ? super.begin(tool, key, owner)
      : this.target.begin(tool, key, owner);
  }
}
